//! Cooperative scheduling budget.
//!
//! A task that always finds its resources ready would never yield and could starve the
//! other tasks of its worker. So every task poll (and every `block_on` poll of a main
//! future) runs with a budget of 128 operations; resources call [`poll_proceed`] before
//! doing work, which returns `Pending` (and wakes the task at once) when the budget is
//! spent, making the task yield to the scheduler.
//!
//! Outside a runtime (a hand-written executor), and inside `spawn_blocking` /
//! `block_in_place` closures, there is no budget: `poll_proceed` always proceeds.
//!
//! ```
//! use std::task::{Context, Poll};
//! use tokio_executor::coop;
//!
//! fn poll_resource(cx: &mut Context<'_>) -> Poll<u8> {
//!     let coop = match coop::poll_proceed(cx) {
//!         Poll::Ready(c) => c,
//!         Poll::Pending => return Poll::Pending,
//!     };
//!     // ... the resource is ready:
//!     coop.made_progress();
//!     Poll::Ready(1)
//! }
//! # let w = futures::task::noop_waker();
//! # assert_eq!(poll_resource(&mut Context::from_waker(&w)), Poll::Ready(1));
//! ```

use std::cell::Cell;
use std::task::{Context, Poll};

const INITIAL: u8 = 128;

thread_local!(static BUDGET: Cell<Option<u8>> = const { Cell::new(None) });

/// Runs `f` (one poll) with a fresh budget, restoring the previous budget afterwards.
#[inline(always)]
pub fn budget<R>(f: impl FnOnce() -> R) -> R {
    with_budget(Some(INITIAL), f)
}

/// Runs `f` without any budget (blocking closures).
pub fn unconstrained<R>(f: impl FnOnce() -> R) -> R {
    with_budget(None, f)
}

#[inline(always)]
fn with_budget<R>(budget: Option<u8>, f: impl FnOnce() -> R) -> R {
    /// Restores the previous budget (also on unwind).
    struct Reset(Option<u8>);
    impl Drop for Reset {
        #[inline(always)]
        fn drop(&mut self) {
            let prev = self.0;
            BUDGET.with(|cell| cell.set(prev));
        }
    }
    // A const-initialised `Cell` has no destructor, so the slot is never torn down and
    // `with` cannot fail, even during thread-local destruction. Each access is a small
    // closure that inlines to a thread-pointer-relative load or store; `f` runs outside
    // them.
    let _reset = Reset(BUDGET.with(|cell| cell.replace(budget)));
    f()
}

/// Takes one unit of the current task's budget. `Pending` (after waking the task) means
/// the budget is spent: return `Pending` and let the scheduler run other tasks.
#[inline]
pub fn poll_proceed(cx: &mut Context<'_>) -> Poll<RestoreOnPending> {
    // `with` cannot fail here either: see `with_budget`.
    BUDGET.with(|b| match b.get() {
        None => Poll::Ready(RestoreOnPending(Cell::new(None))),
        Some(0) => budget_spent(cx),
        Some(n) => {
            b.set(Some(n - 1));
            Poll::Ready(RestoreOnPending(Cell::new(Some(n))))
        }
    })
}

/// The out-of-line slow path of [`poll_proceed`]: reschedule the task and yield.
#[cold]
fn budget_spent(cx: &mut Context<'_>) -> Poll<RestoreOnPending> {
    cx.waker().wake_by_ref();
    Poll::Pending
}

/// Refunds the unit taken by [`poll_proceed`] when dropped, unless the operation
/// reported progress with [`made_progress`](RestoreOnPending::made_progress).
#[derive(Debug)]
pub struct RestoreOnPending(Cell<Option<u8>>);

impl RestoreOnPending {
    /// The operation completed: keep the unit spent.
    #[inline]
    pub fn made_progress(&self) {
        self.0.set(None);
    }
}

impl Drop for RestoreOnPending {
    #[inline]
    fn drop(&mut self) {
        if let Some(n) = self.0.get() {
            BUDGET.with(|b| {
                if b.get().is_some() {
                    b.set(Some(n));
                }
            });
        }
    }
}
