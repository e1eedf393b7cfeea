//! The `test-util` clock: frozen, advanced and thawed by tests.
//!
//! State, under one mutex: `base` and `unfrozen`. The present is `base` while frozen
//! (`unfrozen == None`) and `base + unfrozen.elapsed()` while running. Freezing folds the
//! time run since `unfrozen` into `base`; advancing adds to `base`; thawing restarts
//! `unfrozen` at std's present. So the clock never goes backwards.
//!
//! Fast path: until the clock is frozen for the first time (`mocked == false`) the present
//! is exactly std's present, read without the mutex. `paused` mirrors `unfrozen.is_none()`
//! for the driver's lock-free check; both flags are written only under the mutex.

use crate::driver::Handle;
use crate::errors;
use crate::loom::sync::atomic::{AtomicBool, Ordering};
use crate::loom::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub(crate) struct Source {
    mocked: AtomicBool,
    paused: AtomicBool,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    base: Instant,
    unfrozen: Option<Instant>,
}

impl State {
    fn now(&self) -> Instant {
        match self.unfrozen {
            Some(since) => self.base + since.elapsed(),
            None => self.base,
        }
    }
}

impl Source {
    pub(crate) fn new() -> Source {
        let now = Instant::now();
        Source {
            mocked: AtomicBool::new(false),
            paused: AtomicBool::new(false),
            state: Mutex::new(State {
                base: now,
                unfrozen: Some(now),
            }),
        }
    }

    pub(crate) fn now(&self) -> Instant {
        if !self.mocked.load(Ordering::Acquire) {
            return Instant::now();
        }
        self.state.lock().unwrap().now()
    }

    pub(crate) fn current_now() -> Instant {
        crate::driver::with_current(|handle| match handle {
            Some(handle) => handle.clock().now(),
            None => Instant::now(),
        })
    }

    pub(crate) fn is_paused(&self) -> bool {
        self.paused.load(Ordering::Acquire)
    }

    pub(crate) fn advance_to(&self, t: Instant) {
        let mut state = self.state.lock().unwrap();
        if state.unfrozen.is_none() && t > state.base {
            state.base = t;
        }
    }

    /// Freezes the clock; `false` if it was already frozen. The frozen present is rounded
    /// up to a whole millisecond past `epoch`, so that whole-millisecond sleeps end exactly
    /// on a wheel tick and the driver's jumps land on their deadlines exactly.
    fn pause(&self, epoch: Instant) -> bool {
        let mut state = self.state.lock().unwrap();
        let Some(since) = state.unfrozen.take() else {
            return false;
        };
        state.base += since.elapsed();
        let offset = state.base.saturating_duration_since(epoch);
        let whole_ms = offset.as_nanos().div_ceil(1_000_000);
        let aligned = Duration::from_millis(u64::try_from(whole_ms).unwrap_or(u64::MAX));
        if let Some(aligned) = epoch.checked_add(aligned) {
            state.base = state.base.max(aligned);
        }
        self.mocked.store(true, Ordering::Release);
        self.paused.store(true, Ordering::Release);
        true
    }

    /// Thaws the clock; `false` if it was not frozen.
    fn resume(&self) -> bool {
        let mut state = self.state.lock().unwrap();
        if state.unfrozen.is_some() {
            return false;
        }
        state.unfrozen = Some(Instant::now());
        self.paused.store(false, Ordering::Release);
        true
    }

    /// Moves a frozen clock by `duration`; `false` if it was not frozen.
    fn advance(&self, duration: Duration) -> bool {
        let mut state = self.state.lock().unwrap();
        if state.unfrozen.is_some() {
            return false;
        }
        state.base += duration;
        true
    }
}

#[track_caller]
fn current() -> Handle {
    match Handle::try_current() {
        Some(handle) => handle,
        None => panic!("{}", errors::FROZEN_OUTSIDE),
    }
}

/// Freezes the current runtime's clock: from now on time moves only when
/// [`advance`] is called, or when the runtime has nothing to do but wait for a timer, in
/// which case the clock jumps straight to that timer's deadline.
///
/// # Panics
///
/// Outside a runtime with the timer enabled ("time cannot be frozen from outside the Tokio
/// runtime"), or when the clock is already frozen ("time is already frozen").
///
/// ```
/// # use tokio_timer::{Timer, set_default, Instant};
/// # use tokio_executor::park::ParkThread;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// tokio_timer::pause();
/// let a = Instant::now();
/// std::thread::sleep(std::time::Duration::from_millis(2));
/// assert_eq!(Instant::now(), a);
/// ```
#[track_caller]
pub fn pause() {
    let handle = current();
    let clock = handle.clock();
    if !clock.source.pause(clock.start) {
        panic!("{}", errors::ALREADY_FROZEN);
    }
}

/// Thaws the current runtime's clock: time runs again from where it was frozen.
///
/// # Panics
///
/// Outside a runtime with the timer enabled, or when the clock is not frozen ("time is not
/// frozen").
///
/// ```
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// tokio_timer::pause();
/// tokio_timer::resume();
/// ```
#[track_caller]
pub fn resume() {
    if !current().clock().source.resume() {
        panic!("{}", errors::NOT_FROZEN);
    }
}

/// Moves the frozen clock forward by `duration`, then yields once so that tasks whose timers
/// are now due can run.
///
/// # Panics
///
/// When polled outside a runtime with the timer enabled, or when the clock is not frozen
/// ("time is not frozen").
///
/// ```
/// # use tokio_timer::{Timer, set_default, Instant};
/// # use tokio_executor::park::ParkThread;
/// # use std::time::Duration;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
/// tokio_timer::pause();
/// let start = Instant::now();
/// futures::executor::block_on(tokio_timer::advance(Duration::from_secs(3600)));
/// assert_eq!(Instant::now() - start, Duration::from_secs(3600));
/// ```
pub async fn advance(duration: Duration) {
    let handle = current();
    if !handle.clock().source.advance(duration) {
        panic!("{}", errors::NOT_FROZEN);
    }
    handle.unpark_driver();
    YieldNow(false).await
}

struct YieldNow(bool);

impl std::future::Future for YieldNow {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}
