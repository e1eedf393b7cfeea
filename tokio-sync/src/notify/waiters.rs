//! The `Notify` state machine.
//!
//! ## State word
//! `state: AtomicUsize` = `generation << 2 | mode`, where `mode` is:
//! - `EMPTY`: no permit stored, nobody waiting.
//! - `WAITING`: the wait list is non-empty. Entered and left only under the mutex.
//! - `NOTIFIED`: one permit is stored (multiple `notify` calls coalesce into it).
//!
//! `generation` counts `notify_waiters` calls. A waiter records it when armed; if it has
//! moved on by the time the waiter would sleep, a `notify_waiters` happened in between and
//! the waiter completes. This closes the "check condition, then sleep" race for `watch`,
//! `broadcast` and `Barrier`: arm first, check, then wait.
//!
//! ## Nodes
//! Each waiter's node (embedded in its future, or boxed in a receiver) holds `notified`
//! (`NONE`, `ONE`, `ALL`; written under the mutex when the node is unlinked), its waker
//! (under the mutex) and list links (under the mutex). The owner keeps its own
//! `WaitState` (`Init(generation)`, `Waiting`, `Done`) outside the node.
//!
//! ## Protocols
//! `notify` (one): if the mode is `EMPTY`/`NOTIFIED`, CAS it to `NOTIFIED` without a lock.
//! Otherwise, under the mutex, pop the oldest node, mark it `ONE`, set `EMPTY` if the list
//! emptied, and wake it after unlocking.
//!
//! `notify_waiters`: with nobody waiting, CAS the generation up without a lock (a
//! concurrent waiter's CAS to `WAITING` conflicts with it, so one of them sees the
//! other). Otherwise, under the mutex, bump the generation (leaving a stored permit
//! alone, `WAITING` becomes `EMPTY`), unlink every node marking it `ALL`, wake them
//! unlocked.
//!
//! Wait: `Init(g)` → complete if the generation moved or a permit can be taken (CAS
//! `NOTIFIED` → `EMPTY`); else, under the mutex, re-check both, set `WAITING`, link.
//! `Waiting` → complete once `notified != NONE`, otherwise refresh the waker.
//!
//! Cancel (a waiting future is dropped): under the mutex, unlink the node if still linked
//! (`EMPTY` if the list emptied). If it had been handed a `ONE` it never observed, pass the
//! notification on to the next waiter or store it as the permit, so none is lost.

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

const EMPTY: usize = 0;
const WAITING: usize = 1;
const NOTIFIED: usize = 2;
const MODE: usize = 0b11;
const GEN_ONE: usize = 0b100;

const NONE: usize = 0;
const ONE: usize = 1;
const ALL: usize = 2;

/// Notifies a single task to wake up.
///
/// `notify()` wakes the oldest task waiting in `notified().await`. If no task is waiting,
/// it stores one permit (calls coalesce) that the next `notified()` consumes at once.
///
/// ```
/// use tokio_sync::Notify;
///
/// futures::executor::block_on(async {
///     let notify = Notify::new();
///     notify.notify();
///     notify.notify(); // coalesces with the first
///     notify.notified().await; // consumes the stored permit
/// });
/// ```
pub struct Notify {
    state: AtomicUsize,
    waiters: Mutex<LinkedList<Waiter>>,
}

/// A wait-list node.
pub(crate) struct Waiter {
    notified: AtomicUsize,
    waker: UnsafeCell<Option<Waker>>,
    pointers: Pointers<Waiter>,
    _pin: PhantomPinned,
}

// SAFETY: links and waker are touched only under the `Notify` mutex (module doc).
unsafe impl Send for Waiter {}
// SAFETY: as above.
unsafe impl Sync for Waiter {}

// SAFETY: `pointers` is a field of the node.
unsafe impl linked_list::Link for Waiter {
    unsafe fn pointers(target: NonNull<Waiter>) -> NonNull<Pointers<Waiter>> {
        // SAFETY: `target` is live (caller's contract); taking a field address.
        unsafe { NonNull::from(&(*target.as_ptr()).pointers) }
    }
}

impl Waiter {
    pub(crate) fn new() -> Waiter {
        Waiter {
            notified: AtomicUsize::new(NONE),
            waker: UnsafeCell::new(None),
            pointers: Pointers::new(),
            _pin: PhantomPinned,
        }
    }

    /// # Safety
    /// The owning `Notify`'s mutex is held.
    unsafe fn set_waker(&self, waker: &Waker) {
        // SAFETY: the caller holds the mutex guarding the waker cell.
        self.waker.with_mut(|w| unsafe {
            match &*w {
                Some(old) if old.will_wake(waker) => {}
                _ => *w = Some(waker.clone()),
            }
        });
    }

    /// # Safety
    /// The owning `Notify`'s mutex is held.
    unsafe fn take_waker(&self) -> Option<Waker> {
        // SAFETY: the caller holds the mutex guarding the waker cell.
        self.waker.with_mut(|w| unsafe { (*w).take() })
    }
}

impl fmt::Debug for Waiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Waiter")
    }
}

/// The owner's view of one wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WaitState {
    /// Armed at this generation, not linked.
    Init(usize),
    /// Linked in the wait list.
    Waiting,
    /// Notified.
    Done,
}

impl Notify {
    /// Creates a new `Notify` with no stored permit.
    pub fn new() -> Notify {
        Notify {
            state: AtomicUsize::new(EMPTY),
            waiters: Mutex::new(LinkedList::new()),
        }
    }

    /// Waits for a notification (or consumes the stored permit).
    ///
    /// Cancellation safety: dropping the future while it waits removes it from the queue;
    /// if a `notify` had already picked it, that notification passes to the next waiter
    /// (or becomes the stored permit), so it is never lost.
    ///
    /// ```
    /// # futures::executor::block_on(async {
    /// let notify = tokio_sync::Notify::new();
    /// notify.notify();
    /// notify.notified().await;
    /// # });
    /// ```
    pub async fn notified(&self) {
        self.notified_now().await
    }

    /// Notifies the oldest waiting task, or stores one permit if none waits.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use tokio_sync::Notify;
    ///
    /// let notify = Arc::new(Notify::new());
    /// let n2 = notify.clone();
    /// let waiter = std::thread::spawn(move || futures::executor::block_on(n2.notified()));
    /// notify.notify(); // wakes the waiter, or leaves a permit it will consume
    /// waiter.join().unwrap();
    /// ```
    pub fn notify(&self) {
        let mut cur = self.state.load(SeqCst);
        while cur & MODE != WAITING {
            match self
                .state
                .compare_exchange(cur, (cur & !MODE) | NOTIFIED, SeqCst, SeqCst)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
        let mut list = self.lock();
        let waker = self.notify_one_locked(&mut list);
        drop(list);
        if let Some(w) = waker {
            w.wake();
        }
    }

    fn lock(&self) -> MutexGuard<'_, LinkedList<Waiter>> {
        self.waiters.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn notify_one_locked(&self, list: &mut LinkedList<Waiter>) -> Option<Waker> {
        let mut cur = self.state.load(SeqCst);
        // Without waiters only EMPTY <-> NOTIFIED changes happen outside the lock.
        while cur & MODE != WAITING {
            match self
                .state
                .compare_exchange(cur, (cur & !MODE) | NOTIFIED, SeqCst, SeqCst)
            {
                Ok(_) => return None,
                Err(actual) => cur = actual,
            }
        }
        let node = list.pop_front().expect("WAITING with an empty list");
        if list.is_empty() {
            self.state.store(cur & !MODE, SeqCst);
        }
        // SAFETY: the node was linked, so it is live; we hold the mutex.
        unsafe {
            let node = node.as_ref();
            node.notified.store(ONE, Release);
            node.take_waker()
        }
    }

    /// Wakes every task waiting now; tasks armed before this call complete too. Leaves a
    /// stored permit alone.
    pub(crate) fn notify_waiters(&self) {
        // Fast path: nobody linked. A CAS (not a blind add) so that a waiter linking
        // itself concurrently, which CASes the same word to WAITING under the lock,
        // either sees the new generation or makes us take the slow path.
        let mut cur = self.state.load(SeqCst);
        while cur & MODE != WAITING {
            match self
                .state
                .compare_exchange(cur, cur.wrapping_add(GEN_ONE), SeqCst, SeqCst)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
        let mut list = self.lock();
        let cur = self.state.load(SeqCst);
        if cur & MODE == WAITING {
            self.state
                .store((cur & !MODE).wrapping_add(GEN_ONE), SeqCst);
        } else {
            self.state.fetch_add(GEN_ONE, SeqCst);
        }
        if list.is_empty() {
            return;
        }
        let mut wakers = WakeList::new();
        while let Some(node) = list.pop_front() {
            // SAFETY: the node was linked, so it is live; we hold the mutex.
            unsafe {
                let node = node.as_ref();
                node.notified.store(ALL, Release);
                wakers.push(node.take_waker());
            }
            if wakers.is_full() {
                // Nodes linked after the unlock are woken too: spurious but harmless,
                // since every waiter re-checks its condition.
                drop(list);
                wakers.wake_all();
                list = self.lock();
            }
        }
        drop(list);
        wakers.wake_all();
    }

    /// Arms a wait: records the current generation.
    pub(crate) fn arm(&self) -> WaitState {
        WaitState::Init(self.state.load(SeqCst) >> 2)
    }

    /// A `Notified` armed now (before the caller checks its condition).
    pub(crate) fn notified_now(&self) -> Notified<'_> {
        Notified {
            notify: self,
            st: self.arm(),
            waiter: Waiter::new(),
        }
    }

    /// Drives one wait (module doc, "Wait"). The caller must `cancel` a node whose state
    /// is `Waiting` before dropping or reusing it.
    pub(crate) fn poll_wait(
        &self,
        cx: &mut Context<'_>,
        waiter: Pin<&Waiter>,
        st: &mut WaitState,
    ) -> Poll<()> {
        let waiter = waiter.get_ref();
        match *st {
            WaitState::Done => Poll::Ready(()),
            WaitState::Init(gen) => self.poll_init(cx, waiter, st, gen),
            WaitState::Waiting => {
                if waiter.notified.load(Acquire) != NONE {
                    *st = WaitState::Done;
                    return Poll::Ready(());
                }
                let _list = self.lock();
                if waiter.notified.load(Acquire) != NONE {
                    *st = WaitState::Done;
                    return Poll::Ready(());
                }
                // SAFETY: we hold the mutex.
                unsafe { waiter.set_waker(cx.waker()) };
                Poll::Pending
            }
        }
    }

    fn poll_init(
        &self,
        cx: &mut Context<'_>,
        waiter: &Waiter,
        st: &mut WaitState,
        gen: usize,
    ) -> Poll<()> {
        if self.take_permit_or_gen(gen) {
            *st = WaitState::Done;
            return Poll::Ready(());
        }
        let mut list = self.lock();
        let mut cur = self.state.load(SeqCst);
        loop {
            if cur >> 2 != gen {
                *st = WaitState::Done;
                return Poll::Ready(());
            }
            let next = match cur & MODE {
                NOTIFIED => cur & !MODE,
                EMPTY => cur | WAITING,
                _ => break,
            };
            match self.state.compare_exchange(cur, next, SeqCst, SeqCst) {
                Ok(_) if cur & MODE == NOTIFIED => {
                    *st = WaitState::Done;
                    return Poll::Ready(());
                }
                Ok(_) => break,
                Err(actual) => cur = actual,
            }
        }
        waiter.notified.store(NONE, Relaxed);
        // SAFETY: we hold the mutex; the node is pinned by its owner, who promises to
        // `cancel` before it goes away.
        unsafe {
            waiter.set_waker(cx.waker());
            list.push_back(NonNull::from(waiter));
        }
        *st = WaitState::Waiting;
        Poll::Pending
    }

    /// Lock-free: true if the generation moved past `gen` or a stored permit was taken.
    fn take_permit_or_gen(&self, gen: usize) -> bool {
        let mut cur = self.state.load(SeqCst);
        loop {
            if cur >> 2 != gen {
                return true;
            }
            if cur & MODE != NOTIFIED {
                return false;
            }
            match self
                .state
                .compare_exchange(cur, cur & !MODE, SeqCst, SeqCst)
            {
                Ok(_) => return true,
                Err(actual) => cur = actual,
            }
        }
    }

    /// Withdraws a node (its owner is going away or re-arming); see "Cancel" above.
    pub(crate) fn cancel(&self, waiter: Pin<&Waiter>, st: &mut WaitState) {
        if *st != WaitState::Waiting {
            return;
        }
        *st = WaitState::Done;
        let waiter = waiter.get_ref();
        let mut list = self.lock();
        let notified = waiter.notified.load(Acquire);
        // SAFETY: we hold the mutex; the node is live (we own it).
        drop(unsafe { waiter.take_waker() });
        let mut forward = None;
        if notified == NONE {
            // SAFETY: the node is live and is in this list (not yet notified).
            unsafe { list.remove(NonNull::from(waiter)) };
            let cur = self.state.load(SeqCst);
            if list.is_empty() && cur & MODE == WAITING {
                self.state.store(cur & !MODE, SeqCst);
            }
        } else if notified == ONE {
            forward = self.notify_one_locked(&mut list);
        }
        drop(list);
        if let Some(w) = forward {
            w.wake();
        }
    }
}

impl Default for Notify {
    fn default() -> Notify {
        Notify::new()
    }
}

impl fmt::Debug for Notify {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Notify")
            .field("state", &self.state.load(SeqCst))
            .finish()
    }
}

/// Future waiting on a `Notify`, with its node inline.
pub(crate) struct Notified<'a> {
    notify: &'a Notify,
    st: WaitState,
    waiter: Waiter,
}

impl Future for Notified<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // SAFETY: `waiter` is structurally pinned: never moved out of the future.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let waiter = unsafe { Pin::new_unchecked(&this.waiter) };
        this.notify.poll_wait(cx, waiter, &mut this.st)
    }
}

impl Drop for Notified<'_> {
    fn drop(&mut self) {
        // SAFETY: `drop` runs in place on the pinned value.
        let waiter = unsafe { Pin::new_unchecked(&self.waiter) };
        self.notify.cancel(waiter, &mut self.st);
    }
}

impl fmt::Debug for Notified<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Notified").field("st", &self.st).finish()
    }
}
