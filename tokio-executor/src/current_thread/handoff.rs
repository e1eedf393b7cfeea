//! The core slot: who may drive the scheduler, and the hand-over to a waiting `block_on`.
//!
//! State, all under one mutex:
//! - `core`: `Some` while no thread drives (the slot is free), `None` while one does (or
//!   after shutdown, which takes the core for good);
//! - `waiters`: the threads inside `block_on` that found the slot empty and sleep on
//!   their own parker, in arrival order. A thread is listed at most once.
//!
//! Invariant: whenever the slot is free and `waiters` is not empty, at least one waiting
//! thread is *in flight*: unparked (or about to be) and bound to look at the slot again
//! before it sleeps or leaves.
//!
//! Protocol:
//! 1. `try_take(w)`: the slot is free → take the core and unlist `w`; otherwise list `w`
//!    (if it is not yet listed). The caller then sleeps on its parker, waking when its
//!    own future is woken or when it is handed the core, and calls `try_take` again.
//! 2. `put_back(core)` (a driving thread leaves `block_on`, also when unwinding): free
//!    the slot, unlist the first waiter and unpark it (it is now in flight).
//! 3. `leave(w)` (a waiting thread's own future completed, or it panicked): unlist `w`;
//!    if the slot is free and someone still waits, unlist and unpark the next one. `w`
//!    may have been the thread in flight; this passes its turn on, so the invariant holds.
//!
//! Why no hand-over is lost: the one that frees the slot and the one that lists itself
//! both hold the mutex, so a waiter either sees the free slot in 1, or is listed before
//! 2 runs and gets unparked by it; a parker keeps an unpark that arrives before its
//! sleep, so the unpark between "listed" and "sleeping" is not lost either. Waking one
//! waiter rather than all keeps a hand-over at one wake-up.

use crate::loom::sync::{Arc, Mutex};
use crate::park::Unpark;
use std::collections::VecDeque;

/// The slot: the core when free, the sleeping waiters.
pub(crate) struct Handoff<C, U> {
    inner: Mutex<Inner<C, U>>,
}

struct Inner<C, U> {
    core: Option<C>,
    waiters: VecDeque<Arc<U>>,
}

impl<C, U: Unpark> Handoff<C, U> {
    /// A free slot holding `core`.
    pub(crate) fn new(core: C) -> Self {
        Handoff {
            inner: Mutex::new(Inner {
                core: Some(core),
                waiters: VecDeque::new(),
            }),
        }
    }

    /// Takes the core without waiting (shutdown, and the first attempt of `block_on`,
    /// which is then not listed).
    pub(crate) fn take(&self) -> Option<C> {
        self.lock().core.take()
    }

    /// Step 1.
    pub(crate) fn try_take(&self, w: &Arc<U>) -> Option<C> {
        let mut inner = self.lock();
        match inner.core.take() {
            Some(core) => {
                inner.unlist(w);
                Some(core)
            }
            None => {
                if !inner.waiters.iter().any(|x| Arc::ptr_eq(x, w)) {
                    inner.waiters.push_back(w.clone());
                }
                None
            }
        }
    }

    /// Step 2.
    pub(crate) fn put_back(&self, core: C) {
        let next = {
            let mut inner = self.lock();
            inner.core = Some(core);
            inner.waiters.pop_front()
        };
        if let Some(next) = next {
            next.unpark();
        }
    }

    /// Step 3.
    pub(crate) fn leave(&self, w: &Arc<U>) {
        let next = {
            let mut inner = self.lock();
            inner.unlist(w);
            if inner.core.is_some() {
                inner.waiters.pop_front()
            } else {
                None
            }
        };
        if let Some(next) = next {
            next.unpark();
        }
    }

    /// Poisoning is ignored: every critical section leaves the state consistent, and a
    /// panic elsewhere must not stop the core from being handed on.
    fn lock(&self) -> crate::loom::sync::MutexGuard<'_, Inner<C, U>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<C, U> Inner<C, U> {
    fn unlist(&mut self, w: &Arc<U>) {
        self.waiters.retain(|x| !Arc::ptr_eq(x, w));
    }
}
