//! Test helpers: a waker that counts its wakes, and a pinned future driven by hand.
#![allow(dead_code)]

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// Counts `wake` calls.
#[derive(Default)]
pub struct WakeCounter(AtomicUsize);

impl Wake for WakeCounter {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, SeqCst);
    }
}

/// A future polled by hand with a counting waker.
pub struct Task<F> {
    fut: Pin<Box<F>>,
    counter: Arc<WakeCounter>,
    waker: Waker,
}

pub fn spawn<F: Future>(f: F) -> Task<F> {
    let counter = Arc::new(WakeCounter::default());
    let waker = Waker::from(counter.clone());
    Task {
        fut: Box::pin(f),
        counter,
        waker,
    }
}

impl<F: Future> Task<F> {
    pub fn poll(&mut self) -> Poll<F::Output> {
        let mut cx = Context::from_waker(&self.waker);
        self.fut.as_mut().poll(&mut cx)
    }

    pub fn wakes(&self) -> usize {
        self.counter.0.load(SeqCst)
    }

    pub fn is_woken(&self) -> bool {
        self.wakes() > 0
    }

    /// Runs `f` with this task's context (for `poll_*` methods).
    pub fn enter<R>(&mut self, f: impl FnOnce(&mut Context<'_>) -> R) -> R {
        let mut cx = Context::from_waker(&self.waker);
        f(&mut cx)
    }
}

/// A task with a counting waker and no future, for `poll_*` methods.
pub fn mock() -> Task<std::future::Pending<()>> {
    spawn(std::future::pending())
}
