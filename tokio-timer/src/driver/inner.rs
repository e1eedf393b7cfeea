//! The state shared by a timer's driver and its handles. See the parent module for the
//! parking protocol and why `next_wake` lives under the same lock as the wheel.

use crate::clock::Clock;
use crate::loom::sync::atomic::{AtomicBool, Ordering};
use crate::loom::sync::{Arc, Mutex};
use crate::wheel::{Entry, Wheel, FIRED, PENDING, SHUTDOWN};
use std::fmt;
use tokio_executor::park::Unpark;

pub(crate) struct Inner {
    locked: Mutex<Locked>,
    clock: Clock,
    shutdown: AtomicBool,
    unpark: Box<dyn Unpark>,
}

struct Locked {
    wheel: Wheel,
    /// `Some(t)`: the driver is parked (or about to park) until tick `t` (`u64::MAX`: no
    /// timer armed). `None`: the driver is running and will look at the wheel before it
    /// parks again.
    next_wake: Option<u64>,
    shutdown: bool,
}

/// What arming an entry did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Armed {
    /// In the wheel.
    Pending,
    /// Already due: published `FIRED` and woken.
    Fired,
    /// The timer is shut down.
    Shutdown,
}

impl Inner {
    pub(crate) fn new(clock: Clock, unpark: Box<dyn Unpark>) -> Inner {
        Inner {
            locked: Mutex::new(Locked {
                wheel: Wheel::new(),
                next_wake: None,
                shutdown: false,
            }),
            clock,
            shutdown: AtomicBool::new(false),
            unpark,
        }
    }

    pub(crate) fn clock(&self) -> &Clock {
        &self.clock
    }

    pub(crate) fn is_shutdown(&self) -> bool {
        self.shutdown.load(Ordering::Acquire)
    }

    pub(crate) fn armed(&self) -> usize {
        self.locked.lock().unwrap().wheel.len()
    }

    pub(crate) fn unpark_driver(&self) {
        self.unpark.unpark()
    }

    /// (Re-)arms `entry` for tick `when`, moving it if it is already armed.
    pub(crate) fn arm(&self, entry: &Arc<Entry>, when: u64) -> Armed {
        let (armed, unpark) = {
            let mut locked = self.locked.lock().unwrap();
            if locked.shutdown {
                return Armed::Shutdown;
            }
            locked.wheel.remove(entry);
            entry.set_when(when);
            if locked.wheel.insert(entry) {
                entry.set_state(PENDING);
                let unpark = locked.next_wake.is_some_and(|wake| when < wake);
                (Armed::Pending, unpark)
            } else {
                entry.set_state(FIRED);
                (Armed::Fired, false)
            }
        };
        match armed {
            Armed::Fired => entry.wake(),
            _ if unpark => self.unpark.unpark(),
            _ => {}
        }
        armed
    }

    /// Unlinks `entry` if it is armed.
    pub(crate) fn cancel(&self, entry: &Entry) {
        self.locked.lock().unwrap().wheel.remove(entry);
    }

    /// Step 1 / 4: advance the wheel to `now` (a tick), fire and wake what is due. `buf` is
    /// the driver's scratch vector (empty on entry and exit), so firing does not allocate.
    pub(crate) fn process(&self, now: u64, buf: &mut Vec<Arc<Entry>>) {
        {
            let mut locked = self.locked.lock().unwrap();
            locked.next_wake = None;
            locked.wheel.poll(now, buf);
            for entry in buf.iter() {
                entry.set_state(FIRED);
            }
        }
        for entry in buf.drain(..) {
            entry.wake();
        }
    }

    /// Step 2: the next expiration tick, recorded as `next_wake`.
    pub(crate) fn prepare_park(&self) -> Option<u64> {
        let mut locked = self.locked.lock().unwrap();
        let next = locked.wheel.next_expiration().map(|exp| exp.deadline);
        locked.next_wake = Some(next.unwrap_or(u64::MAX));
        next
    }

    /// Unlinks every entry, publishes `SHUTDOWN` and wakes them. Idempotent.
    pub(crate) fn shutdown(&self, buf: &mut Vec<Arc<Entry>>) {
        {
            let mut locked = self.locked.lock().unwrap();
            locked.shutdown = true;
            self.shutdown.store(true, Ordering::Release);
            locked.wheel.drain(buf);
            for entry in buf.iter() {
                entry.set_state(SHUTDOWN);
            }
        }
        for entry in buf.drain(..) {
            entry.wake();
        }
    }
}

impl fmt::Debug for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inner")
            .field("clock", &self.clock)
            .field("shutdown", &self.is_shutdown())
            .finish_non_exhaustive()
    }
}
