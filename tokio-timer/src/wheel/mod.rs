//! The hierarchical timing wheel.
//!
//! **Resolution and span.** Time is counted in ticks of one millisecond (see
//! `crate::clock`: deadlines round up, the present rounds down). The wheel has
//! [`NUM_LEVELS`] = 6 levels of [`LEVEL_MULT`] = 64 slots. A slot of level `L` covers
//! `64^L` ticks, a rotation of level `L` covers `64^(L+1)`, so the wheel spans
//! `64^6 = 2^36` ticks; the longest deadline it places exactly is [`MAX_SPAN`] =
//! `2^36 − 1` ms (≈ 2.2 years) past `elapsed`. A later deadline **saturates**: it is placed
//! at the far end of the span, and when that slot is reached the entry is re-inserted
//! towards its real deadline (so it still never fires early).
//!
//! **Placement.** An entry due at tick `when` goes to the level of the highest bit in which
//! `when` and `elapsed` differ (6 bits per level), in the slot given by `when`'s bits of that
//! level. Lower levels therefore always hold earlier deadlines than higher ones.
//!
//! **Invariants** (hold whenever the driver's lock is released):
//! 1. Every armed entry has `when > elapsed`, and is in exactly one slot, the one its `pos`
//!    names (`pos` is `NOT_IN_WHEEL` otherwise).
//! 2. For every entry, the next time the wheel visits its slot is `<= when` and
//!    `> elapsed`; a visit re-inserts each entry relative to the visit's time, which moves
//!    it to a strictly lower level (or, for saturated entries, a later top-level slot), so
//!    each entry is handled at most once per level on its way to firing.
//! 3. `elapsed` never goes backwards; it advances either to a visited slot's start or, when
//!    nothing is due before it, to the present tick.
//! 4. `occupied` bit `s` of a level is set iff slot `s` is non-empty.
//!
//! **Wakers live in the slots.** Each slot holds [`Linked`] pairs: the entry and the waker
//! of the task waiting on it. The waker is therefore guarded by the driver lock like the
//! rest of the wheel, and arming, re-registering, cancelling and firing each touch it inside
//! the one critical section they already need (no per-entry lock). An entry out of the
//! wheel has no waker: firing hands the waker to the driver, which wakes it after releasing
//! the lock.
//!
//! **Costs.** Insert, cancel and reset are O(1) (a push, or a swap-remove with an index
//! fix-up). Advancing costs O(levels) per visited slot plus O(1) per entry moved or fired,
//! and each entry moves at most once per level: firing costs are proportional to the
//! entries that fire. Memory of cancelled entries returns to the allocator when their
//! `Delay` drops (the `Arc`), and large slot buffers are freed when they empty.
//!
//! The wheel itself is not synchronised; the driver keeps it under one mutex.

mod entry;
mod level;

#[cfg(all(test, not(loom)))]
mod tests;

pub(crate) use self::entry::{Entry, FIRED, PENDING, SHUTDOWN};

use std::task::Waker;

use self::level::Level;
use crate::loom::sync::Arc;

/// Number of levels.
pub(crate) const NUM_LEVELS: usize = 6;

/// Slots per level.
pub(crate) const LEVEL_MULT: usize = 64;

/// The furthest ahead of `elapsed`, in ticks, that an entry is placed exactly.
pub(crate) const MAX_SPAN: u64 = (1 << (6 * NUM_LEVELS)) - 1;

/// Where an entry due at tick `when` goes in a wheel that has processed every tick up to
/// `elapsed` (`when > elapsed`): its level and slot. See the module doc (placement,
/// saturation). Shared with the `DelayQueue`'s own wheel.
pub(crate) fn position(elapsed: u64, when: u64) -> (usize, usize) {
    let when = when.min(elapsed + MAX_SPAN);
    let differing = (elapsed ^ when) | (LEVEL_MULT as u64 - 1);
    let significant = 63 - differing.leading_zeros() as usize;
    let level = significant / 6;
    if level < NUM_LEVELS - 1 {
        return (level, level::slot_of(level, when));
    }
    // Top level. A deadline whose top-level bits equal the present slot's lies a whole
    // rotation ahead (it crossed the span boundary): park it in the slot visited last,
    // which comes before `when`, and let the visit move it on.
    let top = NUM_LEVELS - 1;
    let now_slot = level::slot_of(top, elapsed);
    let mut slot = level::slot_of(top, when);
    if slot == now_slot {
        slot = (now_slot + LEVEL_MULT - 1) % LEVEL_MULT;
    }
    (top, slot)
}

pub(crate) use self::level::next_expiration as level_next_expiration;

/// The next slot the wheel must visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expiration {
    pub(crate) level: usize,
    pub(crate) slot: usize,
    /// Tick at which the slot is visited.
    pub(crate) deadline: u64,
}

/// An entry as the wheel stores it: with the waker of the task waiting on it.
#[derive(Debug)]
pub(crate) struct Linked {
    pub(crate) entry: Arc<Entry>,
    pub(crate) waker: Option<Waker>,
}

impl Linked {
    /// Wakes the task waiting on the entry, if any. Never call under the driver lock.
    pub(crate) fn wake(self) {
        if let Some(waker) = self.waker {
            waker.wake();
        }
    }
}

#[derive(Debug)]
pub(crate) struct Wheel {
    elapsed: u64,
    len: usize,
    levels: Box<[Level; NUM_LEVELS]>,
}

impl Wheel {
    pub(crate) fn new() -> Wheel {
        Wheel {
            elapsed: 0,
            len: 0,
            levels: Box::new(std::array::from_fn(Level::new)),
        }
    }

    #[cfg_attr(not(test), allow(dead_code))]
    /// Ticks processed so far: everything due at or before this tick has fired.
    pub(crate) fn elapsed(&self) -> u64 {
        self.elapsed
    }

    /// Entries armed in the wheel.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Arms `entry` (without a waker) to fire at `entry.when()`. Returns `false` (and leaves
    /// the entry out of the wheel) when that tick has already been processed.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn insert(&mut self, entry: &Arc<Entry>) -> bool {
        let linked = Linked {
            entry: entry.clone(),
            waker: None,
        };
        self.link(linked).is_ok()
    }

    /// Arms `linked.entry` to fire at its `when()`, keeping `linked.waker` with it. Hands the
    /// pair back (out of the wheel) when that tick has already been processed.
    pub(crate) fn link(&mut self, linked: Linked) -> Result<(), Linked> {
        let when = linked.entry.when();
        if when <= self.elapsed {
            return Err(linked);
        }
        let (level, slot) = self.position_for(when);
        self.levels[level].push(slot, linked);
        self.len += 1;
        Ok(())
    }

    /// Unlinks `entry` if it is armed, returning the wheel's reference and the waker.
    pub(crate) fn remove(&mut self, entry: &Entry) -> Option<Linked> {
        let pos = entry.pos()?;
        self.len -= 1;
        Some(self.levels[pos.level].remove(pos))
    }

    /// The waker stored with `entry`, if the entry is armed.
    pub(crate) fn waker_mut(&mut self, entry: &Entry) -> Option<&mut Option<Waker>> {
        let pos = entry.pos()?;
        Some(&mut self.levels[pos.level].get_mut(pos).waker)
    }

    fn position_for(&self, when: u64) -> (usize, usize) {
        position(self.elapsed, when)
    }

    /// The next slot to visit, if any entry is armed.
    pub(crate) fn next_expiration(&self) -> Option<Expiration> {
        self.levels
            .iter()
            .find_map(|level| level.next_expiration(self.elapsed))
    }

    /// Advances to tick `now`, pushing every entry due by then onto `fired` (unlinked, in
    /// no particular order). The caller publishes their state and wakes them.
    pub(crate) fn poll(&mut self, now: u64, fired: &mut Vec<Linked>) {
        while let Some(exp) = self.next_expiration() {
            if exp.deadline > now {
                break;
            }
            debug_assert!(exp.deadline >= self.elapsed, "wheel went backwards");
            self.elapsed = self.elapsed.max(exp.deadline);
            self.visit(exp, now, fired);
        }
        self.elapsed = self.elapsed.max(now);
    }

    fn visit(&mut self, exp: Expiration, now: u64, fired: &mut Vec<Linked>) {
        let entries = self.levels[exp.level].take(exp.slot);
        self.len -= entries.len();
        for linked in entries {
            if linked.entry.when() <= now {
                fired.push(linked);
            } else if let Err(linked) = self.link(linked) {
                fired.push(linked);
            }
        }
    }

    /// Unlinks every entry (shutdown).
    pub(crate) fn drain(&mut self, out: &mut Vec<Linked>) {
        for level in self.levels.iter_mut() {
            for slot in 0..LEVEL_MULT {
                out.extend(level.take(slot));
            }
        }
        self.len = 0;
    }
}
