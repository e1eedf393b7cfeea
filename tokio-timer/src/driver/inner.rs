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
    /// Entries of dropped delays, kept for reuse (no waker, not in the wheel, no other
    /// reference). Bounded by `POOL_CAP`.
    pool: Vec<Arc<Entry>>,
    /// `Some(t)`: the driver is parked (or about to park) until tick `t` (`u64::MAX`: no
    /// timer armed). `None`: the driver is running and will look at the wheel before it
    /// parks again.
    next_wake: Option<u64>,
    shutdown: bool,
}

/// Most entries kept for reuse: a burst of cancelled delays does not pin memory.
const POOL_CAP: usize = if cfg!(loom) { 2 } else { 256 };

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
                pool: Vec::new(),
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
            locked.arm(entry, when)
        };
        self.after_arm(entry, armed, unpark);
        armed
    }

    /// Arms a fresh entry (a recycled one when available) for tick `when`. The caller
    /// registers its waker afterwards and then re-reads the state (see `wheel::entry`).
    pub(crate) fn arm_new(&self, when: u64) -> (Arc<Entry>, Armed) {
        let (entry, armed, unpark) = {
            let mut locked = self.locked.lock().unwrap();
            let entry = match locked.pool.pop() {
                Some(entry) => entry,
                None => Arc::new(Entry::new(when, None)),
            };
            let (armed, unpark) = locked.arm(&entry, when);
            (entry, armed, unpark)
        };
        self.after_arm(&entry, armed, unpark);
        (entry, armed)
    }

    fn after_arm(&self, entry: &Entry, armed: Armed, unpark: bool) {
        match armed {
            Armed::Fired => entry.wake(),
            _ if unpark => self.unpark.unpark(),
            _ => {}
        }
    }

    /// Unlinks the entry of a dropped delay and keeps it for reuse when nothing else refers
    /// to it. Its waker is taken first and dropped after the lock is released: dropping a
    /// waker can run arbitrary code (even drop another delay), which must not happen under
    /// the driver lock.
    pub(crate) fn cancel_and_recycle(&self, entry: Arc<Entry>) {
        let waker = entry.take_waker();
        {
            let mut locked = self.locked.lock().unwrap();
            locked.wheel.remove(&entry);
            if Arc::strong_count(&entry) == 1 && locked.pool.len() < POOL_CAP && !locked.shutdown {
                locked.pool.push(entry);
            } else {
                drop(entry);
            }
        }
        drop(waker);
    }

    /// Step 1 / 4: advance the wheel to `now` (a tick), fire and wake what is due. `buf` is
    /// the driver's scratch vector (empty on entry and exit), so firing does not allocate.
    /// Returns how many entries fired (and were woken).
    pub(crate) fn process(&self, now: u64, buf: &mut Vec<Arc<Entry>>) -> usize {
        {
            let mut locked = self.locked.lock().unwrap();
            locked.next_wake = None;
            locked.wheel.poll(now, buf);
            for entry in buf.iter() {
                entry.set_state(FIRED);
            }
        }
        let fired = buf.len();
        for entry in buf.drain(..) {
            entry.wake();
        }
        fired
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
            locked.pool.clear();
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

impl Locked {
    /// Returns what arming did and whether the parked driver must be woken.
    fn arm(&mut self, entry: &Arc<Entry>, when: u64) -> (Armed, bool) {
        if self.shutdown {
            return (Armed::Shutdown, false);
        }
        self.wheel.remove(entry);
        entry.set_when(when);
        if self.wheel.insert(entry) {
            entry.set_state(PENDING);
            let unpark = self.next_wake.is_some_and(|wake| when < wake);
            (Armed::Pending, unpark)
        } else {
            entry.set_state(FIRED);
            (Armed::Fired, false)
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
