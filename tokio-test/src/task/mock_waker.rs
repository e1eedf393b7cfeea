//! The mock waker behind [`Spawn`](super::Spawn).
//!
//! One `Arc<MockWaker>` per `Spawn`. Reference kinds: the `Spawn` holds one strong count
//! for its whole life; each `Waker` made from it (one per poll, plus every clone the
//! polled code keeps) holds another. So `strong_count - 1` is the number of wakers alive
//! outside the `Spawn`, and `strong_count == 1` between polls means nobody kept one.
//!
//! `woken` is set by any wake and cleared by the `Spawn` before each poll; `SeqCst` is
//! not needed, but `Acquire`/`Release` make a wake on another thread visible with the
//! data it published.

use crate::loom::sync::atomic::{AtomicBool, Ordering};
use crate::loom::sync::Arc;
use std::task::{Context, Wake, Waker};

#[derive(Debug, Default)]
struct MockWaker {
    woken: AtomicBool,
}

impl Wake for MockWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
    }
}

/// The waker state of one mock task.
#[derive(Debug, Default)]
pub(super) struct MockTask {
    waker: Arc<MockWaker>,
}

impl MockTask {
    /// Clears the woken flag, then runs `f` with a context built on the mock waker.
    pub(super) fn enter<R>(&mut self, f: impl FnOnce(&mut Context<'_>) -> R) -> R {
        self.waker.woken.store(false, Ordering::Release);
        let waker = Waker::from(self.waker.clone());
        let mut cx = Context::from_waker(&waker);
        f(&mut cx)
    }

    /// Whether a waker of this task was woken since the last `enter`.
    pub(super) fn is_woken(&self) -> bool {
        self.waker.woken.load(Ordering::Acquire)
    }

    /// Strong count of the mock waker: 1 plus the wakers alive outside the task.
    pub(super) fn waker_ref_count(&self) -> usize {
        Arc::strong_count(&self.waker)
    }
}
