//! [`Throttle`]: a stream that waits at least `duration` between items.

use crate::{Delay, Handle};
use futures_core::Stream;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Slows down `stream` so that it yields at most one item per `duration`.
///
/// The first item is yielded as soon as it is ready; after each item the stream is not
/// polled again until `duration` has passed.
///
/// # Panics
///
/// Outside a runtime, or in a runtime built without the timer.
///
/// ```no_run
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use futures::StreamExt;
/// use std::time::Duration;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let stream = tokio_timer::throttle(Duration::from_millis(1), futures::stream::iter(1..=3));
/// let items: Vec<i32> = futures::executor::block_on(stream.collect());
/// assert_eq!(items, vec![1, 2, 3]);
/// ```
#[track_caller]
pub fn throttle<T: Stream>(duration: Duration, stream: T) -> Throttle<T> {
    let handle = Handle::current();
    let now = handle.now();
    Throttle {
        delay: Delay::new_with_handle(handle, now),
        duration,
        has_delayed: true,
        stream: Box::pin(stream),
    }
}

/// A stream throttled by [`throttle`].
#[must_use = "streams do nothing unless polled"]
#[derive(Debug)]
pub struct Throttle<T> {
    delay: Delay,
    duration: Duration,
    /// Whether the wait since the last item is over.
    has_delayed: bool,
    stream: Pin<Box<T>>,
}

impl<T: Unpin> Throttle<T> {
    /// Returns a reference to the inner stream.
    pub fn get_ref(&self) -> &T {
        &self.stream
    }

    /// Returns a mutable reference to the inner stream.
    pub fn get_mut(&mut self) -> &mut T {
        Pin::get_mut(self.stream.as_mut())
    }

    /// Consumes the `Throttle`, returning the inner stream.
    pub fn into_inner(self) -> T {
        *Pin::into_inner(self.stream)
    }
}

impl<T: Stream> Stream for Throttle<T> {
    type Item = T::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T::Item>> {
        let this = self.get_mut();
        if !this.has_delayed && !this.duration.is_zero() {
            if Pin::new(&mut this.delay).poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.has_delayed = true;
        }
        let item = match this.stream.as_mut().poll_next(cx) {
            Poll::Ready(item) => item,
            Poll::Pending => return Poll::Pending,
        };
        if item.is_some() && !this.duration.is_zero() {
            let next = crate::Instant::now().saturating_add(this.duration);
            this.delay.reset(next);
            this.has_delayed = false;
        }
        Poll::Ready(item)
    }
}
