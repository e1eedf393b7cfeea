//! Children dropped before they were waited for.
//!
//! Invariant: every `std::process::Child` that leaves a [`Child`](super::Child) without
//! having been reaped is pushed here, and is removed only once `try_wait` reports its exit
//! (or fails, meaning there is nothing left to reap). The queue is swept on every spawn
//! and every time a live child observes `SIGCHLD`, so zombies do not pile up while the
//! program keeps using processes.

use super::loom::Mutex;
use std::process::Child as StdChild;
use std::sync::OnceLock;

type Queue = Mutex<Vec<StdChild>>;

static ORPHANS: OnceLock<Queue> = OnceLock::new();

fn queue() -> &'static Queue {
    ORPHANS.get_or_init(|| Mutex::new(Vec::new()))
}

/// Hands over a child nobody will wait for; it is reaped by a later [`reap`].
pub(crate) fn push(child: StdChild) {
    let mut q = queue().lock().unwrap_or_else(|e| e.into_inner());
    q.push(child);
}

/// Reaps every queued child that has exited.
pub(crate) fn reap() {
    let Some(q) = ORPHANS.get() else { return };
    // Never block a poll on the queue: another thread sweeping it does the same work.
    let mut q = match q.try_lock() {
        Ok(q) => q,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return,
    };
    q.retain_mut(|child| matches!(child.try_wait(), Ok(None)));
}
