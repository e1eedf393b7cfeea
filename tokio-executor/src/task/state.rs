//! The task state word: every transition is one CAS loop or one fetch-op.
//!
//! Bits (low to high):
//! - `RUNNING`: a thread owns the stage (is polling or cancelling the future).
//! - `COMPLETE`: the stage holds the output (or was consumed); the future is gone.
//! - `NOTIFIED`: a [`Notified`](super::Notified) for this task exists (queued, or about to
//!   be); or, while `RUNNING`, the task was woken during its poll and must be re-queued.
//! - `JOIN_INTEREST`: the `JoinHandle` is alive; it alone may read the output.
//! - `JOIN_WAKER`: the join waker slot holds a waker. While set, the slot is shared
//!   read-only with the completing thread; while clear, the `JoinHandle` owns the slot
//!   (before completion) and the completer owns it (after completion, when the handle
//!   has gone).
//! - `CANCELLED`: `abort()` or runtime shutdown asked for the future to be dropped.
//! - the rest: the reference count, in units of `REF_ONE`.
//!
//! References, each counted once: the owned-task list entry (until completion or
//! shutdown), each `Notified` in a queue, each `Waker`, the `JoinHandle`, and the thread
//! polling the task (it inherits the ref of the `Notified` it popped).
//!
//! Awkward cases:
//! - wake while running: sets `NOTIFIED` only; `transition_to_idle` then re-queues the
//!   task with the poller's reference, so there is exactly one re-poll.
//! - wake after completion: drops the waker's reference, nothing else.
//! - cancel while queued: `CANCELLED` is set; the poll that pops it drops the future.
//! - shutdown of an idle task: the shutdown thread takes `RUNNING` itself and cancels.

use crate::loom::sync::atomic::{
    AtomicUsize,
    Ordering::{AcqRel, Acquire, Relaxed},
};
use std::fmt;

const RUNNING: usize = 0b00_0001;
const COMPLETE: usize = 0b00_0010;
const NOTIFIED: usize = 0b00_0100;
const JOIN_INTEREST: usize = 0b00_1000;
const JOIN_WAKER: usize = 0b01_0000;
const CANCELLED: usize = 0b10_0000;
const REF_SHIFT: u32 = 6;
const REF_ONE: usize = 1 << REF_SHIFT;

pub(super) struct State {
    val: AtomicUsize,
}

/// A copy of the state word at one instant.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) struct Snapshot(usize);

/// Outcome of popping a `Notified` and trying to poll it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ToRunning {
    /// Poll the future.
    Success,
    /// Drop the future instead: the task was cancelled while queued.
    Cancelled,
    /// Someone else owns the stage or the task is done; the ref was dropped.
    Failed,
    /// As `Failed`, and that was the last reference.
    Dealloc,
}

/// Outcome of a poll that returned `Pending`.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ToIdle {
    /// Idle; the poller's reference was dropped.
    Ok,
    /// Woken during the poll: re-queue it with the poller's reference.
    OkNotified,
    /// Idle, and the poller held the last reference.
    OkDealloc,
    /// Cancelled during the poll: drop the future now (still `RUNNING`).
    Cancelled,
}

/// What a wake must do.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ToNotified {
    DoNothing,
    /// Hand a `Notified` (carrying one reference) to the scheduler.
    Submit,
    /// The waker held the last reference.
    Dealloc,
}

impl State {
    /// A new task: queued once, with a `JoinHandle`, and `refs` references.
    pub(super) fn new(refs: usize) -> State {
        State {
            val: AtomicUsize::new(NOTIFIED | JOIN_INTEREST | (refs * REF_ONE)),
        }
    }

    pub(super) fn load(&self) -> Snapshot {
        Snapshot(self.val.load(Acquire))
    }

    /// Runs `f` in a CAS loop; `None` as the new value means "no change". Always inlined:
    /// out of line, the closure's `(T, Option<Snapshot>)` result went through the stack
    /// right before each `lock cmpxchg` on the per-poll paths.
    #[inline(always)]
    fn update<T>(&self, mut f: impl FnMut(Snapshot) -> (T, Option<Snapshot>)) -> T {
        let mut curr = self.load();
        loop {
            let (out, next) = f(curr);
            let Some(next) = next else { return out };
            match self
                .val
                .compare_exchange_weak(curr.0, next.0, AcqRel, Acquire)
            {
                Ok(_) => return out,
                Err(actual) => curr = Snapshot(actual),
            }
        }
    }

    #[inline]
    pub(super) fn transition_to_running(&self) -> ToRunning {
        self.update(|mut s| {
            debug_assert!(s.is_notified());
            if !s.is_idle() {
                s.ref_dec();
                let out = if s.ref_count() == 0 {
                    ToRunning::Dealloc
                } else {
                    ToRunning::Failed
                };
                return (out, Some(s));
            }
            s.0 |= RUNNING;
            s.0 &= !NOTIFIED;
            let out = if s.is_cancelled() {
                ToRunning::Cancelled
            } else {
                ToRunning::Success
            };
            (out, Some(s))
        })
    }

    #[inline]
    pub(super) fn transition_to_idle(&self) -> ToIdle {
        self.update(|mut s| {
            debug_assert!(s.is_running());
            if s.is_cancelled() {
                return (ToIdle::Cancelled, None);
            }
            s.0 &= !RUNNING;
            if s.is_notified() {
                return (ToIdle::OkNotified, Some(s));
            }
            s.ref_dec();
            let out = if s.ref_count() == 0 {
                ToIdle::OkDealloc
            } else {
                ToIdle::Ok
            };
            (out, Some(s))
        })
    }

    /// `RUNNING -> COMPLETE` in one fetch-op; returns the new snapshot.
    pub(super) fn transition_to_complete(&self) -> Snapshot {
        let prev = Snapshot(self.val.fetch_xor(RUNNING | COMPLETE, AcqRel));
        debug_assert!(prev.is_running() && !prev.is_complete());
        Snapshot(prev.0 ^ (RUNNING | COMPLETE))
    }

    /// A wake that consumes the waker's reference.
    pub(super) fn transition_to_notified_by_val(&self) -> ToNotified {
        self.update(|mut s| {
            if s.is_running() {
                // The poller re-queues it; it holds a ref, so ours is never the last.
                s.0 |= NOTIFIED;
                s.ref_dec();
                (ToNotified::DoNothing, Some(s))
            } else if s.is_complete() || s.is_notified() {
                s.ref_dec();
                let out = if s.ref_count() == 0 {
                    ToNotified::Dealloc
                } else {
                    ToNotified::DoNothing
                };
                (out, Some(s))
            } else {
                // Our reference moves into the new `Notified`.
                s.0 |= NOTIFIED;
                (ToNotified::Submit, Some(s))
            }
        })
    }

    /// A wake that keeps the waker's reference.
    #[inline]
    pub(super) fn transition_to_notified_by_ref(&self) -> ToNotified {
        self.update(|mut s| {
            if s.is_running() {
                if s.is_notified() {
                    return (ToNotified::DoNothing, None);
                }
                s.0 |= NOTIFIED;
                (ToNotified::DoNothing, Some(s))
            } else if s.is_complete() || s.is_notified() {
                (ToNotified::DoNothing, None)
            } else {
                s.0 |= NOTIFIED;
                s.ref_inc();
                (ToNotified::Submit, Some(s))
            }
        })
    }

    /// `abort()`: returns true when the caller must submit a new `Notified` (which
    /// carries a reference taken here) so the scheduler drops the future.
    pub(super) fn transition_to_notified_and_cancel(&self) -> bool {
        self.update(|mut s| {
            if s.is_cancelled() || s.is_complete() {
                (false, None)
            } else if s.is_running() || s.is_notified() {
                // The poller (running) or the queued `Notified` will see the flag.
                s.0 |= CANCELLED;
                (false, Some(s))
            } else {
                s.0 |= CANCELLED | NOTIFIED;
                s.ref_inc();
                (true, Some(s))
            }
        })
    }

    /// Runtime shutdown: marks the task cancelled and, when it is idle, takes `RUNNING`
    /// so the caller can drop the future. Returns whether the caller took it.
    pub(super) fn transition_to_shutdown(&self) -> bool {
        self.update(|mut s| {
            let idle = s.is_idle();
            if idle {
                s.0 |= RUNNING;
            }
            s.0 |= CANCELLED;
            (idle, Some(s))
        })
    }

    /// Stores "a join waker is set" unless the task completed meanwhile (`Err`).
    pub(super) fn set_join_waker(&self) -> Result<Snapshot, Snapshot> {
        self.update(|mut s| {
            debug_assert!(s.is_join_interested() && !s.is_join_waker_set());
            if s.is_complete() {
                return (Err(s), None);
            }
            s.0 |= JOIN_WAKER;
            (Ok(s), Some(s))
        })
    }

    /// Takes the join waker slot back before replacing it, unless the task completed.
    pub(super) fn unset_join_waker(&self) -> Result<Snapshot, Snapshot> {
        self.update(|mut s| {
            debug_assert!(s.is_join_interested() && s.is_join_waker_set());
            if s.is_complete() {
                return (Err(s), None);
            }
            s.0 &= !JOIN_WAKER;
            (Ok(s), Some(s))
        })
    }

    /// After waking the join waker on completion; returns the previous snapshot.
    pub(super) fn unset_waker_after_complete(&self) -> Snapshot {
        Snapshot(self.val.fetch_and(!JOIN_WAKER, AcqRel))
    }

    /// Drops the join interest. Returns the previous snapshot and whether the handle's
    /// reference was released in the same CAS (`Some(is_last)`), which happens on the
    /// fast path: not complete and no join waker to clean up.
    pub(super) fn drop_join_interest(&self) -> (Snapshot, Option<bool>) {
        self.update(|prev| {
            let mut s = prev;
            s.0 &= !JOIN_INTEREST;
            if prev.is_complete() {
                return ((prev, None), Some(s));
            }
            s.0 &= !JOIN_WAKER;
            if prev.is_join_waker_set() {
                return ((prev, None), Some(s));
            }
            s.ref_dec();
            ((prev, Some(s.ref_count() == 0)), Some(s))
        })
    }

    pub(super) fn ref_inc(&self) {
        let prev = self.val.fetch_add(REF_ONE, Relaxed);
        if prev > isize::MAX as usize {
            std::process::abort();
        }
    }

    /// Releases `n` references; true when they were the last.
    pub(super) fn ref_dec_n(&self, n: usize) -> bool {
        let prev = Snapshot(self.val.fetch_sub(n * REF_ONE, AcqRel));
        debug_assert!(prev.ref_count() >= n);
        prev.ref_count() == n
    }
}

impl Snapshot {
    pub(super) fn is_idle(self) -> bool {
        self.0 & (RUNNING | COMPLETE) == 0
    }
    pub(super) fn is_running(self) -> bool {
        self.0 & RUNNING != 0
    }
    pub(super) fn is_complete(self) -> bool {
        self.0 & COMPLETE != 0
    }
    pub(super) fn is_notified(self) -> bool {
        self.0 & NOTIFIED != 0
    }
    pub(super) fn is_cancelled(self) -> bool {
        self.0 & CANCELLED != 0
    }
    pub(super) fn is_join_interested(self) -> bool {
        self.0 & JOIN_INTEREST != 0
    }
    pub(super) fn is_join_waker_set(self) -> bool {
        self.0 & JOIN_WAKER != 0
    }
    pub(super) fn ref_count(self) -> usize {
        self.0 >> REF_SHIFT
    }
    fn ref_inc(&mut self) {
        self.0 += REF_ONE;
    }
    fn ref_dec(&mut self) {
        debug_assert!(self.ref_count() > 0);
        self.0 -= REF_ONE;
    }
}

impl fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Snapshot")
            .field("running", &self.is_running())
            .field("complete", &self.is_complete())
            .field("notified", &self.is_notified())
            .field("cancelled", &self.is_cancelled())
            .field("join_interest", &self.is_join_interested())
            .field("join_waker", &self.is_join_waker_set())
            .field("refs", &self.ref_count())
            .finish()
    }
}
