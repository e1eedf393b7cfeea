//! The seam between a scheduler and the driver it parks in.
//!
//! A scheduler that has nothing to run calls [`Park::park`] (or [`Park::park_timeout`]) on
//! its driver. Another thread that makes work available calls [`Unpark::unpark`] on the
//! handle obtained from [`Park::unpark`]. Drivers stack: the timer is a `Park` wrapped
//! around the reactor, which is a `Park` itself; with neither enabled the scheduler parks
//! on a [`ParkThread`].
//!
//! Contract every implementation keeps:
//! 1. An `unpark` that happens before `park` makes the next `park` return at once (the
//!    notification is stored, never lost).
//! 2. `park` may return spuriously; callers re-check their queues.
//! 3. `park_timeout(Duration::ZERO)` never blocks: it only processes ready events.

mod thread;

pub use self::thread::{ParkError, ParkThread, UnparkThread};

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

/// Blocks the current thread until it is unparked or a driver event arrives.
pub trait Park {
    /// The handle that wakes this parker from another thread.
    type Unpark: Unpark;
    /// The error a driver can report while parking.
    type Error: Debug;

    /// Returns a handle that unparks this parker.
    fn unpark(&self) -> Self::Unpark;

    /// Blocks until unparked, or until the driver has events to process.
    fn park(&mut self) -> Result<(), Self::Error>;

    /// Like [`Park::park`], but returns after `duration` at the latest.
    fn park_timeout(&mut self, duration: Duration) -> Result<(), Self::Error>;

    /// Called once when the owning scheduler shuts down: drivers wake every waiting
    /// resource so later operations fail instead of hanging. Default: nothing to do.
    fn shutdown(&mut self) {}
}

/// Wakes a parked [`Park`] from any thread.
pub trait Unpark: Sync + Send + 'static {
    /// Unblocks the parker, or makes its next `park` return at once.
    fn unpark(&self);
}

impl Unpark for Box<dyn Unpark> {
    fn unpark(&self) {
        (**self).unpark()
    }
}

impl Unpark for Arc<dyn Unpark> {
    fn unpark(&self) {
        (**self).unpark()
    }
}
