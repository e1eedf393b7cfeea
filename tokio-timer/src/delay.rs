//! [`Delay`]: a future that completes at a deadline.
//!
//! Binding is eager, insertion lazy: `delay_for` / `delay_until` capture the current timer's
//! handle at once (and panic without one), but the wheel entry is allocated and armed only on
//! the first poll that returns `Pending`. A delay that is already due when polled, or that
//! is dropped unpolled (a `timeout` around a ready future), never touches the wheel. The
//! entry of a delay dropped while armed goes back to a small pool in the timer, so
//! insert-then-cancel churn does not allocate.
//!
//! States: *unarmed* (`entry == None`), *armed* (entry `PENDING`, in the wheel), *fired*
//! (entry `FIRED`), *shut down* (entry `SHUTDOWN`). `reset` moves an armed or fired entry
//! to its new deadline, keeping the registered waker, so a task waiting on the delay is
//! woken at the new deadline even when another thread did the reset.

use crate::driver::Armed;
use crate::driver::Handle;
use crate::errors;
use crate::loom::sync::Arc;
use crate::wheel::{Entry, FIRED, PENDING, SHUTDOWN};
use crate::Instant;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Waits until `duration` has elapsed.
///
/// Equivalent to `delay_until(Instant::now() + duration)`. The delay has millisecond
/// resolution and never completes early. Cancel it by dropping it.
///
/// # Panics
///
/// Outside a runtime, or in a runtime built without `enable_time()` / `enable_all()`
/// ("there is no timer running, must be called from the context of a Tokio 0.2.x runtime").
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let delay = tokio_timer::delay_for(Duration::from_millis(100));
/// assert!(!delay.is_elapsed());
/// ```
#[track_caller]
pub fn delay_for(duration: Duration) -> Delay {
    let handle = Handle::current();
    let deadline = handle.now().saturating_add(duration);
    Delay::new_with_handle(handle, deadline)
}

/// Waits until `deadline` is reached.
///
/// # Panics
///
/// Outside a runtime, or in a runtime built without the timer (see [`delay_for`]).
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use tokio_timer::Instant;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// let delay = tokio_timer::delay_until(Instant::now());
/// assert!(delay.is_elapsed());
/// ```
#[track_caller]
pub fn delay_until(deadline: Instant) -> Delay {
    Delay::new_with_handle(Handle::current(), deadline)
}

/// A future that completes at a specific instant, with millisecond resolution.
///
/// Created by [`delay_for`] and [`delay_until`]. `Delay` is `Unpin`; it may be polled again
/// after completing (it stays complete until [`reset`](Delay::reset)).
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Delay {
    deadline: Instant,
    handle: Handle,
    entry: Option<Arc<Entry>>,
}

impl Delay {
    pub(crate) fn new_with_handle(handle: Handle, deadline: Instant) -> Delay {
        Delay {
            deadline,
            handle,
            entry: None,
        }
    }

    /// Returns the instant at which the delay completes.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Returns `true` if the deadline has passed (on the timer's clock) or the delay fired.
    pub fn is_elapsed(&self) -> bool {
        let fired = self.entry.as_ref().is_some_and(|e| e.state() == FIRED);
        fired || self.handle.now() >= self.deadline
    }

    /// Moves the deadline to `deadline`, before or after completion: a completed delay
    /// becomes pending again if the new deadline is in the future.
    pub fn reset(&mut self, deadline: Instant) {
        self.deadline = deadline;
        if let Some(entry) = &self.entry {
            let when = self.tick_of(deadline);
            self.handle.inner.arm(entry, when);
        }
    }

    fn tick_of(&self, deadline: Instant) -> u64 {
        self.handle.clock().deadline_tick(deadline.into_std())
    }

    /// Arms a new entry (first `Pending` poll), then registers the waker and re-reads the
    /// state, so a fire between the two is not lost.
    fn arm(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let when = self.tick_of(self.deadline);
        let (entry, armed) = self.handle.inner.arm_new(when);
        let entry = self.entry.insert(entry);
        match armed {
            Armed::Pending => {
                entry.register(cx.waker());
                check_state(entry)
            }
            Armed::Fired => Poll::Ready(()),
            Armed::Shutdown => errors::shutdown(),
        }
    }
}

fn check_state(entry: &Entry) -> Poll<()> {
    match entry.state() {
        FIRED => Poll::Ready(()),
        SHUTDOWN => errors::shutdown(),
        _ => Poll::Pending,
    }
}

impl Future for Delay {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // tokio 0.2's cooperative budget: each poll spends one unit of the task's budget
        // (yielding once it is spent); a poll that stays `Pending` refunds it.
        let unit = match tokio_executor::coop::poll_proceed(cx) {
            Poll::Ready(unit) => unit,
            Poll::Pending => return Poll::Pending,
        };
        let ret = self.get_mut().poll_unbudgeted(cx);
        if ret.is_ready() {
            unit.made_progress();
        }
        ret
    }
}

impl Delay {
    fn poll_unbudgeted(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let this = self;
        if let Some(entry) = &this.entry {
            if check_state(entry).is_ready() {
                return Poll::Ready(());
            }
        }
        if this.handle.inner.is_shutdown() {
            errors::shutdown();
        }
        if this.handle.now() >= this.deadline {
            return Poll::Ready(());
        }
        match &this.entry {
            Some(entry) => {
                entry.register(cx.waker());
                check_state(entry)
            }
            None => this.arm(cx),
        }
    }
}

impl Drop for Delay {
    fn drop(&mut self) {
        if let Some(entry) = self.entry.take() {
            if entry.state() == PENDING {
                self.handle.inner.cancel_and_recycle(entry);
            }
        }
    }
}

impl fmt::Debug for Delay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delay")
            .field("deadline", &self.deadline)
            .finish()
    }
}
