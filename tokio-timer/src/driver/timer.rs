//! [`Timer`]: the `Park` layer. See the parent module for the parking protocol.

use super::{Handle, Inner};
use crate::clock::Clock;
use crate::loom::sync::Arc;
use crate::wheel::Linked;
use std::fmt;
use std::time::Duration;
use tokio_executor::park::Park;

/// The timer driver wrapped around an inner [`Park`] (in a runtime: the reactor).
///
/// Parking it fires the timers that are due, then parks the inner driver until the next
/// timer's deadline at the latest.
///
/// ```
/// use std::time::Duration;
/// use tokio_executor::park::{Park, ParkThread};
/// use tokio_timer::{set_default, Timer};
///
/// let mut timer = Timer::new(ParkThread::new());
/// let _guard = set_default(&timer.handle());
/// let start = std::time::Instant::now();
/// let mut delay = tokio_timer::delay_for(Duration::from_millis(5));
/// let waker = futures::task::noop_waker();
/// let mut cx = std::task::Context::from_waker(&waker);
/// while std::pin::Pin::new(&mut delay).poll(&mut cx).is_pending() {
///     timer.park().unwrap();
/// }
/// assert!(start.elapsed() >= Duration::from_millis(5));
/// # use std::future::Future;
/// ```
pub struct Timer<P: Park> {
    park: P,
    inner: Arc<Inner>,
    /// Scratch space for the entries fired by one step (kept to avoid allocating).
    fired: Vec<Linked>,
    is_shutdown: bool,
}

impl<P: Park> Timer<P> {
    /// Wraps `park`.
    pub fn new(park: P) -> Timer<P> {
        let unpark = Box::new(park.unpark());
        let inner = Arc::new(Inner::new(Clock::new(), unpark));
        Timer {
            park,
            inner,
            fired: Vec::new(),
            is_shutdown: false,
        }
    }

    /// Returns a handle that new delays can bind to.
    pub fn handle(&self) -> Handle {
        Handle::new(self.inner.clone())
    }

    /// Returns a reference to the inner driver.
    pub fn get_park(&self) -> &P {
        &self.park
    }

    /// Returns a mutable reference to the inner driver.
    pub fn get_park_mut(&mut self) -> &mut P {
        &mut self.park
    }

    /// Fires every entry that is due; returns how many fired.
    fn fire_due(&mut self) -> usize {
        let clock = self.inner.clock();
        let now = clock.present_tick(clock.now());
        self.inner.process(now, &mut self.fired)
    }

    fn park_internal(&mut self, limit: Option<Duration>) -> Result<(), P::Error> {
        if limit == Some(Duration::ZERO) {
            // A scheduler's maintenance poll: no sleeping, no clock jump, one lock.
            self.park.park_timeout(Duration::ZERO)?;
            self.fire_due();
            return Ok(());
        }
        // Step 1. Waking a fired entry may have made a task runnable on this very thread
        // (a current-thread scheduler queues it locally, without an unpark): blocking now
        // would strand it. Turn the inner driver without sleeping and return instead.
        if self.fire_due() > 0 {
            self.park.park_timeout(Duration::ZERO)?;
            self.fire_due();
            return Ok(());
        }
        // Step 2.
        let next = self.inner.prepare_park();
        // Step 3.
        match next {
            Some(tick) if self.inner.clock().is_paused() => {
                self.park.park_timeout(Duration::ZERO)?;
                let clock = self.inner.clock();
                clock.advance_to(clock.instant_of(tick));
            }
            Some(tick) => {
                let clock = self.inner.clock();
                let until = clock
                    .instant_of(tick)
                    .saturating_duration_since(clock.now());
                let timeout = limit.map_or(until, |limit| limit.min(until));
                self.park.park_timeout(timeout)?;
            }
            None => match limit {
                Some(limit) => self.park.park_timeout(limit)?,
                None => self.park.park()?,
            },
        }
        // Step 4.
        self.fire_due();
        Ok(())
    }

    fn shutdown_timer(&mut self) {
        if !self.is_shutdown {
            self.is_shutdown = true;
            self.inner.shutdown(&mut self.fired);
        }
    }
}

impl<P: Park> Park for Timer<P> {
    type Unpark = P::Unpark;
    type Error = P::Error;

    fn unpark(&self) -> P::Unpark {
        self.park.unpark()
    }

    fn park(&mut self) -> Result<(), P::Error> {
        self.park_internal(None)
    }

    fn park_timeout(&mut self, duration: Duration) -> Result<(), P::Error> {
        self.park_internal(Some(duration))
    }

    fn shutdown(&mut self) {
        self.shutdown_timer();
        self.park.shutdown()
    }
}

impl<P: Park> Drop for Timer<P> {
    fn drop(&mut self) {
        self.shutdown_timer();
    }
}

impl<P: Park + fmt::Debug> fmt::Debug for Timer<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timer")
            .field("park", &self.park)
            .field("inner", &self.inner)
            .finish()
    }
}
