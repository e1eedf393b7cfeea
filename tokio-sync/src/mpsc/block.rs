//! One block of the channel's block list: `BLOCK_CAP` value slots plus the bits that say
//! which are written. This is the only module of the channel that touches values in place.
//!
//! ## `ready_slots` bits
//! - bit `i < BLOCK_CAP`: slot `i` holds a value (set by its writer with `Release` after
//!   the write; the receiver reads the slot only after seeing the bit with `Acquire`).
//! - `RELEASED`: the senders have moved the list's tail past this block; no sender that
//!   looks at the tail from now on can reach it. `observed_tail_position` is valid.
//! - `TX_CLOSED`: the last sender dropped; the close marker sits at the slot after the
//!   last value, so "slot not ready + `TX_CLOSED`" means "no more values".
//!
//! ## Ownership
//! - `start_index`: fixed while the block is linked; rewritten only by the receiver when
//!   it recycles an unreachable block, before re-publishing it with a `Release` CAS on
//!   some block's `next` (readers load `next` with `Acquire`).
//! - slot `i`: written once by the sender that claimed index `start_index + i`, then read
//!   once by the receiver. Nobody else touches it.
//! - `observed_tail_position`: written by the sender that sets `RELEASED`, before setting
//!   it; read by the receiver after seeing `RELEASED`.
//! - `next`: set once per use (CAS from null) by whichever sender grows the list, or by
//!   the receiver linking a recycled block; reset only while the receiver owns the block.

use crate::loom::sync::atomic::{AtomicPtr, AtomicUsize, Ordering, Ordering::*};
use crate::loom::UnsafeCell;
use std::mem::MaybeUninit;
use std::ptr::{self, NonNull};

#[cfg(all(not(loom), target_pointer_width = "64"))]
pub(crate) const BLOCK_CAP: usize = 32;
#[cfg(all(not(loom), not(target_pointer_width = "64")))]
pub(crate) const BLOCK_CAP: usize = 16;
#[cfg(loom)]
pub(crate) const BLOCK_CAP: usize = 2;

const SLOT_MASK: usize = BLOCK_CAP - 1;
const READY_MASK: usize = (1 << BLOCK_CAP) - 1;
const RELEASED: usize = 1 << BLOCK_CAP;
const TX_CLOSED: usize = 1 << (BLOCK_CAP + 1);

/// What the receiver found at an index.
pub(crate) enum Read<T> {
    Value(T),
    Closed,
}

pub(crate) struct Block<T> {
    start_index: AtomicUsize,
    next: AtomicPtr<Block<T>>,
    ready_slots: AtomicUsize,
    observed_tail_position: UnsafeCell<usize>,
    values: [UnsafeCell<MaybeUninit<T>>; BLOCK_CAP],
}

/// The first index of the block holding `index`.
pub(crate) fn start_index(index: usize) -> usize {
    index & !SLOT_MASK
}

/// The slot of `index` within its block.
pub(crate) fn offset(index: usize) -> usize {
    index & SLOT_MASK
}

impl<T> Block<T> {
    /// Allocates an empty block starting at `start_index`.
    pub(crate) fn alloc(start_index: usize) -> NonNull<Block<T>> {
        let block = Box::new(Block {
            start_index: AtomicUsize::new(start_index),
            next: AtomicPtr::new(ptr::null_mut()),
            ready_slots: AtomicUsize::new(0),
            observed_tail_position: UnsafeCell::new(0),
            values: std::array::from_fn(|_| UnsafeCell::new(MaybeUninit::uninit())),
        });
        NonNull::from(Box::leak(block))
    }

    /// Frees a block allocated by `alloc`, without dropping any value in it.
    ///
    /// # Safety
    /// `block` came from `alloc`, is unreachable by every other thread, and every value
    /// written into it has already been read out.
    pub(crate) unsafe fn free(block: NonNull<Block<T>>) {
        // SAFETY: per the contract, we own the allocation made by `Box::leak` in `alloc`;
        // `MaybeUninit` slots drop nothing.
        drop(unsafe { Box::from_raw(block.as_ptr()) });
    }

    pub(crate) fn start(&self) -> usize {
        self.start_index.load(Relaxed)
    }

    /// Whether this block is the one for `index`.
    pub(crate) fn is_at_index(&self, index: usize) -> bool {
        self.start() == start_index(index)
    }

    /// Empties a recycled block (no values left in it) for reuse at `start`.
    ///
    /// # Safety
    /// The caller (the receiver) owns the block exclusively: it is unreachable from the
    /// list and every value in it has been read.
    pub(crate) unsafe fn reset(&self) {
        self.start_index.store(0, Relaxed);
        self.next.store(ptr::null_mut(), Relaxed);
        self.ready_slots.store(0, Relaxed);
    }

    /// Tries to link the recycled `block` after `self`, at the following start index.
    /// Returns the current next block if `self` already has one.
    ///
    /// # Safety
    /// `block` is exclusively owned by the caller (see `reset`).
    pub(crate) unsafe fn try_push(
        &self,
        block: NonNull<Block<T>>,
    ) -> Result<(), NonNull<Block<T>>> {
        // SAFETY: exclusive per the contract; published by the Release CAS below.
        let b = unsafe { block.as_ref() };
        b.start_index
            .store(self.start().wrapping_add(BLOCK_CAP), Relaxed);
        match self
            .next
            .compare_exchange(ptr::null_mut(), block.as_ptr(), AcqRel, Acquire)
        {
            Ok(_) => Ok(()),
            // SAFETY: the CAS failed because another thread set a non-null pointer.
            Err(actual) => Err(unsafe { NonNull::new_unchecked(actual) }),
        }
    }

    /// Writes `value` into the slot for `index` and marks it ready.
    ///
    /// # Safety
    /// The caller claimed `index` (unique) and `self.is_at_index(index)`.
    pub(crate) unsafe fn write(&self, index: usize, value: T) {
        let slot = offset(index);
        // SAFETY: the caller owns this slot until the ready bit is set.
        self.values[slot].with_mut(|p| unsafe { (*p).write(value) });
        self.ready_slots.fetch_or(1 << slot, Release);
    }

    /// Marks that the senders are gone (the last sender's close marker).
    pub(crate) fn tx_close(&self) {
        self.ready_slots.fetch_or(TX_CLOSED, Release);
    }

    /// Reads the value at `index` if it is ready.
    ///
    /// # Safety
    /// Called by the single receiver, for an `index` of this block that it has not read.
    pub(crate) unsafe fn read(&self, index: usize) -> Option<Read<T>> {
        let slot = offset(index);
        let ready = self.ready_slots.load(Acquire);
        if ready & (1 << slot) == 0 {
            if ready & TX_CLOSED == TX_CLOSED {
                return Some(Read::Closed);
            }
            return None;
        }
        // SAFETY: the ready bit (seen with Acquire) says the write finished; the receiver
        // reads each slot once, so the value moves out exactly once.
        let value = self.values[slot].with(|p| unsafe { (*p).assume_init_read() });
        Some(Read::Value(value))
    }

    /// True if every slot of the block has been written.
    pub(crate) fn is_final(&self) -> bool {
        self.ready_slots.load(Acquire) & READY_MASK == READY_MASK
    }

    /// The next block, if it exists.
    pub(crate) fn load_next(&self, order: Ordering) -> Option<NonNull<Block<T>>> {
        NonNull::new(self.next.load(order))
    }

    /// Returns the next block, appending a new one if there is none.
    pub(crate) fn grow(&self) -> NonNull<Block<T>> {
        if let Some(next) = self.load_next(Acquire) {
            return next;
        }
        let new = Block::<T>::alloc(self.start().wrapping_add(BLOCK_CAP));
        match self
            .next
            .compare_exchange(ptr::null_mut(), new.as_ptr(), AcqRel, Acquire)
        {
            Ok(_) => new,
            Err(actual) => {
                // SAFETY: `new` was never published.
                unsafe { Block::free(new) };
                // SAFETY: non-null: the CAS failed because another sender set it.
                unsafe { NonNull::new_unchecked(actual) }
            }
        }
    }

    /// Records the tail position seen when the senders moved past this block, then marks
    /// it released.
    ///
    /// # Safety
    /// Called once, by the sender whose CAS moved the list's tail past this block.
    pub(crate) unsafe fn tx_release(&self, tail_position: usize) {
        // SAFETY: only this sender writes the field, and the receiver reads it only after
        // the `RELEASED` bit below (Release/Acquire).
        self.observed_tail_position
            .with_mut(|p| unsafe { *p = tail_position });
        self.ready_slots.fetch_or(RELEASED, Release);
    }

    /// The tail position recorded at release, if the block has been released.
    pub(crate) fn observed_tail_position(&self) -> Option<usize> {
        if self.ready_slots.load(Acquire) & RELEASED == 0 {
            return None;
        }
        // SAFETY: `RELEASED` was seen with Acquire, so the write in `tx_release` is
        // visible and no other write will follow.
        Some(self.observed_tail_position.with(|p| unsafe { *p }))
    }
}
