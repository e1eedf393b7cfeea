//! A closure as a one-shot future, and the scheduler of such tasks (never re-queued).

use crate::task::{Notified, Schedule, Task};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub(super) struct BlockingTask<F> {
    func: Option<F>,
}

impl<F> BlockingTask<F> {
    pub(super) fn new(func: F) -> BlockingTask<F> {
        BlockingTask { func: Some(func) }
    }
}

impl<F> Unpin for BlockingTask<F> {}

impl<F: FnOnce() -> R, R> Future for BlockingTask<F> {
    type Output = R;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<R> {
        let func = self.func.take().expect("blocking task polled twice");
        // Blocking code may run its own executor: no budget applies to it.
        Poll::Ready(crate::coop::unconstrained(func))
    }
}

/// Blocking tasks complete on their only poll and are not in any owned list.
#[derive(Debug)]
pub(super) struct NoopSchedule;

impl Schedule for NoopSchedule {
    fn release(&self, _task: &Task<Self>) -> Option<Task<Self>> {
        None
    }

    fn schedule(&self, _task: Notified<Self>) {
        unreachable!("blocking tasks are never re-scheduled");
    }
}
