//! The fair, FIFO, batch-acquiring semaphore under `Mutex`, `RwLock`, `Semaphore` and the
//! bounded `mpsc` channel.
//!
//! ## State
//! `permits: AtomicUsize` packs `available << 2 | HAS_WAITERS | CLOSED`:
//! - `available`: permits nobody holds or is owed (at most `MAX_PERMITS`).
//! - `HAS_WAITERS`: the wait list is non-empty. Set and cleared only with the list's mutex
//!   held. Invariant: while it is set, `available == 0` (released permits go to waiters).
//! - `CLOSED`: `close` was called; every pending and future acquire fails.
//!
//! `waiters: Mutex<Waitlist>` holds the queue of `Waiter` nodes, oldest first. Each node is
//! embedded in the future (or the `Sender`) that waits, so waiting allocates nothing.
//!
//! ## Node fields and who touches them
//! - `needed: AtomicUsize`: permits still owed to the node. Written only under the mutex;
//!   read by the owner without it. When it reaches 0 the releaser has already unlinked the
//!   node, so `needed == 0` seen by the owner means "acquired, not linked".
//! - `waker`: read and written only under the mutex.
//! - `pointers`: the list's links, only under the mutex.
//!
//! ## Protocols
//! Acquire:
//! 1. Fast path (no lock): CAS `available -= n` if `!HAS_WAITERS && available >= n`.
//!    Skipping the fast path while others wait is what makes the semaphore FIFO-fair.
//! 2. Slow path, under the mutex: if `HAS_WAITERS` is already set there is nothing to
//!    take (and, the mutex being held, nothing changes it), so no CAS: the node owes `n`.
//!    Otherwise retry step 1, or take what is available as a partial grant and set
//!    `HAS_WAITERS` in the same CAS. Then store the waker and link the node.
//!
//! Release (`n` permits):
//! 1. Fast path (no lock): CAS `available += n` if `!HAS_WAITERS`. A concurrent enqueue's
//!    CAS conflicts with this one, so a waiter is never missed.
//! 2. Slow path, under the mutex: hand permits to the oldest nodes (unlinking those that
//!    are fully served and collecting their wakers); the rest go back to `available` and
//!    `HAS_WAITERS` is cleared once the list is empty. Wakers run after the unlock.
//!
//! Cancel (the waiting future is dropped): under the mutex, unlink the node if it is still
//! linked and release the permits it had already been granted, so nothing is lost and no
//! dead node blocks the queue. If the node was fully served, all `n` are released.
//!
//! Awkward cases: a release that grants part of a node's need leaves it at the head;
//! `close` unlinks every node and wakes it with its `needed` untouched (the owner returns
//! its partial grant and reports the error).

use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::sync::{Mutex, MutexGuard};
use crate::loom::UnsafeCell;
use crate::util::linked_list::{self, LinkedList, Pointers};
use crate::util::wake_list::WakeList;
use std::fmt;
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr::NonNull;
use std::task::{Context, Poll, Waker};

/// Largest number of permits a semaphore can hold.
pub(crate) const MAX_PERMITS: usize = usize::MAX >> 3;
const CLOSED: usize = 0b01;
const HAS_WAITERS: usize = 0b10;
const SHIFT: usize = 2;

pub(crate) struct Semaphore {
    permits: AtomicUsize,
    waiters: Mutex<Waitlist>,
}

struct Waitlist {
    queue: LinkedList<Waiter>,
    closed: bool,
}

/// The acquire failed because the semaphore is closed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct AcquireError;

/// Why `try_acquire` failed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TryAcquireError {
    Closed,
    NoPermits,
}

/// One waiting acquirer, embedded in its future.
pub(crate) struct Waiter {
    needed: AtomicUsize,
    waker: UnsafeCell<Option<Waker>>,
    pointers: Pointers<Waiter>,
    _pin: PhantomPinned,
}

// SAFETY: the raw links and the waker cell are only touched under the semaphore's mutex
// (module doc); `needed` is atomic.
unsafe impl Send for Waiter {}
// SAFETY: as above.
unsafe impl Sync for Waiter {}

// SAFETY: `pointers` is a field of `Waiter`, so it lives as long as the node.
unsafe impl linked_list::Link for Waiter {
    unsafe fn pointers(target: NonNull<Waiter>) -> NonNull<Pointers<Waiter>> {
        // SAFETY: `target` is live (caller's contract); taking a field address.
        unsafe { NonNull::from(&(*target.as_ptr()).pointers) }
    }
}

impl Waiter {
    pub(crate) fn new() -> Waiter {
        Waiter {
            needed: AtomicUsize::new(0),
            waker: UnsafeCell::new(None),
            pointers: Pointers::new(),
            _pin: PhantomPinned,
        }
    }

    /// Replaces the stored waker.
    ///
    /// # Safety
    /// The semaphore's mutex is held.
    unsafe fn set_waker(&self, waker: &Waker) {
        // SAFETY: the caller holds the mutex, which guards the waker cell.
        self.waker.with_mut(|w| unsafe {
            match &*w {
                Some(old) if old.will_wake(waker) => {}
                _ => *w = Some(waker.clone()),
            }
        });
    }

    /// # Safety
    /// The semaphore's mutex is held.
    unsafe fn take_waker(&self) -> Option<Waker> {
        // SAFETY: the caller holds the mutex, which guards the waker cell.
        self.waker.with_mut(|w| unsafe { (*w).take() })
    }
}

impl fmt::Debug for Waiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Waiter")
            .field("needed", &self.needed.load(Relaxed))
            .finish()
    }
}

fn node_ptr(node: &Waiter) -> NonNull<Waiter> {
    NonNull::from(node)
}

impl Semaphore {
    /// A semaphore with `permits` permits. The caller checks `permits <= MAX_PERMITS`.
    pub(crate) fn new(permits: usize) -> Semaphore {
        debug_assert!(permits <= MAX_PERMITS);
        Semaphore {
            permits: AtomicUsize::new(permits << SHIFT),
            waiters: Mutex::new(Waitlist {
                queue: LinkedList::new(),
                closed: false,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Waitlist> {
        // A panic while holding this lock can only come from a waker; keep going.
        self.waiters.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn available_permits(&self) -> usize {
        self.permits.load(Acquire) >> SHIFT
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.permits.load(Acquire) & CLOSED == CLOSED
    }

    /// Takes `n` permits now if that is fair (nobody queued) and possible.
    pub(crate) fn try_acquire(&self, n: usize) -> Result<(), TryAcquireError> {
        let mut cur = self.permits.load(Acquire);
        loop {
            if cur & CLOSED == CLOSED {
                return Err(TryAcquireError::Closed);
            }
            if cur & HAS_WAITERS == HAS_WAITERS || cur >> SHIFT < n {
                return Err(TryAcquireError::NoPermits);
            }
            match self
                .permits
                .compare_exchange_weak(cur, cur - (n << SHIFT), AcqRel, Acquire)
            {
                Ok(_) => return Ok(()),
                Err(actual) => cur = actual,
            }
        }
    }

    /// Returns `n` permits, handing them to the oldest waiters first.
    pub(crate) fn release(&self, n: usize) {
        if n == 0 {
            return;
        }
        let mut cur = self.permits.load(Acquire);
        while cur & HAS_WAITERS == 0 {
            match self
                .permits
                .compare_exchange_weak(cur, cur + (n << SHIFT), AcqRel, Acquire)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
        self.release_locked(n, self.lock());
    }

    /// Slow-path release with the wait list locked (module doc, "Release" step 2).
    fn release_locked<'a>(&'a self, mut rem: usize, mut list: MutexGuard<'a, Waitlist>) {
        let mut wakers = WakeList::new();
        loop {
            while rem > 0 && !wakers.is_full() {
                let Some(front) = list.queue.front() else {
                    break;
                };
                // SAFETY: linked nodes are live (list invariant) and we hold the mutex.
                let node = unsafe { front.as_ref() };
                let needed = node.needed.load(Relaxed);
                let grant = needed.min(rem);
                rem -= grant;
                node.needed.store(needed - grant, Release);
                if needed == grant {
                    list.queue.pop_front();
                    // SAFETY: we hold the mutex.
                    wakers.push(unsafe { node.take_waker() });
                }
            }
            if rem > 0 && !list.queue.is_empty() {
                // The batch of wakers is full: run it outside the lock, then go on.
                drop(list);
                wakers.wake_all();
                list = self.lock();
                continue;
            }
            break;
        }
        if list.queue.is_empty() {
            self.settle_empty(rem);
        }
        drop(list);
        wakers.wake_all();
    }

    /// With the list locked and empty: return `rem` permits and clear `HAS_WAITERS`.
    fn settle_empty(&self, rem: usize) {
        let mut cur = self.permits.load(Acquire);
        loop {
            let next = (cur + (rem << SHIFT)) & !HAS_WAITERS;
            match self
                .permits
                .compare_exchange_weak(cur, next, AcqRel, Acquire)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
    }

    /// Closes the semaphore: pending and future acquires fail; held permits stay valid.
    pub(crate) fn close(&self) {
        let mut list = self.lock();
        list.closed = true;
        self.permits.fetch_or(CLOSED, Release);
        let mut wakers = WakeList::new();
        while let Some(node) = list.queue.pop_front() {
            // SAFETY: the node was linked, so it is live; we hold the mutex.
            wakers.push(unsafe { node.as_ref().take_waker() });
            if wakers.is_full() {
                drop(list);
                wakers.wake_all();
                list = self.lock();
            }
        }
        drop(list);
        wakers.wake_all();
    }

    /// Drives one acquire of `n` permits for `node` (module doc, "Acquire"). Does not
    /// touch the coop budget: callers wrap it in `util::coop::budgeted`.
    ///
    /// `queued` belongs to the caller and says whether `node` is in the wait list; the
    /// caller must call `cancel` before dropping a node whose `queued` is true.
    pub(crate) fn poll_acquire(
        &self,
        cx: &mut Context<'_>,
        n: usize,
        node: Pin<&Waiter>,
        queued: &mut bool,
    ) -> Poll<Result<(), AcquireError>> {
        let node = node.get_ref();
        if *queued {
            return self.poll_queued(cx, n, node, queued);
        }
        match self.try_acquire(n) {
            Ok(()) => return Poll::Ready(Ok(())),
            Err(TryAcquireError::Closed) => return Poll::Ready(Err(AcquireError)),
            Err(TryAcquireError::NoPermits) => {}
        }
        let mut list = self.lock();
        let mut cur = self.permits.load(Acquire);
        loop {
            if cur & CLOSED == CLOSED {
                return Poll::Ready(Err(AcquireError));
            }
            if cur & HAS_WAITERS == HAS_WAITERS {
                // With the mutex held, `HAS_WAITERS` stays set and `available` stays 0
                // (module doc), so there is nothing to take and no CAS to make: the
                // contended lock costs the mutex and nothing more.
                node.needed.store(n, Relaxed);
                break;
            }
            let available = cur >> SHIFT;
            let (next, grant) = if cur & HAS_WAITERS == 0 && available >= n {
                (cur - (n << SHIFT), n)
            } else {
                ((cur & CLOSED) | HAS_WAITERS, available.min(n))
            };
            match self
                .permits
                .compare_exchange_weak(cur, next, AcqRel, Acquire)
            {
                Ok(_) if grant == n => return Poll::Ready(Ok(())),
                Ok(_) => {
                    node.needed.store(n - grant, Relaxed);
                    break;
                }
                Err(actual) => cur = actual,
            }
        }
        // SAFETY: we hold the mutex; the node is pinned inside the caller's future and the
        // caller promises to `cancel` before it goes away.
        unsafe {
            node.set_waker(cx.waker());
            list.queue.push_back(node_ptr(node));
        }
        *queued = true;
        Poll::Pending
    }

    fn poll_queued(
        &self,
        cx: &mut Context<'_>,
        n: usize,
        node: &Waiter,
        queued: &mut bool,
    ) -> Poll<Result<(), AcquireError>> {
        if node.needed.load(Acquire) == 0 {
            *queued = false;
            return Poll::Ready(Ok(()));
        }
        let list = self.lock();
        let needed = node.needed.load(Acquire);
        if needed == 0 {
            *queued = false;
            return Poll::Ready(Ok(()));
        }
        if list.closed {
            // `close` unlinked us; hand back the partial grant.
            *queued = false;
            self.release_locked(n - needed, list);
            return Poll::Ready(Err(AcquireError));
        }
        // SAFETY: we hold the mutex.
        unsafe { node.set_waker(cx.waker()) };
        Poll::Pending
    }

    /// Withdraws a queued `node` (its future is being dropped) and returns whatever it had
    /// been granted. Does nothing unless `*queued`.
    #[inline]
    pub(crate) fn cancel(&self, n: usize, node: Pin<&Waiter>, queued: &mut bool) {
        if *queued {
            *queued = false;
            self.cancel_queued(n, node.get_ref());
        }
    }

    #[cold]
    fn cancel_queued(&self, n: usize, node: &Waiter) {
        let mut list = self.lock();
        let needed = node.needed.load(Acquire);
        if needed != 0 {
            // SAFETY: the node is live (we are its owner) and is either in this list or
            // was unlinked by `close`; we hold the mutex.
            unsafe { list.queue.remove(node_ptr(node)) };
        }
        // SAFETY: we hold the mutex; drop any waker left behind.
        drop(unsafe { node.take_waker() });
        self.release_locked(n - needed, list);
    }

    /// A future acquiring `n` permits.
    pub(crate) fn acquire(&self, n: usize) -> Acquire<'_> {
        Acquire {
            sem: self,
            node: Waiter::new(),
            n,
            queued: false,
        }
    }
}

impl fmt::Debug for Semaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Semaphore")
            .field("permits", &self.available_permits())
            .finish()
    }
}

/// Future of `Semaphore::acquire`: holds its wait-list node inline.
pub(crate) struct Acquire<'a> {
    sem: &'a Semaphore,
    node: Waiter,
    n: usize,
    queued: bool,
}

impl Acquire<'_> {
    fn project(self: Pin<&mut Self>) -> (&Semaphore, Pin<&Waiter>, usize, &mut bool) {
        // SAFETY: `node` is never moved out of the pinned future (structural pinning);
        // the other fields are not pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (
                this.sem,
                Pin::new_unchecked(&this.node),
                this.n,
                &mut this.queued,
            )
        }
    }
}

impl Future for Acquire<'_> {
    type Output = Result<(), AcquireError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let (sem, node, n, queued) = self.project();
        // `Mutex`, `RwLock`, `Semaphore` and a waiting bounded `send` spend one unit of
        // the task's coop budget per acquisition (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| sem.poll_acquire(cx, n, node, queued))
    }
}

impl Drop for Acquire<'_> {
    fn drop(&mut self) {
        // SAFETY: `drop` runs on the pinned value in place; the node is not moved.
        let node = unsafe { Pin::new_unchecked(&self.node) };
        self.sem.cancel(self.n, node, &mut self.queued);
    }
}

impl fmt::Debug for Acquire<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Acquire").field("n", &self.n).finish()
    }
}
