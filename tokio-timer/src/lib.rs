//! The runtime's timer: a hierarchical timing wheel as a [`Park`] layer around the inner
//! driver (SEAM STUB: the tokio-timer work replaces these bodies; the names and signatures
//! below are what the facade's runtime builds on).
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

use std::time::Duration;
use tokio_executor::park::Park;

/// The timer driver wrapped around an inner [`Park`].
#[derive(Debug)]
pub struct Timer<P: Park> {
    park: P,
}

/// A handle to a [`Timer`]: what new delays bind to.
#[derive(Clone, Debug)]
pub struct Handle {
    _private: (),
}

/// Restores the previous current timer when dropped.
#[derive(Debug)]
pub struct DefaultGuard {
    _private: (),
}

impl<P: Park> Timer<P> {
    /// Wraps `park`.
    pub fn new(park: P) -> Timer<P> {
        Timer { park }
    }

    /// Returns a handle that new delays can bind to.
    pub fn handle(&self) -> Handle {
        Handle { _private: () }
    }
}

impl<P: Park> Park for Timer<P> {
    type Unpark = P::Unpark;
    type Error = P::Error;

    fn unpark(&self) -> P::Unpark {
        self.park.unpark()
    }

    fn park(&mut self) -> Result<(), P::Error> {
        self.park.park()
    }

    fn park_timeout(&mut self, duration: Duration) -> Result<(), P::Error> {
        self.park.park_timeout(duration)
    }

    fn shutdown(&mut self) {
        self.park.shutdown()
    }
}

/// Makes `handle` the current timer of this thread until the guard drops.
pub fn set_default(handle: &Handle) -> DefaultGuard {
    let _ = handle;
    DefaultGuard { _private: () }
}
