//! One level of the wheel: 64 slots, each an unordered vector of linked entries (an entry
//! and the waker of the task waiting on it), and a bitmask of the slots that are non-empty.
//!
//! Removal is O(1): the entry records its index, the last entry of the slot is swapped into
//! the hole and its recorded index updated. A slot that empties gives back a large buffer,
//! so a burst of cancelled timers does not pin memory.

use super::entry::Pos;
use super::{Expiration, Linked, LEVEL_MULT};

/// A slot buffer larger than this is freed when the slot empties.
const KEEP_CAPACITY: usize = 16;

#[derive(Debug)]
pub(crate) struct Level {
    level: usize,
    occupied: u64,
    slots: [Vec<Linked>; LEVEL_MULT],
}

impl Level {
    pub(crate) fn new(level: usize) -> Level {
        Level {
            level,
            occupied: 0,
            slots: std::array::from_fn(|_| Vec::new()),
        }
    }

    pub(crate) fn push(&mut self, slot: usize, linked: Linked) {
        let list = &mut self.slots[slot];
        linked.entry.set_pos(Some(Pos {
            level: self.level,
            slot,
            index: list.len(),
        }));
        list.push(linked);
        self.occupied |= 1 << slot;
    }

    pub(crate) fn remove(&mut self, pos: Pos) -> Linked {
        let list = &mut self.slots[pos.slot];
        let linked = list.swap_remove(pos.index);
        if let Some(moved) = list.get(pos.index) {
            moved.entry.set_pos(Some(pos));
        }
        linked.entry.set_pos(None);
        if list.is_empty() {
            self.occupied &= !(1 << pos.slot);
            if list.capacity() > KEEP_CAPACITY {
                *list = Vec::new();
            }
        }
        linked
    }

    /// The linked entry at `pos`.
    pub(crate) fn get_mut(&mut self, pos: Pos) -> &mut Linked {
        &mut self.slots[pos.slot][pos.index]
    }

    /// Unlinks and returns every entry of `slot`.
    pub(crate) fn take(&mut self, slot: usize) -> Vec<Linked> {
        self.occupied &= !(1 << slot);
        let list = std::mem::take(&mut self.slots[slot]);
        for linked in &list {
            linked.entry.set_pos(None);
        }
        list
    }

    /// The next slot this level visits at or after `elapsed` that holds entries.
    pub(crate) fn next_expiration(&self, elapsed: u64) -> Option<Expiration> {
        next_expiration(self.level, self.occupied, elapsed)
    }
}

/// The slot that `tick` falls into at `level`.
pub(crate) fn slot_of(level: usize, tick: u64) -> usize {
    ((tick >> (6 * level)) & 63) as usize
}

/// The next slot of `level` (whose non-empty slots are the bits of `occupied`) that the
/// wheel visits at or after `elapsed`.
pub(crate) fn next_expiration(level: usize, occupied: u64, elapsed: u64) -> Option<Expiration> {
    if occupied == 0 {
        return None;
    }
    let slot_range = 1u64 << (6 * level);
    let level_range = slot_range << 6;
    let now_slot = slot_of(level, elapsed);
    let ahead = occupied.rotate_right(now_slot as u32).trailing_zeros() as usize;
    let slot = (now_slot + ahead) % LEVEL_MULT;
    let level_start = elapsed & !(level_range - 1);
    let mut deadline = level_start + slot as u64 * slot_range;
    if slot < now_slot {
        // Behind us in this rotation: visited in the next one.
        deadline += level_range;
    }
    Some(Expiration {
        level,
        slot,
        deadline,
    })
}
