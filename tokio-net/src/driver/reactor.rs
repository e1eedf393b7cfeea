//! The reactor: the mio `Poll`, its `Events` buffer, the `mio::Waker` that unparks it,
//! and the slab of registered resources.
//!
//! # Tokens
//! A resource's mio token is `generation << INDEX_BITS | slab index`. The generation is a
//! counter bumped on every registration, so when a slot is freed and reused, an event
//! still in flight for the old owner carries a stale generation and is dropped instead of
//! being delivered to the new one. The top bit is never used, so no resource token can
//! equal the waker's token (`usize::MAX`).
//!
//! # Locking
//! The slab sits behind one mutex, taken when a resource registers or is dropped and
//! once per reactor turn (not per event). Readiness checks by resources never take it:
//! they read the `ScheduledIo` their `Registration` holds directly. Wakers are collected
//! during the turn and woken after the lock is released, so a waker whose drop releases
//! another resource cannot deadlock on the slab.
//!
//! # Shutdown
//! 1. `shutdown` (called by the scheduler, and by `Drop`) takes the slab lock and marks
//!    the slab closed: later registrations fail with an `io::Error`.
//! 2. Each slot gets the `SHUTDOWN` bit and gives up its wakers; the slab is emptied
//!    (which also breaks the reference cycle slab → waker → task → resource).
//! 3. After the lock is released every collected waker is woken: their tasks poll, see
//!    `SHUTDOWN`, and get an `io::Error`. Nothing waits forever.

use super::handle::Handle;
use super::ready::Ready;
use super::scheduled_io::{ScheduledIo, TICK_MAX};
use crate::errors;
use crate::loom::sync::{Arc, Mutex, MutexGuard};
use mio::event::Source;
use mio::{Events, Interest, Poll, Token};
use slab::Slab;
use std::fmt;
use std::io;
use std::task::Waker;
use std::time::Duration;
use tokio_executor::park::{Park, Unpark};

const INDEX_BITS: u32 = 24;
const INDEX_MASK: usize = (1 << INDEX_BITS) - 1;
const GENERATION_MASK: usize = (1 << (usize::BITS - INDEX_BITS - 1)) - 1;
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
    slots: Mutex<Slots>,
}

struct Slots {
    slab: Slab<Slot>,
    next_generation: usize,
    shutdown: bool,
}

struct Slot {
    generation: usize,
    io: Arc<ScheduledIo>,
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
                slots: Mutex::new(Slots {
                    slab: Slab::new(),
                    next_generation: 0,
                    shutdown: false,
                }),
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
        for waker in self.wake_buf.drain(..) {
            waker.wake();
        }
        Ok(())
    }

    /// Applies the polled events to their slots, collecting wakers into `wake_buf`.
    fn dispatch(&mut self) {
        if self.events.is_empty() {
            return;
        }
        let slots = self.inner.lock_slots();
        for event in self.events.iter() {
            let token = event.token();
            if token == WAKE_TOKEN {
                continue;
            }
            let ready = Ready::from_event(event);
            slots.apply(token, ready, self.tick, &mut self.wake_buf);
        }
    }

    /// Shuts down: see the module doc. Idempotent.
    fn shutdown_resources(&mut self) {
        {
            let mut slots = self.inner.lock_slots();
            slots.shutdown = true;
            for (_, slot) in slots.slab.iter() {
                slot.io.shutdown(&mut self.wake_buf);
            }
            slots.slab.clear();
        }
        for waker in self.wake_buf.drain(..) {
            waker.wake();
        }
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

impl Slots {
    /// Delivers `ready` to the slot `token` names, unless the slot was freed or reused
    /// since (its generation differs): then the event is stale and dropped.
    fn apply(&self, token: Token, ready: Ready, tick: usize, wake_buf: &mut Vec<Waker>) -> bool {
        let (index, generation) = split_token(token);
        match self.slab.get(index) {
            Some(slot) if slot.generation == generation => {
                slot.io.set_readiness(tick, ready);
                slot.io.take_wakers(ready, wake_buf);
                true
            }
            _ => false,
        }
    }
}

impl Inner {
    /// Test hook: delivers an event as a reactor turn would; false when it was dropped.
    #[cfg(all(test, not(loom)))]
    pub(crate) fn inject(&self, token: Token, ready: Ready, tick: usize) -> bool {
        let mut wakers = Vec::new();
        let delivered = self.lock_slots().apply(token, ready, tick, &mut wakers);
        wakers.into_iter().for_each(Waker::wake);
        delivered
    }

    fn lock_slots(&self) -> MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers `source` for `interest`, returning its token and slot state.
    ///
    /// The slot is inserted before the source is registered with mio, so even the very
    /// first event (epoll reports a ready fd on registration) finds it.
    pub(crate) fn register<S: Source + ?Sized>(
        &self,
        source: &mut S,
        interest: Interest,
    ) -> io::Result<(Token, Arc<ScheduledIo>)> {
        let io = Arc::new(ScheduledIo::new());
        let token = {
            let mut slots = self.lock_slots();
            if slots.shutdown {
                return Err(errors::reactor_shut_down());
            }
            let generation = slots.next_generation;
            let entry = slots.slab.vacant_entry();
            let index = entry.key();
            if index > INDEX_MASK {
                return Err(errors::too_many_resources());
            }
            entry.insert(Slot {
                generation,
                io: io.clone(),
            });
            slots.next_generation = (generation + 1) & GENERATION_MASK;
            Token(generation << INDEX_BITS | index)
        };
        if let Err(e) = self.registry.register(source, token, interest) {
            self.release(token);
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
        let (index, generation) = split_token(token);
        let mut slots = self.lock_slots();
        if slots
            .slab
            .get(index)
            .is_some_and(|slot| slot.generation == generation)
        {
            slots.slab.remove(index);
        }
    }
}

fn split_token(token: Token) -> (usize, usize) {
    (token.0 & INDEX_MASK, token.0 >> INDEX_BITS)
}
