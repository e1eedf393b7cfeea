//! The reactor driver (SEAM STUB: the tokio-net work replaces these bodies; the names and
//! signatures below are what the facade's runtime builds on).

use std::io;
use std::time::Duration;
use tokio_executor::park::{Park, ParkThread, Unpark, UnparkThread};

/// The I/O driver: one per runtime.
#[derive(Debug)]
pub struct Reactor {
    park: ParkThread,
}

/// A handle to a [`Reactor`]: what new resources bind to.
#[derive(Clone, Debug)]
pub struct Handle {
    _private: (),
}

/// Wakes a [`Reactor`] parked in the OS poll.
#[derive(Clone, Debug)]
pub struct ReactorUnpark {
    inner: UnparkThread,
}

/// Restores the previous current reactor when dropped.
#[derive(Debug)]
pub struct DefaultGuard {
    _private: (),
}

impl Reactor {
    /// Creates a reactor.
    pub fn new() -> io::Result<Reactor> {
        Ok(Reactor {
            park: ParkThread::new(),
        })
    }

    /// Returns a handle that new I/O resources can bind to.
    pub fn handle(&self) -> Handle {
        Handle { _private: () }
    }
}

impl Park for Reactor {
    type Unpark = ReactorUnpark;
    type Error = io::Error;

    fn unpark(&self) -> ReactorUnpark {
        ReactorUnpark {
            inner: self.park.unpark(),
        }
    }

    fn park(&mut self) -> io::Result<()> {
        let _ = self.park.park();
        Ok(())
    }

    fn park_timeout(&mut self, duration: Duration) -> io::Result<()> {
        let _ = self.park.park_timeout(duration);
        Ok(())
    }
}

impl Unpark for ReactorUnpark {
    fn unpark(&self) {
        self.inner.unpark();
    }
}

/// Makes `handle` the current reactor of this thread until the guard drops.
pub fn set_default(handle: &Handle) -> DefaultGuard {
    let _ = handle;
    DefaultGuard { _private: () }
}
