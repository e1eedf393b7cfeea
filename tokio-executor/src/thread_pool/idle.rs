//! Which workers sleep, and how many search for work.
//!
//! One atomic word packs `num_unparked` (high bits) and `num_searching` (low 16 bits);
//! the list of sleeping workers sits behind a mutex. Invariant (under the mutex):
//! `num_unparked + sleepers.len() == num_workers`.
//!
//! Protocol:
//! 1. Making work available (push to the injector, or to a local queue other workers can
//!    steal from) calls `worker_to_notify`: it wakes one sleeper only if nobody is
//!    searching and somebody sleeps. The woken worker counts as searching from the
//!    notifier's increment, so a burst of pushes wakes one worker, not all.
//! 2. A worker starts searching only while fewer than half of the workers search.
//! 3. The last searcher to find work wakes one more sleeper if a queue still holds work
//!    (after a SeqCst fence, pairing with the one after an injector push), which spreads
//!    wake-ups along a burst without a thundering herd; with every queue empty it wakes
//!    nobody (the next push finds no searcher and wakes a sleeper itself).
//! 4. The last searcher to go to sleep re-checks every queue before sleeping, so work
//!    pushed while it searched is never stranded.

use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Mutex;

const UNPARK_SHIFT: usize = 16;
const SEARCH_MASK: usize = (1 << UNPARK_SHIFT) - 1;

pub(super) struct Idle {
    state: AtomicUsize,
    sleepers: Mutex<Vec<usize>>,
    num_workers: usize,
}

fn searching(s: usize) -> usize {
    s & SEARCH_MASK
}

fn unparked(s: usize) -> usize {
    s >> UNPARK_SHIFT
}

impl Idle {
    pub(super) fn new(num_workers: usize) -> Idle {
        Idle {
            state: AtomicUsize::new(num_workers << UNPARK_SHIFT),
            sleepers: Mutex::new(Vec::with_capacity(num_workers)),
            num_workers,
        }
    }

    fn should_wake(&self) -> bool {
        let s = self.state.load(SeqCst);
        searching(s) == 0 && unparked(s) < self.num_workers
    }

    /// Step 1: picks a sleeper to wake (and counts it unparked and searching).
    pub(super) fn worker_to_notify(&self) -> Option<usize> {
        if !self.should_wake() {
            return None;
        }
        let mut sleepers = self.sleepers.lock().unwrap();
        if !self.should_wake() {
            return None;
        }
        let worker = sleepers.pop()?;
        self.state.fetch_add(1 | (1 << UNPARK_SHIFT), SeqCst);
        Some(worker)
    }

    /// Step 2.
    pub(super) fn transition_worker_to_searching(&self) -> bool {
        let s = self.state.load(SeqCst);
        if 2 * searching(s) >= self.num_workers {
            return false;
        }
        self.state.fetch_add(1, SeqCst);
        true
    }

    /// Step 3: true when the caller was the last searcher.
    pub(super) fn transition_worker_from_searching(&self) -> bool {
        let prev = self.state.fetch_sub(1, SeqCst);
        searching(prev) == 1
    }

    /// Step 4: records `worker` as asleep; true when it was the last searcher.
    pub(super) fn transition_worker_to_parked(&self, worker: usize, is_searching: bool) -> bool {
        let mut sleepers = self.sleepers.lock().unwrap();
        let dec = (1 << UNPARK_SHIFT) | usize::from(is_searching);
        let prev = self.state.fetch_sub(dec, SeqCst);
        sleepers.push(worker);
        is_searching && searching(prev) == 1
    }

    /// A sleeper that found work by itself (driver events) leaves the sleeper list.
    pub(super) fn unpark_worker_by_id(&self, worker: usize) -> bool {
        let mut sleepers = self.sleepers.lock().unwrap();
        match sleepers.iter().position(|&w| w == worker) {
            Some(i) => {
                sleepers.swap_remove(i);
                self.state.fetch_add(1 << UNPARK_SHIFT, SeqCst);
                true
            }
            None => false,
        }
    }

    /// Whether `worker` is still listed as asleep (not yet picked by a notifier).
    pub(super) fn is_parked(&self, worker: usize) -> bool {
        self.sleepers.lock().unwrap().contains(&worker)
    }
}
