//! An approximation of tokio 0.2's cooperative budget for I/O.
//!
//! 0.2 lets a task perform 128 resource operations per poll before its operations return
//! `Pending` (after waking the task), so a socket that always has data cannot starve the
//! other tasks of its worker, nor the reactor itself on a current-thread runtime. The
//! executor here keeps no per-task budget, so the count is per thread: every 128
//! operations on a thread that drives a runtime, the next one yields once. A task that is
//! not hogging pays at most one spurious re-poll per 128 operations. Outside a runtime
//! (a plain `block_on`, a test's mock task) operations are unconstrained, as in 0.2.

use std::cell::Cell;
use std::task::{Context, Poll};

const BUDGET: u32 = 128;

thread_local! {
    static SPENT: Cell<u32> = const { Cell::new(0) };
}

/// Ready when this thread's budget allows one more operation; otherwise wakes the task,
/// refills the budget and returns `Pending`.
pub(crate) fn poll_proceed(cx: &mut Context<'_>) -> Poll<()> {
    if !tokio_executor::enter::is_entered() {
        return Poll::Ready(());
    }
    let spent = SPENT.try_with(|s| {
        let n = s.get() + 1;
        s.set(if n >= BUDGET { 0 } else { n });
        n
    });
    match spent {
        Ok(n) if n >= BUDGET => {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
        _ => Poll::Ready(()),
    }
}
