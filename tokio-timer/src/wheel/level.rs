//! One level of the wheel: 64 slots, each an unordered vector of entries, and a bitmask of
//! the slots that are non-empty.
//!
//! Removal is O(1): the entry records its index, the last entry of the slot is swapped into
//! the hole and its recorded index updated. A slot that empties gives back a large buffer,
//! so a burst of cancelled timers does not pin memory.

use super::entry::{Entry, Pos};
use super::{Expiration, LEVEL_MULT};
use crate::loom::sync::Arc;

/// A slot buffer larger than this is freed when the slot empties.
const KEEP_CAPACITY: usize = 16;

#[derive(Debug)]
pub(crate) struct Level {
    level: usize,
    occupied: u64,
    slots: [Vec<Arc<Entry>>; LEVEL_MULT],
}

impl Level {
    pub(crate) fn new(level: usize) -> Level {
        Level {
            level,
            occupied: 0,
            slots: std::array::from_fn(|_| Vec::new()),
        }
    }

    /// Duration of one slot of this level, in ticks.
    pub(crate) fn slot_range(&self) -> u64 {
        1 << (6 * self.level)
    }

    /// Duration of one rotation of this level, in ticks.
    fn level_range(&self) -> u64 {
        self.slot_range() << 6
    }

    /// The slot that `tick` falls into at this level.
    pub(crate) fn slot_of(&self, tick: u64) -> usize {
        ((tick >> (6 * self.level)) & 63) as usize
    }

    pub(crate) fn push(&mut self, slot: usize, entry: Arc<Entry>) {
        let list = &mut self.slots[slot];
        entry.set_pos(Some(Pos {
            level: self.level,
            slot,
            index: list.len(),
        }));
        list.push(entry);
        self.occupied |= 1 << slot;
    }

    pub(crate) fn remove(&mut self, pos: Pos) -> Arc<Entry> {
        let list = &mut self.slots[pos.slot];
        let entry = list.swap_remove(pos.index);
        if let Some(moved) = list.get(pos.index) {
            moved.set_pos(Some(pos));
        }
        entry.set_pos(None);
        if list.is_empty() {
            self.occupied &= !(1 << pos.slot);
            if list.capacity() > KEEP_CAPACITY {
                *list = Vec::new();
            }
        }
        entry
    }

    /// Unlinks and returns every entry of `slot`.
    pub(crate) fn take(&mut self, slot: usize) -> Vec<Arc<Entry>> {
        self.occupied &= !(1 << slot);
        let list = std::mem::take(&mut self.slots[slot]);
        for entry in &list {
            entry.set_pos(None);
        }
        list
    }

    /// The next slot this level visits at or after `elapsed` that holds entries.
    pub(crate) fn next_expiration(&self, elapsed: u64) -> Option<Expiration> {
        if self.occupied == 0 {
            return None;
        }
        let now_slot = self.slot_of(elapsed);
        let ahead = self.occupied.rotate_right(now_slot as u32).trailing_zeros() as usize;
        let slot = (now_slot + ahead) % LEVEL_MULT;
        let level_start = elapsed & !(self.level_range() - 1);
        let mut deadline = level_start + slot as u64 * self.slot_range();
        if slot < now_slot {
            // Behind us in this rotation: visited in the next one.
            deadline += self.level_range();
        }
        Some(Expiration {
            level: self.level,
            slot,
            deadline,
        })
    }
}
