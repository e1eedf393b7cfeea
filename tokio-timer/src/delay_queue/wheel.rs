//! The queue's timing wheel: the driver's levels, slots and placement
//! ([`crate::wheel::position`]), with each slot a doubly linked list threaded through the
//! queue's slab by index, so linking and unlinking are O(1) and need no allocation.
//!
//! Invariants (between calls):
//! 1. Every entry is in exactly one list, the one its `loc` names: a wheel slot (then its
//!    `tick > elapsed` and the slot is where [`position`] put it relative to an earlier or
//!    equal `elapsed`) or the expired list (then `tick <= elapsed`).
//! 2. The expired list is sorted by tick (equal ticks in the order they became due).
//! 3. `occupied[level]` bit `s` is set iff that slot's list is non-empty.
//! 4. `elapsed` never goes backwards.
//!
//! Slot positions are counted from `origin`, the tick the queue started at, not from the
//! clock's own origin: so the slot boundaries, and with them the moments a far entry
//! cascades one level down (and the queue's task is woken to re-arm), fall at the same
//! offsets from the queue's creation as in 0.2.25 (64 ms, 4,096 ms, ... after it).

use crate::wheel::{level_next_expiration, position, Expiration, LEVEL_MULT, NUM_LEVELS};
use crate::Instant;
use slab::Slab;

/// "No entry" in a link.
const NIL: usize = usize::MAX;

/// One value in the queue, with its links.
pub(super) struct Data<T> {
    pub(super) value: T,
    pub(super) when: Instant,
    /// `when` as a tick of the timer's clock (rounded up).
    pub(super) tick: u64,
    prev: usize,
    next: usize,
    loc: Loc,
}

impl<T> Data<T> {
    pub(super) fn new(value: T, when: Instant, tick: u64) -> Data<T> {
        Data {
            value,
            when,
            tick,
            prev: NIL,
            next: NIL,
            loc: Loc::Expired,
        }
    }
}

/// Which list an entry is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loc {
    Slot { level: usize, slot: usize },
    Expired,
}

#[derive(Debug, Clone, Copy)]
struct List {
    head: usize,
    tail: usize,
}

const EMPTY: List = List {
    head: NIL,
    tail: NIL,
};

#[derive(Debug)]
pub(super) struct Wheel {
    /// The clock tick the wheel's tick 0 stands for.
    origin: u64,
    /// Ticks since `origin` processed so far.
    elapsed: u64,
    slots: Box<[[List; LEVEL_MULT]; NUM_LEVELS]>,
    occupied: [u64; NUM_LEVELS],
    expired: List,
}

impl Wheel {
    pub(super) fn new() -> Wheel {
        Wheel {
            origin: 0,
            elapsed: 0,
            slots: Box::new([[EMPTY; LEVEL_MULT]; NUM_LEVELS]),
            occupied: [0; NUM_LEVELS],
            expired: EMPTY,
        }
    }

    /// Starts the wheel at `tick` (when the queue binds to a timer). Empty wheels only.
    pub(super) fn start_at(&mut self, tick: u64) {
        debug_assert!(self.occupied.iter().all(|&o| o == 0) && self.expired.head == NIL);
        self.origin = tick;
        self.elapsed = 0;
    }

    /// Links the (unlinked) entry `key` by its tick: into a slot, or the expired list if the
    /// wheel has passed its tick.
    pub(super) fn insert<T>(&mut self, slab: &mut Slab<Data<T>>, key: usize) {
        let tick = slab[key].tick.saturating_sub(self.origin);
        if tick <= self.elapsed {
            self.insert_expired(slab, key);
        } else {
            let (level, slot) = position(self.elapsed, tick);
            self.push_back(slab, key, Loc::Slot { level, slot });
        }
    }

    /// Unlinks `key` from whichever list holds it.
    pub(super) fn remove<T>(&mut self, slab: &mut Slab<Data<T>>, key: usize) {
        let (prev, next, loc) = {
            let data = &slab[key];
            (data.prev, data.next, data.loc)
        };
        match prev {
            NIL => self.list_mut(loc).head = next,
            prev => slab[prev].next = next,
        }
        match next {
            NIL => self.list_mut(loc).tail = prev,
            next => slab[next].prev = prev,
        }
        if let Loc::Slot { level, slot } = loc {
            if self.slots[level][slot].head == NIL {
                self.occupied[level] &= !(1 << slot);
            }
        }
        let data = &mut slab[key];
        data.prev = NIL;
        data.next = NIL;
    }

    /// The first expired entry, unlinked.
    pub(super) fn pop_expired<T>(&mut self, slab: &mut Slab<Data<T>>) -> Option<usize> {
        let key = self.expired.head;
        if key == NIL {
            return None;
        }
        self.remove(slab, key);
        Some(key)
    }

    pub(super) fn has_expired(&self) -> bool {
        self.expired.head != NIL
    }

    /// The next slot to visit, if any entry is in a slot; its deadline is a clock tick.
    pub(super) fn next_expiration(&self) -> Option<Expiration> {
        self.next_expiration_rel().map(|exp| Expiration {
            deadline: exp.deadline + self.origin,
            ..exp
        })
    }

    /// [`Wheel::next_expiration`] with the deadline in ticks since `origin`.
    fn next_expiration_rel(&self) -> Option<Expiration> {
        (0..NUM_LEVELS)
            .find_map(|level| level_next_expiration(level, self.occupied[level], self.elapsed))
    }

    /// Processes every tick up to `now`: entries due by then move to the expired list, in
    /// tick order.
    pub(super) fn advance<T>(&mut self, slab: &mut Slab<Data<T>>, now: u64) {
        let now = now.saturating_sub(self.origin);
        while let Some(exp) = self.next_expiration_rel() {
            if exp.deadline > now {
                break;
            }
            self.elapsed = self.elapsed.max(exp.deadline);
            self.visit(slab, exp);
        }
        self.elapsed = self.elapsed.max(now);
    }

    /// Empties the slot of `exp`: entries due at its start (`elapsed`) expire, the others go
    /// one level down (or, saturated ones, to a later top-level slot).
    fn visit<T>(&mut self, slab: &mut Slab<Data<T>>, exp: Expiration) {
        let list = std::mem::replace(&mut self.slots[exp.level][exp.slot], EMPTY);
        self.occupied[exp.level] &= !(1 << exp.slot);
        let mut key = list.head;
        while key != NIL {
            let next = slab[key].next;
            let data = &mut slab[key];
            data.prev = NIL;
            data.next = NIL;
            self.insert(slab, key);
            key = next;
        }
    }

    /// Forgets every entry (the caller clears the slab).
    pub(super) fn clear(&mut self) {
        *self.slots = [[EMPTY; LEVEL_MULT]; NUM_LEVELS];
        self.occupied = [0; NUM_LEVELS];
        self.expired = EMPTY;
    }

    fn list_mut(&mut self, loc: Loc) -> &mut List {
        match loc {
            Loc::Slot { level, slot } => &mut self.slots[level][slot],
            Loc::Expired => &mut self.expired,
        }
    }

    fn push_back<T>(&mut self, slab: &mut Slab<Data<T>>, key: usize, loc: Loc) {
        let tail = self.list_mut(loc).tail;
        self.link_after(slab, key, loc, tail);
    }

    /// Expired entries stay sorted by tick: walk back from the tail past later ticks (an
    /// entry normally expires after every entry already there, so this is one step).
    fn insert_expired<T>(&mut self, slab: &mut Slab<Data<T>>, key: usize) {
        let tick = slab[key].tick;
        let mut after = self.expired.tail;
        while after != NIL && slab[after].tick > tick {
            after = slab[after].prev;
        }
        self.link_after(slab, key, Loc::Expired, after);
    }

    /// Links `key` into the list at `loc` right after `after` (`NIL`: at the front).
    fn link_after<T>(&mut self, slab: &mut Slab<Data<T>>, key: usize, loc: Loc, after: usize) {
        let next = match after {
            NIL => self.list_mut(loc).head,
            after => slab[after].next,
        };
        {
            let data = &mut slab[key];
            data.prev = after;
            data.next = next;
            data.loc = loc;
        }
        match after {
            NIL => self.list_mut(loc).head = key,
            after => slab[after].next = key,
        }
        match next {
            NIL => self.list_mut(loc).tail = key,
            next => slab[next].prev = key,
        }
        if let Loc::Slot { level, slot } = loc {
            self.occupied[level] |= 1 << slot;
        }
    }
}
