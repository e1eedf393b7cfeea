//! The owned-task list: every live task of a scheduler, so shutdown can cancel the
//! ones that sit idle (referenced only by wakers).
//!
//! An intrusive doubly-linked list through `Header::links`, split into shards (by the
//! task's address) so workers binding and releasing tasks rarely contend. Each entry
//! holds one counted reference to its task.
//!
//! Protocol:
//! 1. `bind` inserts a new task under its shard's lock, unless the shard is closed: then
//!    the task is shut down at once and its `JoinHandle` reports cancellation.
//! 2. `remove` (the scheduler's `release`, on completion) unlinks the task if it is still
//!    linked and hands the list's reference back to the caller.
//! 3. `close_and_shutdown_all` closes every shard, unlinks all entries under the lock,
//!    then shuts each task down outside the lock (completion re-enters `remove`).

use super::raw::{Header, Links, RawTask};
use super::{JoinHandle, Notified, Schedule, Task};
use crate::loom::sync::atomic::{AtomicBool, Ordering::Acquire, Ordering::Release};
use crate::loom::sync::Mutex;
use std::future::Future;
use std::marker::PhantomData;
use std::ptr::NonNull;

pub(crate) struct OwnedTasks<S: 'static> {
    shards: Box<[Mutex<Shard>]>,
    mask: usize,
    closed: AtomicBool,
    _p: PhantomData<S>,
}

struct Shard {
    head: Option<NonNull<Header>>,
    len: usize,
    closed: bool,
}

// SAFETY: the raw pointers are only followed under the shard's mutex, and each points to
// a task kept alive by the reference the list holds.
unsafe impl Send for Shard {}

/// # Safety
/// `node` is a live task linked in (or being linked into) the list whose lock is held.
unsafe fn links<'a>(node: NonNull<Header>) -> &'a mut Links {
    // SAFETY: the list's lock gives exclusive access to the links of its members.
    unsafe { &mut *node.as_ref().links.with_mut(|p| p) }
}

impl<S: Schedule> OwnedTasks<S> {
    /// A list with at least `shards` shards (rounded up to a power of two).
    pub(crate) fn new(shards: usize) -> OwnedTasks<S> {
        let n = shards.clamp(1, 256).next_power_of_two();
        OwnedTasks {
            shards: (0..n)
                .map(|_| {
                    Mutex::new(Shard {
                        head: None,
                        len: 0,
                        closed: false,
                    })
                })
                .collect(),
            mask: n - 1,
            closed: AtomicBool::new(false),
            _p: PhantomData,
        }
    }

    fn shard(&self, node: NonNull<Header>) -> &Mutex<Shard> {
        let addr = node.as_ptr() as usize;
        let hash = addr.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize) >> (usize::BITS - 8);
        &self.shards[hash & self.mask]
    }

    /// Allocates a task for `future`, links it, and returns its handle and the first
    /// `Notified` (`None` when the list is closed: the task is then already cancelled).
    pub(crate) fn bind<T>(
        &self,
        future: T,
        scheduler: S,
    ) -> (JoinHandle<T::Output>, Option<Notified<S>>)
    where
        T: Future + Send + 'static,
        T::Output: Send + 'static,
    {
        // SAFETY: `T: Send`, so the task may be polled on any thread.
        unsafe { self.bind_inner(future, scheduler) }
    }

    /// Like [`bind`](Self::bind) for a `!Send` future.
    ///
    /// # Safety
    /// The scheduler polls and drops the task only on the thread that owns it.
    pub(crate) unsafe fn bind_local<T>(
        &self,
        future: T,
        scheduler: S,
    ) -> (JoinHandle<T::Output>, Option<Notified<S>>)
    where
        T: Future + 'static,
        T::Output: 'static,
    {
        // SAFETY: forwarded.
        unsafe { self.bind_inner(future, scheduler) }
    }

    /// # Safety
    /// See `bind_local`.
    unsafe fn bind_inner<T>(
        &self,
        future: T,
        scheduler: S,
    ) -> (JoinHandle<T::Output>, Option<Notified<S>>)
    where
        T: Future + 'static,
    {
        // Three references: the list entry, the first `Notified`, the `JoinHandle`.
        let raw = RawTask::new(future, scheduler, 3);
        // SAFETY: each wrapper takes one of the three references.
        let (task, notified, join) = unsafe {
            (
                Task::<S>::from_raw(raw),
                Notified(Task::<S>::from_raw(raw)),
                JoinHandle::new(raw),
            )
        };
        let node = raw.header_ptr();
        let mut shard = self.shard(node).lock().unwrap();
        if shard.closed {
            drop(shard);
            task.shutdown();
            return (join, None);
        }
        // SAFETY: we hold the shard lock; `node` is new and `head` is a member.
        unsafe {
            links(node).next = shard.head;
            if let Some(head) = shard.head {
                links(head).prev = Some(node);
            }
        }
        shard.head = Some(node);
        shard.len += 1;
        drop(shard);
        // The list's reference now lives in the links.
        std::mem::forget(task);
        (join, Some(notified))
    }

    /// Unlinks `task` if it is still a member, returning the list's reference.
    pub(crate) fn remove(&self, task: &Task<S>) -> Option<Task<S>> {
        let node = task.raw.header_ptr();
        let mut shard = self.shard(node).lock().unwrap();
        // SAFETY: we hold the shard lock and the caller holds a reference to `node`.
        unsafe {
            let l = links(node);
            if l.prev.is_none() && shard.head != Some(node) {
                return None;
            }
            unlink(&mut shard, node);
            // SAFETY: the list's reference moves to the caller.
            Some(Task::from_raw(RawTask::from_raw(node)))
        }
    }

    /// Closes the list and shuts down every member; later `bind`s cancel at once.
    pub(crate) fn close_and_shutdown_all(&self) {
        self.closed.store(true, Release);
        for shard in self.shards.iter() {
            let mut members = Vec::new();
            {
                let mut shard = shard.lock().unwrap();
                shard.closed = true;
                while let Some(node) = shard.head {
                    // SAFETY: we hold the lock; `node` is the head member.
                    unsafe { unlink(&mut shard, node) };
                    // SAFETY: the list's reference moves into `members`.
                    members.push(unsafe { Task::<S>::from_raw(RawTask::from_raw(node)) });
                }
            }
            for task in members {
                task.shutdown();
            }
        }
    }

    /// Whether the list was closed by `close_and_shutdown_all`.
    pub(crate) fn is_closed(&self) -> bool {
        self.closed.load(Acquire)
    }

    /// True when no task is linked.
    pub(crate) fn is_empty(&self) -> bool {
        self.shards.iter().all(|s| s.lock().unwrap().len == 0)
    }
}

/// # Safety
/// The shard's lock is held and `node` is a member of it.
unsafe fn unlink(shard: &mut Shard, node: NonNull<Header>) {
    // SAFETY: caller's obligations; neighbours are members too.
    unsafe {
        let l = links(node);
        let (prev, next) = (l.prev.take(), l.next.take());
        match prev {
            Some(p) => links(p).next = next,
            None => shard.head = next,
        }
        if let Some(n) = next {
            links(n).prev = prev;
        }
    }
    shard.len -= 1;
}
