//! The state shared by a timer's driver and its handles. See the parent module for the
//! parking protocol and why `next_wake` lives under the same lock as the wheel.

use crate::clock::Clock;
use crate::loom::sync::atomic::{AtomicBool, Ordering};
use crate::loom::sync::{Arc, Mutex};
use crate::wheel::{Entry, Linked, Wheel, FIRED, PENDING, SHUTDOWN};
use std::fmt;
use std::task::Waker;
use tokio_executor::park::Unpark;

pub(crate) struct Inner {
    locked: Mutex<Locked>,
    clock: Clock,
    shutdown: AtomicBool,
    unpark: Box<dyn Unpark>,
}

struct Locked {
    wheel: Wheel,
    /// Entries of dropped delays, kept for reuse (not in the wheel, no other reference).
    /// Each is kept as two references, the delay's and the wheel's, so that recycling it
    /// (and re-arming it) moves references instead of counting them. Bounded by `POOL_CAP`.
    pool: Vec<(Arc<Entry>, Arc<Entry>)>,
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
    /// Already due: published `FIRED` (and, for a reset, woke the registered waker).
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

    /// (Re-)arms `entry` for tick `when` (a reset), moving it if it is already armed. The
    /// waker registered with it moves along; if the new tick is already due, that waker is
    /// woken.
    pub(crate) fn arm(&self, entry: &Arc<Entry>, when: u64) -> Armed {
        let (armed, unpark, rest) = {
            let mut locked = self.locked.lock().unwrap();
            let linked = locked.wheel.remove(entry).unwrap_or_else(|| Linked {
                entry: entry.clone(),
                waker: None,
            });
            locked.link(linked, when)
        };
        if unpark {
            self.unpark.unpark();
        }
        if let (Armed::Fired, Some(linked)) = (armed, rest) {
            linked.wake();
        }
        armed
    }

    /// Arms a fresh entry (a recycled one when available) for tick `when`, with `waker` as
    /// the task to wake when it fires: one critical section for the whole first
    /// registration of a delay. When the tick is already due (`Fired`) or the timer is shut
    /// down, the waker is dropped instead (the caller answers its poll directly).
    pub(crate) fn arm_new(&self, when: u64, waker: Waker) -> (Arc<Entry>, Armed) {
        let (entry, armed, unpark, rest) = {
            let mut locked = self.locked.lock().unwrap();
            let (entry, wheel_ref) = match locked.pool.pop() {
                Some(pair) => pair,
                None => {
                    let entry = Arc::new(Entry::new(when));
                    (entry.clone(), entry)
                }
            };
            let linked = Linked {
                entry: wheel_ref,
                waker: Some(waker),
            };
            let (armed, unpark, rest) = locked.link(linked, when);
            (entry, armed, unpark, rest)
        };
        drop(rest);
        if unpark {
            self.unpark.unpark();
        }
        (entry, armed)
    }

    /// Makes `waker` the task to wake when the armed `entry` fires. Returns `Pending` when
    /// it is registered (or an equivalent waker already was), otherwise what happened to the
    /// entry (`Fired` / `Shutdown`: it is out of the wheel, read its state). The waker is
    /// cloned, and the replaced one dropped, outside the lock.
    pub(crate) fn register(&self, entry: &Entry, waker: &Waker) -> Armed {
        let mut fresh: Option<Waker> = None;
        loop {
            let mut locked = self.locked.lock().unwrap();
            let Some(slot) = locked.wheel.waker_mut(entry) else {
                drop(locked);
                return match entry.state() {
                    SHUTDOWN => Armed::Shutdown,
                    _ => Armed::Fired,
                };
            };
            if slot.as_ref().is_some_and(|old| old.will_wake(waker)) {
                drop(locked);
                return Armed::Pending;
            }
            match fresh.take() {
                Some(new) => {
                    let old = slot.replace(new);
                    drop(locked);
                    drop(old);
                    return Armed::Pending;
                }
                None => {
                    drop(locked);
                    fresh = Some(waker.clone());
                }
            }
        }
    }

    /// Unlinks the entry of a dropped delay and keeps it for reuse when nothing else refers
    /// to it. Its waker is dropped after the lock is released: dropping a waker can run
    /// arbitrary code (even drop another delay), which must not happen under the driver
    /// lock.
    pub(crate) fn cancel_and_recycle(&self, entry: Arc<Entry>) {
        let waker = {
            let mut locked = self.locked.lock().unwrap();
            // Dropping references here never runs user code: an entry holds no waker.
            let Some(Linked {
                entry: wheel_ref,
                waker,
            }) = locked.wheel.remove(&entry)
            else {
                drop(entry);
                return;
            };
            let alone = Arc::strong_count(&entry) == 2;
            if alone && locked.pool.len() < POOL_CAP && !locked.shutdown {
                locked.pool.push((entry, wheel_ref));
            } else {
                drop((entry, wheel_ref));
            }
            waker
        };
        drop(waker);
    }

    /// Step 1 / 4: advance the wheel to `now` (a tick), fire and wake what is due. `buf` is
    /// the driver's scratch vector (empty on entry and exit), so firing does not allocate.
    /// Returns how many entries fired.
    pub(crate) fn process(&self, now: u64, buf: &mut Vec<Linked>) -> usize {
        {
            let mut locked = self.locked.lock().unwrap();
            locked.next_wake = None;
            locked.wheel.poll(now, buf);
            for linked in buf.iter() {
                linked.entry.set_state(FIRED);
            }
        }
        let fired = buf.len();
        // Most turns fire nothing: skip the `Drain` (its drop is out of line) then.
        if fired != 0 {
            for linked in buf.drain(..) {
                linked.wake();
            }
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
    pub(crate) fn shutdown(&self, buf: &mut Vec<Linked>) {
        let pool = {
            let mut locked = self.locked.lock().unwrap();
            locked.shutdown = true;
            self.shutdown.store(true, Ordering::Release);
            locked.wheel.drain(buf);
            for linked in buf.iter() {
                linked.entry.set_state(SHUTDOWN);
            }
            std::mem::take(&mut locked.pool)
        };
        drop(pool);
        for linked in buf.drain(..) {
            linked.wake();
        }
    }
}

impl Locked {
    /// Links `linked` into the wheel at tick `when`. Returns what arming did, whether the
    /// parked driver must be woken, and the pair back when it was not linked (already due:
    /// published `FIRED`; or shut down).
    fn link(&mut self, linked: Linked, when: u64) -> (Armed, bool, Option<Linked>) {
        if self.shutdown {
            return (Armed::Shutdown, false, Some(linked));
        }
        linked.entry.set_when(when);
        linked.entry.set_state(PENDING);
        match self.wheel.link(linked) {
            Ok(()) => {
                let unpark = self.next_wake.is_some_and(|wake| when < wake);
                (Armed::Pending, unpark, None)
            }
            Err(linked) => {
                linked.entry.set_state(FIRED);
                (Armed::Fired, false, Some(linked))
            }
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
