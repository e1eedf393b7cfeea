//! The reactor: the mio `Poll`, its `Events` buffer, the `mio::Waker` that unparks it,
//! and the slab of registered resources.
//!
//! The slot table (tokens with generations, its lock, the shutdown state) lives in
//! `slots`; this module adds the OS side: the `Poll`, its `Events` and the waker.
//!
//! # Shutdown
//! 1. `shutdown` (called by the scheduler, and by `Drop`) takes the table lock and marks
//!    the table closed: later registrations fail with an `io::Error`.
//! 2. Each slot gets the `SHUTDOWN` bit and gives up its wakers; the slab is emptied
//!    (which also breaks the reference cycle slab → waker → task → resource).
//! 3. After the lock is released every collected waker is woken: their tasks poll, see
//!    `SHUTDOWN`, and get an `io::Error`. Nothing waits forever.
//!
//! # Registering
//! The slot is inserted before the source is registered with mio, so even the very first
//! event (epoll reports a ready fd on registration) finds it. A shutdown between the two
//! steps leaves the new resource marked `SHUTDOWN`: it gets errors, never a hang.

use super::handle::Handle;
use super::ready::Ready;
use super::scheduled_io::{ScheduledIo, TICK_MAX};
use super::slots::SlotTable;
use crate::loom::sync::Arc;
use mio::event::Source;
use mio::{Events, Interest, Poll, Token};
use std::fmt;
use std::io;
use std::task::Waker;
use std::time::Duration;
use tokio_executor::park::{Park, Unpark};

const WAKE_TOKEN: Token = Token(usize::MAX);
const EVENTS_CAPACITY: usize = 1024;

/// The I/O driver: one per runtime.
///
/// Implements [`Park`]: parking blocks in the OS poll (`epoll_wait`), dispatches the
/// events to the resources' wakers, and returns. [`Park::shutdown`] (and dropping the
/// reactor) wakes every waiting resource; their operations then fail with an
/// `io::Error`.
///
/// ```
/// use tokio_executor::park::Park;
/// use tokio_net::driver::Reactor;
/// use std::time::Duration;
///
/// let mut reactor = Reactor::new().unwrap();
/// // Nothing registered: returns after the timeout (or spuriously earlier).
/// reactor.park_timeout(Duration::from_millis(1)).unwrap();
/// ```
pub struct Reactor {
    poll: Poll,
    events: Events,
    inner: Arc<Inner>,
    unpark: ReactorUnpark,
    tick: usize,
    wake_buf: Vec<Waker>,
}

/// Wakes a [`Reactor`] parked in the OS poll (through a `mio::Waker`).
#[derive(Clone)]
pub struct ReactorUnpark {
    waker: Arc<mio::Waker>,
}

/// The part of the reactor that handles share.
pub(crate) struct Inner {
    registry: mio::Registry,
    table: SlotTable,
}

impl Reactor {
    /// Creates a reactor (a new epoll instance and its waker).
    pub fn new() -> io::Result<Reactor> {
        let poll = Poll::new()?;
        let waker = mio::Waker::new(poll.registry(), WAKE_TOKEN)?;
        let registry = poll.registry().try_clone()?;
        Ok(Reactor {
            poll,
            events: Events::with_capacity(EVENTS_CAPACITY),
            inner: Arc::new(Inner {
                registry,
                table: SlotTable::new(),
            }),
            unpark: ReactorUnpark {
                waker: Arc::new(waker),
            },
            tick: 0,
            wake_buf: Vec::new(),
        })
    }

    /// Returns a handle that new I/O resources can bind to (see [`super::set_default`]).
    pub fn handle(&self) -> Handle {
        Handle::new(self.inner.clone())
    }

    /// Polls the OS once (blocking up to `timeout`) and wakes the resources that became
    /// ready.
    fn turn(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(e),
        }
        self.tick = (self.tick + 1) & TICK_MAX;
        self.dispatch();
        self.wake_all();
        Ok(())
    }

    /// Wakes the collected wakers in the order their events came, keeping the buffer's
    /// allocation (popping from the reversed buffer: no out-of-line `Drain` drop per turn,
    /// which cost more than the usual single wake-up).
    fn wake_all(&mut self) {
        self.wake_buf.reverse();
        while let Some(waker) = self.wake_buf.pop() {
            waker.wake();
        }
    }

    /// Applies the polled events to their slots, collecting wakers into `wake_buf`.
    fn dispatch(&mut self) {
        if self.events.is_empty() {
            return;
        }
        let events = self
            .events
            .iter()
            .filter(|event| event.token() != WAKE_TOKEN)
            .map(|event| (event.token(), Ready::from_event(event)));
        self.inner
            .table
            .dispatch(events, self.tick, &mut self.wake_buf);
    }

    /// Shuts down: see the module doc. Idempotent.
    fn shutdown_resources(&mut self) {
        self.inner.table.shutdown(&mut self.wake_buf);
        self.wake_all();
    }
}

impl Park for Reactor {
    type Unpark = ReactorUnpark;
    type Error = io::Error;

    fn unpark(&self) -> ReactorUnpark {
        self.unpark.clone()
    }

    fn park(&mut self) -> io::Result<()> {
        self.turn(None)
    }

    fn park_timeout(&mut self, duration: Duration) -> io::Result<()> {
        self.turn(Some(duration))
    }

    fn shutdown(&mut self) {
        self.shutdown_resources();
    }
}

impl Drop for Reactor {
    fn drop(&mut self) {
        self.shutdown_resources();
    }
}

impl fmt::Debug for Reactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reactor").field("tick", &self.tick).finish()
    }
}

impl Unpark for ReactorUnpark {
    fn unpark(&self) {
        // A failed wake means the epoll instance is gone: nobody is parked in it.
        let _ = self.waker.wake();
    }
}

impl fmt::Debug for ReactorUnpark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReactorUnpark").finish()
    }
}

impl Inner {
    /// Test hook: delivers an event as a reactor turn would; false when it was dropped.
    #[cfg(all(test, not(loom)))]
    pub(crate) fn inject(&self, token: Token, ready: Ready, tick: usize) -> bool {
        let mut wakers = Vec::new();
        let delivered = self.table.dispatch([(token, ready)], tick, &mut wakers);
        wakers.into_iter().for_each(Waker::wake);
        delivered == 1
    }

    /// Registers `source` for `interest`, returning its token and slot state (see
    /// "Registering" in the module doc).
    pub(crate) fn register<S: Source + ?Sized>(
        &self,
        source: &mut S,
        interest: Interest,
    ) -> io::Result<(Token, Arc<ScheduledIo>)> {
        let (token, io) = self.table.insert()?;
        if let Err(e) = self.registry.register(source, token, interest) {
            self.table.release(token);
            return Err(e);
        }
        Ok((token, io))
    }

    /// Deregisters `source` from the OS poll.
    pub(crate) fn deregister<S: Source + ?Sized>(&self, source: &mut S) -> io::Result<()> {
        self.registry.deregister(source)
    }

    /// Frees the slot of `token` (if it still belongs to that token).
    pub(crate) fn release(&self, token: Token) {
        self.table.release(token);
    }
}
