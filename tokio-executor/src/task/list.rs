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
use crate::loom::sync::Mutex;
use std::future::Future;
use std::marker::PhantomData;
use std::ptr::NonNull;

pub(crate) struct OwnedTasks<S: 'static> {
    shards: Box<[Mutex<Shard>]>,
    mask: usize,
    _p: PhantomData<S>,
}

struct Shard {
    list: RawList,
    closed: bool,
}

/// An intrusive doubly-linked list of task headers; each member holds one counted
/// reference (the list's). Whoever has `&mut` access to the list (a shard's lock, a
/// worker's core) has exclusive access to its members' links.
pub(super) struct RawList {
    head: Option<NonNull<Header>>,
    len: usize,
}

// SAFETY: the raw pointers are only followed by the holder of `&mut RawList` (see above),
// and each points to a task kept alive by the reference the list holds.
unsafe impl Send for RawList {}

/// # Safety
/// `node` is a live task linked in (or being linked into) a list the caller has exclusive
/// access to.
unsafe fn links<'a>(node: NonNull<Header>) -> &'a mut Links {
    // SAFETY: exclusive access to the list gives exclusive access to its members' links.
    unsafe { &mut *node.as_ref().links.with_mut(|p| p) }
}

impl RawList {
    pub(super) const fn new() -> RawList {
        RawList { head: None, len: 0 }
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// # Safety
    /// `node` is a live task that is in no list; its reference moves into this list.
    pub(super) unsafe fn push_front(&mut self, node: NonNull<Header>) {
        // SAFETY: `&mut self` is exclusive; `node` is new and `head` is a member.
        unsafe {
            links(node).next = self.head;
            if let Some(head) = self.head {
                links(head).prev = Some(node);
            }
        }
        self.head = Some(node);
        self.len += 1;
    }

    /// Unlinks `node` when it is a member; the list's reference then belongs to the caller.
    ///
    /// # Safety
    /// `node` is a live task that is in no list or in this one (never in another).
    pub(super) unsafe fn remove(&mut self, node: NonNull<Header>) -> bool {
        // SAFETY: caller's obligations; a member's neighbours are members too.
        unsafe {
            let l = links(node);
            if l.prev.is_none() && self.head != Some(node) {
                return false;
            }
            let (prev, next) = (l.prev.take(), l.next.take());
            match prev {
                Some(p) => links(p).next = next,
                None => self.head = next,
            }
            if let Some(n) = next {
                links(n).prev = prev;
            }
        }
        self.len -= 1;
        true
    }

    /// Unlinks the first member; the list's reference then belongs to the caller.
    pub(super) fn pop_front(&mut self) -> Option<NonNull<Header>> {
        let node = self.head?;
        // SAFETY: `node` is the head member of this list, to which we have `&mut`.
        let removed = unsafe { self.remove(node) };
        debug_assert!(removed);
        Some(node)
    }
}

impl<S: Schedule> OwnedTasks<S> {
    /// A list with at least `shards` shards (rounded up to a power of two).
    pub(crate) fn new(shards: usize) -> OwnedTasks<S> {
        let n = shards.clamp(1, 256).next_power_of_two();
        OwnedTasks {
            shards: (0..n)
                .map(|_| {
                    Mutex::new(Shard {
                        list: RawList::new(),
                        closed: false,
                    })
                })
                .collect(),
            mask: n - 1,
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
        // SAFETY: we hold the shard lock and `node` is new.
        unsafe { shard.list.push_front(node) };
        drop(shard);
        // The list's reference now lives in the links.
        std::mem::forget(task);
        (join, Some(notified))
    }

    /// Unlinks `task` if it is still a member, returning the list's reference.
    pub(crate) fn remove(&self, task: &Task<S>) -> Option<Task<S>> {
        let node = task.raw.header_ptr();
        let mut shard = self.shard(node).lock().unwrap();
        // SAFETY: we hold the shard lock, the caller holds a reference to `node`, and a
        // task only ever joins the shard its address picks.
        if !unsafe { shard.list.remove(node) } {
            return None;
        }
        // SAFETY: the list's reference moves to the caller.
        Some(unsafe { Task::from_raw(RawTask::from_raw(node)) })
    }

    /// Closes the list and shuts down every member; later `bind`s cancel at once.
    pub(crate) fn close_and_shutdown_all(&self) {
        for shard in self.shards.iter() {
            let mut members = Vec::new();
            {
                let mut shard = shard.lock().unwrap();
                shard.closed = true;
                while let Some(node) = shard.list.pop_front() {
                    // SAFETY: the list's reference moves into `members`.
                    members.push(unsafe { Task::<S>::from_raw(RawTask::from_raw(node)) });
                }
            }
            for task in members {
                task.shutdown();
            }
        }
    }

    /// True when no task is linked.
    pub(crate) fn is_empty(&self) -> bool {
        self.shards
            .iter()
            .all(|s| s.lock().unwrap().list.len() == 0)
    }
}
