//! The scheduler-facing task types: [`Schedule`], [`Task`], [`Notified`].

use super::raw::RawTask;
use super::JoinHandle;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;

/// What a task needs from the scheduler that owns it.
pub(crate) trait Schedule: Send + Sync + Sized + 'static {
    /// Removes the task from the owned list on completion, returning the list's
    /// reference if it was still linked.
    fn release(&self, task: &Task<Self>) -> Option<Task<Self>>;

    /// Queues a woken task.
    fn schedule(&self, task: Notified<Self>);

    /// Queues a task that woke itself during its own poll (it yielded): fairness asks
    /// for the back of the queue, not the LIFO slot.
    fn yield_now(&self, task: Notified<Self>) {
        self.schedule(task);
    }
}

/// One counted reference to a task (the owned-list entry).
pub(crate) struct Task<S: 'static> {
    pub(super) raw: RawTask,
    _p: PhantomData<S>,
}

/// A task that is due to be polled: exactly one exists per `NOTIFIED` state.
pub(crate) struct Notified<S: 'static>(pub(super) Task<S>);

impl<S: 'static> Task<S> {
    /// # Safety
    /// `raw` belongs to a task scheduled by `S`, and one reference moves in.
    pub(super) unsafe fn from_raw(raw: RawTask) -> Task<S> {
        Task {
            raw,
            _p: PhantomData,
        }
    }

    /// Cancels the task unless it is running elsewhere or done.
    pub(crate) fn shutdown(&self) {
        self.raw.shutdown();
    }
}

impl<S: 'static> Drop for Task<S> {
    fn drop(&mut self) {
        self.raw.drop_reference();
    }
}

impl<S: 'static> fmt::Debug for Task<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task").field("raw", &self.raw).finish()
    }
}

impl<S: 'static> Notified<S> {
    /// Polls the task once (or drops its future if it was cancelled).
    pub(crate) fn run(self) {
        let raw = self.0.raw;
        std::mem::forget(self);
        raw.poll();
    }

    /// Cancels the task without polling it, then drops this reference.
    pub(crate) fn shutdown(self) {
        self.0.shutdown();
    }
}

impl<S: 'static> fmt::Debug for Notified<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Notified").field(&self.0.raw).finish()
    }
}

/// Allocates a task that no owned list tracks (blocking-pool tasks): its first
/// `Notified` and its `JoinHandle`.
pub(crate) fn unowned<T, S>(future: T, scheduler: S) -> (Notified<S>, JoinHandle<T::Output>)
where
    T: Future + Send + 'static,
    T::Output: Send + 'static,
    S: Schedule,
{
    let raw = RawTask::new(future, scheduler, 2);
    // SAFETY: the two references go to the two wrappers.
    unsafe { (Notified(Task::from_raw(raw)), JoinHandle::new(raw)) }
}
