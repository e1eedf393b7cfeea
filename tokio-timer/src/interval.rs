//! [`Interval`]: a stream of ticks `period` apart.
//!
//! The first tick completes at once (at `start`). Each tick's deadline is the previous
//! deadline plus `period`, not "now plus period": a task that falls behind gets the missed
//! ticks back-to-back until it has caught up, as in tokio 0.2.

use crate::errors;
use crate::{delay_until, Delay, Instant};
use futures_core::Stream;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Creates an interval whose first tick completes immediately.
///
/// # Panics
///
/// When `period` is zero ("`period` must be non-zero."), outside a runtime, or in a
/// runtime built without the timer.
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let mut interval = tokio_timer::interval(Duration::from_millis(10));
/// // The first tick completes at once; the next ones 10 ms apart.
/// let first = futures::executor::block_on(interval.tick());
/// assert!(first <= tokio_timer::Instant::now());
/// ```
#[track_caller]
pub fn interval(period: Duration) -> Interval {
    assert!(period > Duration::ZERO, "{}", errors::ZERO_PERIOD);
    interval_at(Instant::now(), period)
}

/// Creates an interval whose first tick completes at `start`.
///
/// # Panics
///
/// As [`interval`].
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// use tokio_timer::Instant;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let start = Instant::now();
/// let mut interval = tokio_timer::interval_at(start, Duration::from_millis(10));
/// assert_eq!(futures::executor::block_on(interval.tick()), start);
/// ```
#[track_caller]
pub fn interval_at(start: Instant, period: Duration) -> Interval {
    assert!(period > Duration::ZERO, "{}", errors::ZERO_PERIOD);
    Interval {
        delay: delay_until(start),
        period,
    }
}

/// A stream of instants `period` apart, created by [`interval`] or [`interval_at`].
#[derive(Debug)]
pub struct Interval {
    delay: Delay,
    period: Duration,
}

impl Interval {
    /// Completes when the next tick is due, returning its scheduled instant.
    ///
    /// Cancellation safe: dropping the future loses no tick.
    pub async fn tick(&mut self) -> Instant {
        std::future::poll_fn(|cx| self.poll_tick(cx)).await
    }

    /// Polls for the next tick.
    #[doc(hidden)]
    pub fn poll_tick(&mut self, cx: &mut Context<'_>) -> Poll<Instant> {
        if Pin::new(&mut self.delay).poll(cx).is_pending() {
            return Poll::Pending;
        }
        let now = self.delay.deadline();
        self.delay.reset(now.saturating_add(self.period));
        Poll::Ready(now)
    }
}

impl Stream for Interval {
    type Item = Instant;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Instant>> {
        self.get_mut().poll_tick(cx).map(Some)
    }
}
