//! The `AtomicWaker` state machine.
//!
//! State word (one `AtomicUsize`):
//! - `WAITING` (0): nobody is touching the slot.
//! - `REGISTERING`: the (single) registering task owns the slot and is replacing the waker.
//! - `WAKING`: a waker owns the slot and is taking the waker out.
//! - `REGISTERING | WAKING`: a wake arrived while registering; the registering task must
//!   wake the waker it just stored itself, because the waking side backed off.
//! - `HAS_WAKER`: the slot holds a waker. Set by the registrant when it leaves
//!   `REGISTERING`, cleared by whoever takes the waker out (under `WAKING`, or the
//!   registrant in the `REGISTERING | WAKING` case).
//!
//! Who touches the slot: only the side that moved the word out of `WAITING` (register by
//! a CAS from an idle state to `REGISTERING`, wake by a `fetch_or(WAKING)` that saw
//! neither `REGISTERING` nor `WAKING`).
//!
//! A wake never gets lost: the producer makes its condition true, then `wake` reads the
//! word with a read-modify-write (Release: it publishes the condition; it reads the latest
//! value). Either that read comes after the registrant's CAS into `REGISTERING` in the
//! word's modification order (the wake sees `REGISTERING` or `HAS_WAKER` and takes the
//! slow path below), or before it, and then the registrant's Acquire CAS reads the wake's
//! write or a later one of the same release sequence (every write to the word is a
//! read-modify-write), so the registrant's later check of the condition sees it true.
//!
//! Fast path: a wake that reads an idle word without `HAS_WAKER` has nothing to take and
//! stops there: one read-modify-write that writes nothing new (`fetch_or(0)`; on x86 LLVM
//! lowers it to a fence on the thread's own stack plus a load, so the producer does not
//! take the consumer's cache line exclusively). Slow path: `fetch_or(WAKING)`; either it
//! saw the word idle and takes the waker, or the registrant sees `WAKING` when it tries to
//! leave `REGISTERING` and wakes its task itself.

use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::UnsafeCell;
use std::fmt;
use std::task::Waker;

const WAITING: usize = 0;
const REGISTERING: usize = 0b01;
const WAKING: usize = 0b10;
const HAS_WAKER: usize = 0b100;

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
        // Idle is `WAITING`, with or without `HAS_WAKER`.
        let mut cur = self.state.load(Acquire);
        loop {
            if cur & REGISTERING == REGISTERING {
                // Concurrent registration: misuse by the caller; the other one wins.
                return;
            }
            if cur & WAKING == WAKING {
                // A wake is taking the old waker right now: wake the new one directly.
                waker.wake_by_ref();
                crate::loom::spin();
                return;
            }
            match self
                .state
                .compare_exchange(cur, REGISTERING, Acquire, Acquire)
            {
                Ok(_) => return self.store_and_release(waker),
                Err(actual) => cur = actual,
            }
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
            .compare_exchange(REGISTERING, HAS_WAKER, AcqRel, Acquire)
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
        // Fast path (module doc): a read-modify-write that changes nothing.
        let seen = self.state.fetch_or(0, AcqRel);
        if seen & (HAS_WAKER | REGISTERING) == 0 {
            // Idle and empty (or another wake is taking it): nothing to take.
            return None;
        }
        self.take_waker_slow()
    }

    #[inline(never)]
    fn take_waker_slow(&self) -> Option<Waker> {
        match self.state.fetch_or(WAKING, AcqRel) {
            prev if prev & (REGISTERING | WAKING) == 0 => {
                // SAFETY: we moved the word from idle to WAKING: we own the slot.
                let w = self.waker.with_mut(|slot| unsafe { (*slot).take() });
                self.state.fetch_and(!(WAKING | HAS_WAKER), Release);
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
