//! The stream returned by [`StreamExt::timeout`](super::StreamExt::timeout).
//!
//! State: `deadline` is a timer armed `duration` after construction and re-armed after
//! every item; `armed` says whether it can still fire. When it fires the stream yields
//! one `Err(Elapsed)` and disarms; the next item re-arms it. The inner stream is fused
//! and always polled first, so an item that is ready wins over an expired deadline.
//!
//! The timer is a `time::Timeout` around a never-ready future: its `Err(Elapsed)` is the
//! error handed out (`Elapsed` has no public constructor), and re-arming replaces it.

use super::fuse::Fuse;
use crate::time::{timeout_at, Duration, Elapsed, Instant, Timeout as TimeoutFuture};
use futures_core::Stream;
use std::future::{pending, Future, Pending};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::timeout`](super::StreamExt::timeout): yields `Ok(item)` for
/// items that arrive in time and `Err(Elapsed)` once per gap longer than the duration.
/// `Unpin` when the inner stream is.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Timeout<S> {
    stream: Fuse<S>,
    deadline: TimeoutFuture<Pending<()>>,
    duration: Duration,
    armed: bool,
}

impl<S: Stream> Timeout<S> {
    #[track_caller]
    pub(super) fn new(stream: S, duration: Duration) -> Self {
        Timeout {
            stream: Fuse::new(stream),
            deadline: arm(duration),
            duration,
            armed: true,
        }
    }

    fn project(self: Pin<&mut Self>) -> Projection<'_, S> {
        // SAFETY: `stream` is structurally pinned: never moved out, no Drop impl, and
        // `Timeout` is `Unpin` only when `Fuse<S>` is (the other fields are `Unpin`, auto
        // impl). `deadline` is `Unpin` (it wraps `Pending<()>`), so it is handed out as a
        // plain `&mut` and may be replaced.
        unsafe {
            let this = self.get_unchecked_mut();
            Projection {
                stream: Pin::new_unchecked(&mut this.stream),
                deadline: &mut this.deadline,
                duration: this.duration,
                armed: &mut this.armed,
            }
        }
    }
}

struct Projection<'a, S> {
    stream: Pin<&'a mut Fuse<S>>,
    deadline: &'a mut TimeoutFuture<Pending<()>>,
    duration: Duration,
    armed: &'a mut bool,
}

#[track_caller]
fn arm(duration: Duration) -> TimeoutFuture<Pending<()>> {
    timeout_at(Instant::now() + duration, pending())
}

impl<S: Stream> Stream for Timeout<S> {
    type Item = Result<S::Item, Elapsed>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        if let Poll::Ready(item) = this.stream.poll_next(cx) {
            if item.is_some() {
                *this.deadline = arm(this.duration);
                *this.armed = true;
            }
            return Poll::Ready(item.map(Ok));
        }
        if !*this.armed {
            return Poll::Pending;
        }
        match Pin::new(this.deadline).poll(cx) {
            Poll::Ready(Err(elapsed)) => {
                *this.armed = false;
                Poll::Ready(Some(Err(elapsed)))
            }
            // The wrapped future never completes, so `Ok` cannot happen.
            Poll::Ready(Ok(())) | Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lower, upper) = self.stream.size_hint();
        // Each gap can add one `Err(Elapsed)` between items (and one after the last).
        let upper = upper.and_then(|n| n.checked_mul(2)?.checked_add(1));
        (lower, upper)
    }
}
