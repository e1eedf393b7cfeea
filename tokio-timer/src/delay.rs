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
//!
//! Clock reads: creating a delay with `delay_for` reads the clock once. Polling reads it to
//! answer `Ready` for a deadline that has passed before the driver fired the entry, except
//! on the first poll of a delay created at least a second ahead of its deadline (a
//! `timeout` around I/O, the common case) while the clock runs: such a delay is armed
//! straight away. If it did become due in between (its task starved for that second), the
//! wheel refuses the entry when the driver has already passed its tick (`Ready` at once)
//! or fires it on the driver's next turn: late by one turn at worst, never early. A frozen
//! clock (`test-util`) is always read, so tests that advance time see exact answers.
//!
//! Costs: the first `Pending` poll takes the driver lock once (arming and registering the
//! waker together); a drop of an armed delay takes it once more (cancel). Later polls take
//! it only when the waker differs from the one registered last: `registered` keeps a clone
//! of that waker (set on the first re-poll, cleared by `reset`, which may leave the wheel
//! slot without one), so a delay re-polled by the same task (a `select!` loop) stays off
//! the lock.

use crate::driver::Armed;
use crate::driver::Handle;
use crate::errors;
use crate::loom::sync::Arc;
use crate::wheel::{Entry, FIRED, PENDING, SHUTDOWN};
use crate::Instant;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
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
    let mut delay = Delay::new_with_handle(handle, deadline);
    delay.far = duration >= FAR;
    delay
}

/// A delay created at least this long before its deadline skips the clock check on its
/// first poll (see the module doc).
const FAR: Duration = Duration::from_secs(1);

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
    /// A waker known to be registered with the armed entry (see the module doc).
    registered: Option<Waker>,
    /// Created by `delay_for` at least [`FAR`] ahead of its deadline (and not reset since).
    far: bool,
}

impl Delay {
    pub(crate) fn new_with_handle(handle: Handle, deadline: Instant) -> Delay {
        Delay {
            deadline,
            handle,
            entry: None,
            registered: None,
            far: false,
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
        self.registered = None;
        self.far = false;
        if let Some(entry) = &self.entry {
            let when = self.tick_of(deadline);
            self.handle.inner.arm(entry, when);
        }
    }

    fn tick_of(&self, deadline: Instant) -> u64 {
        self.handle.clock().deadline_tick(deadline.into_std())
    }

    /// Arms a new entry with the task's waker (first `Pending` poll).
    fn arm(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let when = self.tick_of(self.deadline);
        let (entry, armed) = self.handle.inner.arm_new(when, cx.waker().clone());
        self.entry = Some(entry);
        match armed {
            Armed::Pending => Poll::Pending,
            Armed::Fired => Poll::Ready(()),
            Armed::Shutdown => errors::shutdown(),
        }
    }

    /// Registers the task's waker with the armed entry, unless it already is.
    fn register(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let waker = cx.waker();
        if self.registered.as_ref().is_some_and(|w| w.will_wake(waker)) {
            return Poll::Pending;
        }
        let entry = self.entry.as_ref().expect("an armed delay has an entry");
        match self.handle.inner.register(entry, waker) {
            Armed::Pending => {
                self.registered = Some(waker.clone());
                Poll::Pending
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
        if this.entry.is_none() && this.far && !this.handle.clock().is_paused() {
            return this.arm(cx);
        }
        if this.handle.now() >= this.deadline {
            return Poll::Ready(());
        }
        if this.entry.is_some() {
            this.register(cx)
        } else {
            this.arm(cx)
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
