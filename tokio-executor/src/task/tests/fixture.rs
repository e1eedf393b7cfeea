//! Counting fixtures: a scheduler that counts schedules and a future wrapper that
//! counts polls and drops, so leaks and double drops show up as wrong numbers.
#![allow(dead_code)]

use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::{Arc, Mutex};
use crate::task::{JoinHandle, Notified, OwnedTasks, Schedule, Task};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

#[derive(Clone)]
pub(crate) struct TestSched(pub(crate) Arc<Inner>);

pub(crate) struct Inner {
    pub(crate) queue: Mutex<VecDeque<Notified<TestSched>>>,
    pub(crate) owned: OwnedTasks<TestSched>,
    pub(crate) schedules: AtomicUsize,
}

impl TestSched {
    pub(crate) fn new() -> TestSched {
        TestSched(Arc::new(Inner {
            queue: Mutex::new(VecDeque::new()),
            owned: OwnedTasks::new(1),
            schedules: AtomicUsize::new(0),
        }))
    }

    pub(crate) fn spawn<F>(&self, f: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let (h, n) = self.0.owned.bind(f, self.clone());
        if let Some(n) = n {
            self.0.queue.lock().unwrap().push_back(n);
        }
        h
    }

    /// Runs queued tasks until the queue is empty; returns how many ran.
    pub(crate) fn run(&self) -> usize {
        let mut n = 0;
        loop {
            let task = self.0.queue.lock().unwrap().pop_front();
            match task {
                Some(t) => {
                    t.run();
                    n += 1;
                }
                None => return n,
            }
        }
    }

    pub(crate) fn schedules(&self) -> usize {
        self.0.schedules.load(SeqCst)
    }

    pub(crate) fn queued(&self) -> usize {
        self.0.queue.lock().unwrap().len()
    }

    pub(crate) fn shutdown(&self) {
        self.0.owned.close_and_shutdown_all();
        let drained: Vec<_> = self.0.queue.lock().unwrap().drain(..).collect();
        drop(drained);
    }
}

impl Schedule for TestSched {
    fn release(&self, task: &Task<Self>) -> Option<Task<Self>> {
        self.0.owned.remove(task)
    }

    fn schedule(&self, task: Notified<Self>) {
        self.0.schedules.fetch_add(1, SeqCst);
        self.0.queue.lock().unwrap().push_back(task);
    }
}

/// Counters shared by a tracked future and the test.
#[derive(Clone, Default)]
pub(crate) struct Counts {
    pub(crate) polls: Arc<AtomicUsize>,
    pub(crate) drops: Arc<AtomicUsize>,
    pub(crate) waker: Arc<Mutex<Option<Waker>>>,
}

impl Counts {
    pub(crate) fn polls(&self) -> usize {
        self.polls.load(SeqCst)
    }
    pub(crate) fn drops(&self) -> usize {
        self.drops.load(SeqCst)
    }
    pub(crate) fn take_waker(&self) -> Waker {
        self.waker.lock().unwrap().take().expect("no waker stored")
    }
}

/// Returns `Pending` `pending` times (storing the waker), then `Ready(value)`.
pub(crate) struct Tracked<T> {
    pub(crate) counts: Counts,
    pub(crate) pending: usize,
    pub(crate) value: Option<T>,
    pub(crate) wake_self: bool,
}

impl<T> Tracked<T> {
    pub(crate) fn new(counts: &Counts, pending: usize, value: T) -> Tracked<T> {
        Tracked {
            counts: counts.clone(),
            pending,
            value: Some(value),
            wake_self: false,
        }
    }
}

impl<T> Unpin for Tracked<T> {}

impl<T> Future for Tracked<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        self.counts.polls.fetch_add(1, SeqCst);
        if self.pending == 0 {
            return Poll::Ready(self.value.take().expect("polled after ready"));
        }
        self.pending -= 1;
        if self.wake_self {
            cx.waker().wake_by_ref();
        } else {
            *self.counts.waker.lock().unwrap() = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl<T> Drop for Tracked<T> {
    fn drop(&mut self) {
        self.counts.drops.fetch_add(1, SeqCst);
    }
}

/// An output that counts its drops.
pub(crate) struct DropCount(pub(crate) Arc<AtomicUsize>);

impl Drop for DropCount {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}
