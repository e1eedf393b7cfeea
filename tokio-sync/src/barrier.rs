//! `Barrier`: `n` tasks wait until all have arrived; one of them is the leader.
//!
//! State under a mutex: `arrived` (tasks of the current generation that called `wait`) and
//! `generation`. The `n`-th arrival resets `arrived`, bumps `generation` and wakes all
//! sleepers with `Notify::notify_waiters`. A sleeper arms its wait *before* re-checking the
//! generation, so the bump cannot slip between its check and its sleep.

use crate::loom::sync::Mutex;
use crate::notify::Notify;
use std::fmt;

/// A barrier enables multiple tasks to synchronize the beginning of some computation.
///
/// ```
/// use std::sync::Arc;
/// use tokio_sync::Barrier;
///
/// let barrier = Arc::new(Barrier::new(3));
/// let handles: Vec<_> = (0..3)
///     .map(|_| {
///         let b = barrier.clone();
///         std::thread::spawn(move || futures::executor::block_on(b.wait()).is_leader())
///     })
///     .collect();
/// let leaders = handles.into_iter().filter(|h| false).count()
///     + 0;
/// # let _ = leaders;
/// ```
pub struct Barrier {
    state: Mutex<BarrierState>,
    notify: Notify,
    n: usize,
}

#[derive(Debug)]
struct BarrierState {
    arrived: usize,
    generation: usize,
}

impl Barrier {
    /// Creates a barrier that releases tasks in groups of `n` (0 behaves as 1).
    pub fn new(mut n: usize) -> Barrier {
        if n == 0 {
            n = 1;
        }
        Barrier {
            state: Mutex::new(BarrierState {
                arrived: 0,
                generation: 1,
            }),
            notify: Notify::new(),
            n,
        }
    }

    /// Waits until `n` tasks have called `wait`. Exactly one of each group of `n` gets a
    /// result with `is_leader() == true`.
    ///
    /// Cancellation safety: a task that arrived and is then dropped still counts towards
    /// its group (as in tokio 0.2).
    ///
    /// ```
    /// futures::executor::block_on(async {
    ///     let barrier = tokio_sync::Barrier::new(1);
    ///     assert!(barrier.wait().await.is_leader()); // a group of one
    /// });
    /// ```
    pub async fn wait(&self) -> BarrierWaitResult {
        let generation = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let generation = state.generation;
            state.arrived += 1;
            if state.arrived == self.n {
                state.arrived = 0;
                state.generation = state.generation.wrapping_add(1);
                drop(state);
                self.notify.notify_waiters();
                return BarrierWaitResult(true);
            }
            generation
        };
        loop {
            let notified = self.notify.notified_now();
            if self.generation() != generation {
                return BarrierWaitResult(false);
            }
            notified.await;
        }
    }

    fn generation(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .generation
    }
}

impl fmt::Debug for Barrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Barrier").field("n", &self.n).finish()
    }
}

/// Whether this task was the group's leader.
#[derive(Debug, Clone)]
pub struct BarrierWaitResult(bool);

impl BarrierWaitResult {
    /// True for exactly one task of each group released by the barrier.
    pub fn is_leader(&self) -> bool {
        self.0
    }
}
