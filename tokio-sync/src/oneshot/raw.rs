//! The oneshot allocation and its two owners.
//!
//! One heap block (`Inner`) per channel, no `Arc`: the sender and the receiver each hold a
//! [`RawChannel`] (a raw pointer), and the reference count is two bits of the channel's
//! state word, so the transitions that finish a side also give up its reference in the same
//! atomic operation (see `channel.rs` for the protocol).
//!
//! ## Ownership rules
//! 1. A side may touch the block while its `*_ALIVE` bit is set; a `RawChannel` value is
//!    that side's right to do so. The bit is cleared exactly once, and after clearing it
//!    the side touches nothing (the `RawChannel` is consumed or forgotten).
//! 2. The block is freed by the side that finds the other side's bit already clear: in the
//!    previous value returned by the atomic operation that clears its own bit
//!    ([`RawChannel::release`]), or in a state read with `Acquire` while its own bit is
//!    still set ([`RawChannel::free`] directly: the other side is gone for good and nobody
//!    will look at the word again). Both reads see the other side's clearing `Release`, so
//!    everything that side did to the block happens before the free.
//! 3. Exactly one side frees: the two clearing operations are ordered on the state word,
//!    and only the second sees the first; a side that frees without clearing its own bit
//!    leaves it set, so the other side (already gone) never sees it clear.
//!
//! Under `--cfg loom` the block is never deallocated: `free` empties the cells with
//! `with_mut` (so loom reports any access of the other side not ordered before the free),
//! marks the block freed (a second free or a later `inner()` call panics) and drops a
//! `loom::alloc::Track` (a block never freed fails the model as a leak).

use crate::loom::sync::atomic::AtomicUsize;
use crate::loom::UnsafeCell;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::task::Waker;

/// `Inner::state` bit: the sender holds its reference.
pub(super) const TX_ALIVE: usize = 0b01_0000;
/// `Inner::state` bit: the receiver holds its reference.
pub(super) const RX_ALIVE: usize = 0b10_0000;

/// The shared block. Field access rules: `channel.rs`'s module doc.
pub(super) struct Inner<T> {
    pub(super) state: AtomicUsize,
    pub(super) value: UnsafeCell<Option<T>>,
    pub(super) tx_task: UnsafeCell<Option<Waker>>,
    pub(super) rx_task: UnsafeCell<Option<Waker>>,
    #[cfg(loom)]
    freed: UnsafeCell<bool>,
    #[cfg(loom)]
    track: UnsafeCell<Option<loom::alloc::Track<()>>>,
}

/// One side's reference to the block (rule 1). Not `Clone`; dropping it without
/// [`release`](Self::release) or [`free`](Self::free) leaks the block.
pub(super) struct RawChannel<T> {
    ptr: NonNull<Inner<T>>,
    _owns: PhantomData<Inner<T>>,
}

// SAFETY: the block is shared by the two sides according to the protocol in `channel.rs`
// (cells touched by one side at a time, ordered by the state word); a `T` moves from the
// sender's thread to the receiver's, hence `T: Send`. Nothing hands out `&T`, so `Sync`
// needs no `T: Sync` (as `Arc<Inner<T>>` did before: `Inner<T>` was `Send + Sync` for
// `T: Send`).
unsafe impl<T: Send> Send for RawChannel<T> {}
// SAFETY: as above; `&RawChannel` only reaches the state word and the owner's own cells.
unsafe impl<T: Send> Sync for RawChannel<T> {}

impl<T> RawChannel<T> {
    /// Allocates a block with both sides alive; returns (sender's, receiver's) reference.
    pub(super) fn pair() -> (RawChannel<T>, RawChannel<T>) {
        let inner = Box::new(Inner {
            state: AtomicUsize::new(TX_ALIVE | RX_ALIVE),
            value: UnsafeCell::new(None),
            tx_task: UnsafeCell::new(None),
            rx_task: UnsafeCell::new(None),
            #[cfg(loom)]
            freed: UnsafeCell::new(false),
            #[cfg(loom)]
            track: UnsafeCell::new(Some(loom::alloc::Track::new(()))),
        });
        let ptr = NonNull::from(Box::leak(inner));
        (
            RawChannel {
                ptr,
                _owns: PhantomData,
            },
            RawChannel {
                ptr,
                _owns: PhantomData,
            },
        )
    }

    /// The block. Valid for as long as `self` lives (rule 1); keep the borrow short, and
    /// never across the operation that clears this side's bit.
    #[inline(always)]
    pub(super) fn inner(&self) -> &Inner<T> {
        // SAFETY: this side's bit is set while `self` exists (rule 1), so the other side
        // has not freed the block (rule 2).
        let inner = unsafe { self.ptr.as_ref() };
        #[cfg(loom)]
        // SAFETY: `freed` is written only by `free`, which is ordered with this read by the
        // protocol; loom reports the access as a race otherwise.
        inner
            .freed
            .with(|f| assert!(!unsafe { *f }, "oneshot: block used after free"));
        inner
    }

    /// Clears `own` (this side's `*_ALIVE` bit) and frees the block if the other side's
    /// bit was already clear (rules 2 and 3). `other` is the other side's bit.
    #[inline]
    pub(super) fn release(self, own: usize, other: usize) {
        use crate::loom::sync::atomic::Ordering::AcqRel;
        // AcqRel: Release publishes this side's accesses to whoever frees; Acquire makes
        // the other side's accesses happen before our free.
        let prev = self.inner().state.fetch_and(!own, AcqRel);
        if prev & other == 0 {
            // SAFETY: the other side's bit was clear before ours: both sides are done and
            // we are the only one that saw it (rule 3).
            unsafe { self.free() }
        }
    }

    /// Gives up this side's reference without touching the block: its bit has just been
    /// cleared by an operation on the state word that did not see the other side gone.
    #[inline(always)]
    pub(super) fn forget(self) {}

    /// Frees the block.
    ///
    /// # Safety
    /// The other side's bit was seen clear with `Acquire` (or by the `AcqRel` operation
    /// that cleared ours), so the other side is done with the block for good (rule 2).
    pub(super) unsafe fn free(self) {
        #[cfg(loom)]
        {
            let inner = self.inner();
            // SAFETY: as the caller promises, nobody else uses the block: loom checks it
            // for each cell written here.
            inner.freed.with_mut(|f| unsafe { *f = true });
            // SAFETY: as above.
            drop(inner.value.with_mut(|v| unsafe { (*v).take() }));
            // SAFETY: as above.
            drop(inner.tx_task.with_mut(|w| unsafe { (*w).take() }));
            // SAFETY: as above.
            drop(inner.rx_task.with_mut(|w| unsafe { (*w).take() }));
            // SAFETY: as above.
            drop(inner.track.with_mut(|t| unsafe { (*t).take() }));
        }
        #[cfg(not(loom))]
        // SAFETY: the block came from `Box::leak` in `pair`, and per the caller's promise
        // no other reference to it is used again.
        drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
    }
}
