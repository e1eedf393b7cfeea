//! One timer registration, shared (`Arc`) by its `Delay` and, while armed, by the wheel.
//!
//! Fields and who may touch them:
//! - `when` (the deadline tick) and `pos` (where in the wheel the entry sits, or
//!   [`NOT_IN_WHEEL`]): read and written only while holding the driver's lock, so plain
//!   `Relaxed` atomics suffice (they are atomics only to be shareable without `unsafe`).
//! - `state`: written only under the driver's lock, read by the owner without it:
//!   - `PENDING`: armed (in the wheel), or never fired;
//!   - `FIRED`: the wheel has removed the entry and its deadline has passed;
//!   - `SHUTDOWN`: the timer shut down; the entry is out of the wheel for good.
//!
//!   The driver removes the entry from the wheel *before* publishing `FIRED`/`SHUTDOWN`
//!   (`Release`), so an owner that reads either (`Acquire`) knows the wheel no longer
//!   holds it and may drop it without taking the lock.
//!
//! The waker of the task waiting on the entry is not here: it sits next to the entry in its
//! wheel slot (`wheel::Linked`), under the driver lock. Registering a waker and firing are
//! therefore serialised by that lock, and a fire cannot slip between "store the waker" and
//! "check the state": an owner that finds its entry out of the wheel reads the state instead.

use crate::loom::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

pub(crate) const PENDING: usize = 0;
pub(crate) const FIRED: usize = 1;
pub(crate) const SHUTDOWN: usize = 2;

/// `pos` of an entry that is not linked into any slot.
pub(crate) const NOT_IN_WHEEL: u64 = u64::MAX;

#[derive(Debug)]
pub(crate) struct Entry {
    when: AtomicU64,
    pos: AtomicU64,
    state: AtomicUsize,
}

/// Where an entry sits: `levels[level].slots[slot][index]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) level: usize,
    pub(crate) slot: usize,
    pub(crate) index: usize,
}

impl Pos {
    fn encode(self) -> u64 {
        ((self.index as u64) << 9) | ((self.slot as u64) << 3) | self.level as u64
    }

    fn decode(raw: u64) -> Option<Pos> {
        if raw == NOT_IN_WHEEL {
            return None;
        }
        Some(Pos {
            level: (raw & 0b111) as usize,
            slot: ((raw >> 3) & 63) as usize,
            index: (raw >> 9) as usize,
        })
    }
}

impl Entry {
    pub(crate) fn new(when: u64) -> Entry {
        Entry {
            when: AtomicU64::new(when),
            pos: AtomicU64::new(NOT_IN_WHEEL),
            state: AtomicUsize::new(PENDING),
        }
    }

    /// Deadline tick. Caller holds the driver lock.
    pub(crate) fn when(&self) -> u64 {
        self.when.load(Ordering::Relaxed)
    }

    /// Caller holds the driver lock.
    pub(crate) fn set_when(&self, when: u64) {
        self.when.store(when, Ordering::Relaxed)
    }

    /// Caller holds the driver lock.
    pub(crate) fn pos(&self) -> Option<Pos> {
        Pos::decode(self.pos.load(Ordering::Relaxed))
    }

    /// Caller holds the driver lock.
    pub(crate) fn set_pos(&self, pos: Option<Pos>) {
        let raw = pos.map_or(NOT_IN_WHEEL, Pos::encode);
        self.pos.store(raw, Ordering::Relaxed)
    }

    pub(crate) fn state(&self) -> usize {
        self.state.load(Ordering::Acquire)
    }

    /// Caller holds the driver lock (and has unlinked the entry for FIRED / SHUTDOWN).
    pub(crate) fn set_state(&self, state: usize) {
        self.state.store(state, Ordering::Release)
    }
}
