//! The owned tasks of the work-stealing pool: one list per worker, touched without a lock
//! by the thread holding that worker's core.
//!
//! Every pool task is allocated with three references: the `JoinHandle`, its first
//! `Notified`, and the list's. `header.owner` says where the list's reference is:
//! - `UNBOUND`: reserved in the task itself. Tasks spawned from outside the pool start so
//!   (the spawning thread has no list), and stay so until a worker first runs them.
//! - a worker index `i`: the task is a member of worker `i`'s [`WorkerList`].
//! - `RELEASED`: an unbound task completed and its reserved reference was released.
//!
//! Who touches `owner`: the thread holding the task's `Notified` while the task is unbound
//! (nobody else can reach an unbound task: no waker exists before the first poll), and the
//! thread completing the task. Both are ordered with every other access by the state word
//! and the run queues.
//!
//! Protocol:
//! 1. Spawn on a worker: link into that worker's list (no lock). Spawn elsewhere:
//!    `UNBOUND`; the scheduler pushes the `Notified` to its injector.
//! 2. Before running a task, the worker binds it to its own list if it is unbound.
//! 3. Completion (`release`): an unbound task gives its reserved reference back; a member of
//!    the completing thread's own list is unlinked at once; a member of another worker's
//!    list is put on that worker's `released` queue (under a small lock), and the owner
//!    unlinks it at its next maintenance (`drain_released`). The list keeps its reference
//!    until then, which keeps the queued pointer valid.
//! 4. Shutdown, once no thread holds a core: `close` stops remote spawns (the scheduler
//!    cancels them) and then, per list, `shutdown_list` closes its `released` queue (a later
//!    remote completion leaves the task linked for step 4's walk), unlinks what the queue
//!    held, and shuts down every remaining member: each future is dropped exactly once,
//!    by whichever thread takes `RUNNING` (here, or the thread still polling it).

use super::list::RawList;
use super::raw::{Header, RawTask};
use super::{JoinHandle, Notified, Schedule, Task};
use crate::loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
use crate::loom::sync::Mutex;
use std::future::Future;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// `header.owner` of a task that is in no list (its list reference is reserved).
pub(crate) const UNBOUND: usize = usize::MAX;
/// `header.owner` of an unbound task whose reserved reference was released.
const RELEASED: usize = usize::MAX - 1;

/// The shared half: each worker's queue of members completed by other threads.
pub(crate) struct WorkerLists<S: 'static> {
    /// `None` once the list was shut down.
    released: Box<[Mutex<Option<Vec<Member>>>]>,
    closed: AtomicBool,
    _p: PhantomData<S>,
}

/// One worker's list; lives in the worker's core.
pub(crate) struct WorkerList<S: 'static> {
    id: usize,
    list: RawList,
    /// The other buffer of `released`, swapped in by `drain_released` (no allocation).
    spare: Vec<Member>,
    _p: PhantomData<S>,
}

/// A member of some worker's list, completed elsewhere; uncounted (the list holds the
/// reference until the owner unlinks it).
struct Member(NonNull<Header>);

// SAFETY: only a pointer; it is followed by the list's owner, which keeps the task alive.
unsafe impl Send for Member {}

fn owner(node: NonNull<Header>) -> usize {
    // SAFETY: the caller holds a reference to the task, so the header is alive.
    let header = unsafe { node.as_ref() };
    // SAFETY: the caller is one of the threads the module doc allows; reads and writes of
    // `owner` are ordered by the task's state word and the run queues.
    header.owner.with(|p| unsafe { *p })
}

fn set_owner(node: NonNull<Header>, id: usize) {
    // SAFETY: as in `owner`.
    let header = unsafe { node.as_ref() };
    // SAFETY: as in `owner`; the caller is the only thread that may touch it now.
    header.owner.with_mut(|p| unsafe { *p = id });
}

impl<S: Schedule> WorkerLists<S> {
    /// The shared half and one list per worker.
    pub(crate) fn new(workers: usize) -> (WorkerLists<S>, Vec<WorkerList<S>>) {
        let shared = WorkerLists {
            released: (0..workers).map(|_| Mutex::new(Some(Vec::new()))).collect(),
            closed: AtomicBool::new(false),
            _p: PhantomData,
        };
        let lists = (0..workers)
            .map(|id| WorkerList {
                id,
                list: RawList::new(),
                spare: Vec::new(),
                _p: PhantomData,
            })
            .collect();
        (shared, lists)
    }

    /// Step 1, off the pool: allocates an unbound task.
    pub(crate) fn spawn_unbound<T>(
        &self,
        future: T,
        scheduler: S,
    ) -> (JoinHandle<T::Output>, Notified<S>)
    where
        T: Future + Send + 'static,
        T::Output: Send + 'static,
    {
        let (join, notified, reserved) = allocate(future, scheduler);
        // The list's reference stays reserved in the task (`owner` is `UNBOUND`).
        std::mem::forget(reserved);
        (join, notified)
    }

    /// Step 3. `local` is the completing thread's own list, if it holds a core.
    pub(crate) fn release(
        &self,
        task: &Task<S>,
        local: Option<&mut WorkerList<S>>,
    ) -> Option<Task<S>> {
        let node = task.raw.header_ptr();
        match owner(node) {
            UNBOUND => {
                set_owner(node, RELEASED);
                // SAFETY: the reserved reference moves to the caller, once (`RELEASED`).
                Some(unsafe { Task::from_raw(task.raw) })
            }
            RELEASED => None,
            id => {
                if let Some(list) = local.filter(|l| l.id == id) {
                    return list.remove(node);
                }
                if let Some(queue) = self.released[id].lock().unwrap().as_mut() {
                    queue.push(Member(node));
                }
                // Closed: the shutdown walk of that list unlinks it.
                None
            }
        }
    }

    /// Step 3, the owner's half: unlinks the members other threads completed.
    pub(crate) fn drain_released(&self, list: &mut WorkerList<S>) {
        {
            let mut queue = self.released[list.id].lock().unwrap();
            match queue.as_mut() {
                Some(q) if !q.is_empty() => std::mem::swap(q, &mut list.spare),
                _ => return,
            }
        }
        let mut done = std::mem::take(&mut list.spare);
        for Member(node) in done.drain(..) {
            drop(list.remove(node));
        }
        list.spare = done;
    }

    /// Step 4, first half: from now on `is_closed` is true.
    pub(crate) fn close(&self) {
        self.closed.store(true, SeqCst);
        crate::loom::sync::atomic::fence(SeqCst);
    }

    /// Whether `close` ran (remote spawns and schedules then cancel their task).
    pub(crate) fn is_closed(&self) -> bool {
        self.closed.load(SeqCst)
    }

    /// Step 4, per list: called once no thread holds `list`'s core.
    pub(crate) fn shutdown_list(&self, list: &mut WorkerList<S>) {
        let queued = self.released[list.id].lock().unwrap().take();
        for Member(node) in queued.into_iter().flatten() {
            drop(list.remove(node));
        }
        let mut members = Vec::with_capacity(list.list.len());
        while let Some(node) = list.list.pop_front() {
            // SAFETY: the list's reference moves into `members`.
            members.push(unsafe { Task::<S>::from_raw(RawTask::from_raw(node)) });
        }
        for task in members {
            task.shutdown();
        }
    }
}

impl<S: Schedule> WorkerList<S> {
    /// Step 1, on the worker holding this list: allocates a task linked here.
    pub(crate) fn spawn<T>(
        &mut self,
        future: T,
        scheduler: S,
    ) -> (JoinHandle<T::Output>, Notified<S>)
    where
        T: Future + Send + 'static,
        T::Output: Send + 'static,
    {
        let (join, notified, list_ref) = allocate(future, scheduler);
        self.link(list_ref);
        (join, notified)
    }

    /// Step 2: binds `task` here if it was never bound.
    pub(crate) fn bind(&mut self, task: &Notified<S>) {
        let node = task.0.raw.header_ptr();
        if owner(node) == UNBOUND {
            // SAFETY: the reserved reference moves into the list.
            self.link(unsafe { Task::from_raw(task.0.raw) });
        }
    }

    fn link(&mut self, task: Task<S>) {
        let node = task.raw.header_ptr();
        set_owner(node, self.id);
        // SAFETY: `node` is in no list (new, or unbound) and we have `&mut` to this one;
        // the reference moves into the list.
        unsafe { self.list.push_front(node) };
        std::mem::forget(task);
    }

    /// Unlinks a member, returning the list's reference.
    fn remove(&mut self, node: NonNull<Header>) -> Option<Task<S>> {
        debug_assert_eq!(owner(node), self.id);
        // SAFETY: `node` is a member of this list (its owner is this list), alive while
        // linked, and we have `&mut` to the list.
        if !unsafe { self.list.remove(node) } {
            return None;
        }
        // SAFETY: the list's reference moves to the caller.
        Some(unsafe { Task::from_raw(RawTask::from_raw(node)) })
    }
}

/// A new task with three references: the handle, the first `Notified`, and the list's.
fn allocate<T, S>(future: T, scheduler: S) -> (JoinHandle<T::Output>, Notified<S>, Task<S>)
where
    T: Future + Send + 'static,
    T::Output: Send + 'static,
    S: Schedule,
{
    let raw = RawTask::new(future, scheduler, 3);
    // SAFETY: each wrapper takes one of the three references; `T: Send`, so the task may be
    // polled on any thread.
    unsafe {
        (
            JoinHandle::new(raw),
            Notified(Task::from_raw(raw)),
            Task::from_raw(raw),
        )
    }
}
