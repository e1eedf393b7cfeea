//! The runtime's driver: a plain thread parker, the reactor, the timer around either,
//! chosen by `enable_io` / `enable_time` (and the compiled features), and the handles
//! new resources bind to.

use std::io;
use std::time::Duration;
use tokio_executor::park::{Park, ParkThread, Unpark};

/// The driver the scheduler parks in.
#[derive(Debug)]
pub(crate) enum Driver {
    Thread(ParkThread),
    #[cfg(feature = "io-driver")]
    Reactor(tokio_net::driver::Reactor),
    #[cfg(feature = "time")]
    TimerThread(tokio_timer::Timer<ParkThread>),
    #[cfg(all(feature = "io-driver", feature = "time"))]
    TimerReactor(tokio_timer::Timer<tokio_net::driver::Reactor>),
}

/// What new I/O resources and timers bind to, per enabled driver.
#[derive(Clone, Debug, Default)]
pub(crate) struct Handles {
    #[cfg(feature = "io-driver")]
    pub(crate) io: Option<tokio_net::driver::Handle>,
    #[cfg(feature = "time")]
    pub(crate) time: Option<tokio_timer::Handle>,
}

/// Restores the previous current reactor and timer when dropped.
pub(crate) struct HandlesGuard {
    #[cfg(feature = "io-driver")]
    _io: Option<tokio_net::driver::DefaultGuard>,
    #[cfg(feature = "time")]
    _time: Option<tokio_timer::DefaultGuard>,
}

impl Handles {
    /// Makes these handles current on this thread until the guard drops.
    pub(crate) fn enter(&self) -> HandlesGuard {
        HandlesGuard {
            #[cfg(feature = "io-driver")]
            _io: self.io.as_ref().map(tokio_net::driver::set_default),
            #[cfg(feature = "time")]
            _time: self.time.as_ref().map(tokio_timer::set_default),
        }
    }
}

/// Builds the driver stack for the enabled drivers.
pub(crate) fn create(enable_io: bool, enable_time: bool) -> io::Result<(Driver, Handles)> {
    let mut handles = Handles::default();
    let driver = compose(enable_io, enable_time, &mut handles)?;
    Ok((driver, handles))
}

#[cfg(all(feature = "io-driver", feature = "time"))]
fn compose(io: bool, time: bool, handles: &mut Handles) -> io::Result<Driver> {
    Ok(match (io, time) {
        (true, true) => {
            let reactor = tokio_net::driver::Reactor::new()?;
            handles.io = Some(reactor.handle());
            let timer = tokio_timer::Timer::new(reactor);
            handles.time = Some(timer.handle());
            Driver::TimerReactor(timer)
        }
        (true, false) => {
            let reactor = tokio_net::driver::Reactor::new()?;
            handles.io = Some(reactor.handle());
            Driver::Reactor(reactor)
        }
        (false, true) => {
            let timer = tokio_timer::Timer::new(ParkThread::new());
            handles.time = Some(timer.handle());
            Driver::TimerThread(timer)
        }
        (false, false) => Driver::Thread(ParkThread::new()),
    })
}

#[cfg(all(feature = "io-driver", not(feature = "time")))]
fn compose(io: bool, _time: bool, handles: &mut Handles) -> io::Result<Driver> {
    if io {
        let reactor = tokio_net::driver::Reactor::new()?;
        handles.io = Some(reactor.handle());
        return Ok(Driver::Reactor(reactor));
    }
    Ok(Driver::Thread(ParkThread::new()))
}

#[cfg(all(not(feature = "io-driver"), feature = "time"))]
fn compose(_io: bool, time: bool, handles: &mut Handles) -> io::Result<Driver> {
    if time {
        let timer = tokio_timer::Timer::new(ParkThread::new());
        handles.time = Some(timer.handle());
        return Ok(Driver::TimerThread(timer));
    }
    Ok(Driver::Thread(ParkThread::new()))
}

#[cfg(all(not(feature = "io-driver"), not(feature = "time")))]
fn compose(_io: bool, _time: bool, _handles: &mut Handles) -> io::Result<Driver> {
    Ok(Driver::Thread(ParkThread::new()))
}

fn thread_err<E: std::fmt::Debug>(e: E) -> io::Error {
    io::Error::other(format!("{e:?}"))
}

impl Park for Driver {
    type Unpark = Box<dyn Unpark>;
    type Error = io::Error;

    fn unpark(&self) -> Self::Unpark {
        match self {
            Driver::Thread(p) => Box::new(p.unpark()),
            #[cfg(feature = "io-driver")]
            Driver::Reactor(p) => Box::new(p.unpark()),
            #[cfg(feature = "time")]
            Driver::TimerThread(p) => Box::new(p.unpark()),
            #[cfg(all(feature = "io-driver", feature = "time"))]
            Driver::TimerReactor(p) => Box::new(p.unpark()),
        }
    }

    fn park(&mut self) -> io::Result<()> {
        match self {
            Driver::Thread(p) => p.park().map_err(thread_err),
            #[cfg(feature = "io-driver")]
            Driver::Reactor(p) => p.park(),
            #[cfg(feature = "time")]
            Driver::TimerThread(p) => p.park().map_err(thread_err),
            #[cfg(all(feature = "io-driver", feature = "time"))]
            Driver::TimerReactor(p) => p.park(),
        }
    }

    fn park_timeout(&mut self, duration: Duration) -> io::Result<()> {
        match self {
            Driver::Thread(p) => p.park_timeout(duration).map_err(thread_err),
            #[cfg(feature = "io-driver")]
            Driver::Reactor(p) => p.park_timeout(duration),
            #[cfg(feature = "time")]
            Driver::TimerThread(p) => p.park_timeout(duration).map_err(thread_err),
            #[cfg(all(feature = "io-driver", feature = "time"))]
            Driver::TimerReactor(p) => p.park_timeout(duration),
        }
    }

    fn shutdown(&mut self) {
        match self {
            Driver::Thread(p) => p.shutdown(),
            #[cfg(feature = "io-driver")]
            Driver::Reactor(p) => p.shutdown(),
            #[cfg(feature = "time")]
            Driver::TimerThread(p) => p.shutdown(),
            #[cfg(all(feature = "io-driver", feature = "time"))]
            Driver::TimerReactor(p) => p.shutdown(),
        }
    }
}
