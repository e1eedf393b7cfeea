//! A fixed-size batch of wakers collected under a lock and run after it is released
//! (running a waker under the lock could re-enter it).
//!
//! Invariant: slots `0..len` hold initialised wakers, slots `len..` are uninitialised.
//! Only those `len` slots are ever read or dropped, so creating and dropping an empty or
//! one-waker list (the common case: one unlock wakes one waiter) costs a few stores,
//! not a walk over the whole batch.

use std::mem::MaybeUninit;
use std::task::Waker;

/// Wakers collected under the lock before it is dropped to run them.
const WAKE_BATCH: usize = 32;

/// An empty slot (a `const` so `[UNINIT; N]` works on the crate's MSRV).
const UNINIT: MaybeUninit<Waker> = MaybeUninit::uninit();

/// Wakers gathered under the lock, run after it is released.
pub(crate) struct WakeList {
    wakers: [MaybeUninit<Waker>; WAKE_BATCH],
    len: usize,
}

impl WakeList {
    pub(crate) fn new() -> WakeList {
        WakeList {
            wakers: [UNINIT; WAKE_BATCH],
            len: 0,
        }
    }

    pub(crate) fn is_full(&self) -> bool {
        self.len == WAKE_BATCH
    }

    /// Adds `w` (if any).
    ///
    /// # Panics
    /// If the list is full: callers check `is_full` first.
    pub(crate) fn push(&mut self, w: Option<Waker>) {
        if let Some(w) = w {
            assert!(self.len < WAKE_BATCH, "WakeList overflow");
            self.wakers[self.len].write(w);
            self.len += 1;
        }
    }

    /// Runs every collected waker and empties the list.
    pub(crate) fn wake_all(&mut self) {
        // Empty the list before running anything, so a panicking waker leaves the
        // remaining (not yet run) ones leaked rather than dropped twice.
        let len = std::mem::replace(&mut self.len, 0);
        for slot in &mut self.wakers[..len] {
            // SAFETY: slots `0..len` were initialised by `push` (module invariant) and
            // `len` was reset above, so each one is read exactly once.
            let w = unsafe { slot.assume_init_read() };
            w.wake();
        }
    }
}

impl Drop for WakeList {
    fn drop(&mut self) {
        let len = std::mem::replace(&mut self.len, 0);
        for slot in &mut self.wakers[..len] {
            // SAFETY: slots `0..len` are initialised (module invariant) and, with `len`
            // reset, dropped exactly once.
            unsafe { slot.assume_init_drop() };
        }
    }
}
