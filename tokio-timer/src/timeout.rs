//! [`Timeout`]: runs a future with a deadline.
//!
//! The inner future is polled first, so a value that is ready wins over a deadline that
//! passed in the same tick. The deadline's [`Delay`] is bound at creation but arms a wheel
//! entry only if the inner future returns `Pending` and the deadline is still ahead, so a
//! timeout around a ready future costs a clock read and a reference count.
//!
//! This module holds the crate's one pin projection (`Timeout` pins `value` structurally
//! and `delay` not at all).

use crate::errors::Elapsed;
use crate::{delay_for, delay_until, Delay, Instant};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Requires `future` to complete within `duration`.
///
/// Resolves to `Ok(output)` if the future completes first, `Err(Elapsed)` otherwise (the
/// future is then dropped with the `Timeout`).
///
/// # Panics
///
/// Outside a runtime, or in a runtime built without the timer (see
/// [`delay_for`](crate::delay_for)).
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let res = futures::executor::block_on(tokio_timer::timeout(
///     Duration::from_secs(1),
///     async { 42 },
/// ));
/// assert_eq!(res, Ok(42));
/// ```
#[track_caller]
pub fn timeout<T: Future>(duration: Duration, future: T) -> Timeout<T> {
    Timeout::new(future, delay_for(duration))
}

/// Requires `future` to complete before `deadline`.
///
/// # Panics
///
/// Outside a runtime, or in a runtime built without the timer.
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// use tokio_timer::Instant;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let deadline = Instant::now() + Duration::from_secs(1);
/// let res = futures::executor::block_on(tokio_timer::timeout_at(deadline, async { 1 }));
/// assert_eq!(res, Ok(1));
/// ```
#[track_caller]
pub fn timeout_at<T: Future>(deadline: Instant, future: T) -> Timeout<T> {
    Timeout::new(future, delay_until(deadline))
}

/// A future with a deadline, returned by [`timeout`] and [`timeout_at`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
#[derive(Debug)]
pub struct Timeout<T> {
    value: T,
    delay: Delay,
}

impl<T> Timeout<T> {
    pub(crate) fn new(value: T, delay: Delay) -> Timeout<T> {
        Timeout { value, delay }
    }

    /// Returns a reference to the inner future.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// Returns a mutable reference to the inner future.
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    /// Consumes the `Timeout`, returning the inner future.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T: Future> Future for Timeout<T> {
    type Output = Result<T::Output, Elapsed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: `value` is pinned structurally: it is never moved out of a pinned
        // `Timeout` (there is no `Drop` impl, `into_inner` takes `self` by value which a
        // pinned `!Unpin` `Timeout` cannot give, and `get_mut` needs `&mut Timeout`), and
        // `Timeout` is `Unpin` only when `T` is. `delay` is not pinned (`Delay: Unpin`).
        let (value, delay) = unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.value), &mut this.delay)
        };
        if let Poll::Ready(v) = value.poll(cx) {
            return Poll::Ready(Ok(v));
        }
        match Pin::new(delay).poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(Elapsed(()))),
            Poll::Pending => Poll::Pending,
        }
    }
}
