//! The cooperative budget (tokio 0.2's `coop`), applied to the primitives' poll functions.
//!
//! Inside a runtime task every receive, lock or permit acquisition spends one unit of the
//! task's budget (128 per task poll); once it is spent the operation returns `Pending` and
//! wakes the task, so a task that always finds its channel ready still yields. A poll that
//! ends up `Pending` gives its unit back. Outside a runtime (any other executor) there is
//! no budget and [`budgeted`] is a plain call. `try_*` methods never spend budget.

use std::task::{Context, Poll};
use tokio_executor::coop;

/// Runs one poll of a budgeted operation: takes a unit first (or yields), keeps it spent
/// if `poll` returns `Ready`, refunds it if `poll` returns `Pending`.
#[inline]
pub(crate) fn budgeted<T>(
    cx: &mut Context<'_>,
    poll: impl FnOnce(&mut Context<'_>) -> Poll<T>,
) -> Poll<T> {
    let unit = match coop::poll_proceed(cx) {
        Poll::Ready(unit) => unit,
        Poll::Pending => return Poll::Pending,
    };
    let ret = poll(cx);
    if ret.is_ready() {
        unit.made_progress();
    }
    // Dropping `unit` refunds it when `ret` is `Pending` (its `Drop` is inline, and a no-op
    // after `made_progress`).
    ret
}
