//! The `AtomicWaker` state machine.
//!
//! State word (one `AtomicUsize`):
//! - `WAITING` (0): nobody is touching the slot; it holds the last registered waker or none.
//! - `REGISTERING`: the (single) registering task owns the slot and is replacing the waker.
//! - `WAKING`: a waker owns the slot and is taking the waker out.
//! - `REGISTERING | WAKING`: a wake arrived while registering; the registering task must
//!   wake the waker it just stored itself, because the waking side backed off.
//!
//! Who touches the slot: only the side that moved the word out of `WAITING` (register by
//! a CAS `WAITING -> REGISTERING`, wake by a `fetch_or(WAKING)` that saw `WAITING`).
//! A wake never gets lost: either the waker sees the stored waker (it set `WAKING` from
//! `WAITING`), or the registrant sees `WAKING` when it tries to go back to `WAITING` and
//! wakes the task itself.

use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::UnsafeCell;
use std::fmt;
use std::task::Waker;

const WAITING: usize = 0;
const REGISTERING: usize = 0b01;
const WAKING: usize = 0b10;

/// A waker slot shared between one registering consumer and any number of wakers.
pub(crate) struct AtomicWaker {
    state: AtomicUsize,
    waker: UnsafeCell<Option<Waker>>,
}

// SAFETY: the slot is only touched by whoever owns it through the state word (module doc),
// and `Waker` is `Send + Sync`.
unsafe impl Send for AtomicWaker {}
// SAFETY: as above.
unsafe impl Sync for AtomicWaker {}

impl AtomicWaker {
    pub(crate) fn new() -> AtomicWaker {
        AtomicWaker {
            state: AtomicUsize::new(WAITING),
            waker: UnsafeCell::new(None),
        }
    }

    /// Stores `waker` to be woken by the next `wake`. Only one task registers at a time
    /// (the channel's single consumer); a concurrent `wake` is never missed.
    pub(crate) fn register_by_ref(&self, waker: &Waker) {
        match self
            .state
            .compare_exchange(WAITING, REGISTERING, Acquire, Acquire)
        {
            Ok(_) => self.store_and_release(waker),
            // A wake is taking the old waker right now: wake the new one directly.
            Err(WAKING) => {
                waker.wake_by_ref();
                crate::loom::spin();
            }
            // Concurrent registration: misuse by the caller; the other one wins.
            Err(_) => {}
        }
    }

    fn store_and_release(&self, waker: &Waker) {
        // SAFETY: the state is REGISTERING, owned by us (module doc): no other access.
        self.waker.with_mut(|slot| unsafe {
            match &*slot {
                Some(old) if old.will_wake(waker) => {}
                _ => *slot = Some(waker.clone()),
            }
        });
        if let Err(actual) = self
            .state
            .compare_exchange(REGISTERING, WAITING, AcqRel, Acquire)
        {
            // A wake arrived meanwhile and backed off: we take and wake.
            debug_assert_eq!(actual, REGISTERING | WAKING);
            // SAFETY: WAKING was set while we held REGISTERING, so the waker backed off
            // and we still own the slot until the swap below.
            let w = self.waker.with_mut(|slot| unsafe { (*slot).take() });
            self.state.swap(WAITING, AcqRel);
            if let Some(w) = w {
                w.wake();
            }
        }
    }

    /// Wakes the registered task, if any.
    pub(crate) fn wake(&self) {
        if let Some(w) = self.take_waker() {
            w.wake();
        }
    }

    /// Takes the registered waker out, if any.
    pub(crate) fn take_waker(&self) -> Option<Waker> {
        match self.state.fetch_or(WAKING, AcqRel) {
            WAITING => {
                // SAFETY: we moved the word from WAITING to WAKING: we own the slot.
                let w = self.waker.with_mut(|slot| unsafe { (*slot).take() });
                self.state.fetch_and(!WAKING, Release);
                w
            }
            // Registering (it will see WAKING and wake) or another wake in progress.
            _ => None,
        }
    }
}

impl Default for AtomicWaker {
    fn default() -> Self {
        AtomicWaker::new()
    }
}

impl fmt::Debug for AtomicWaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AtomicWaker")
    }
}
