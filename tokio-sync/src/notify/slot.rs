//! `WaitSlot`: a boxed `Notify` wait node owned by a long-lived handle (a `watch` or
//! `broadcast` receiver), for `poll_*` methods that cannot keep a pinned future.
//!
//! Usage: `arm` before checking the condition, `poll` only after the check failed,
//! `cancel` (or drop through the owner's `Drop`, which must call `cancel`) to withdraw.
//! The node is allocated on the first wait and reused afterwards.

use super::waiters::{Notify, WaitState, Waiter};
use std::pin::Pin;
use std::task::{Context, Poll};

#[derive(Debug)]
pub(crate) struct WaitSlot {
    waiter: Option<Pin<Box<Waiter>>>,
    state: WaitState,
}

impl WaitSlot {
    pub(crate) fn new() -> WaitSlot {
        WaitSlot {
            waiter: None,
            state: WaitState::Done,
        }
    }

    /// Records the current generation unless a wait is already armed or linked.
    pub(crate) fn arm(&mut self, notify: &Notify) {
        if self.state == WaitState::Done {
            self.state = notify.arm();
        }
    }

    /// Waits for a `notify_waiters` after the last `arm`. `Ready` disarms the slot.
    pub(crate) fn poll(&mut self, notify: &Notify, cx: &mut Context<'_>) -> Poll<()> {
        let waiter = self.waiter.get_or_insert_with(|| Box::pin(Waiter::new()));
        let res = notify.poll_wait(cx, waiter.as_ref(), &mut self.state);
        if res.is_ready() {
            self.state = WaitState::Done;
        }
        res
    }

    /// Withdraws a linked node; disarms.
    pub(crate) fn cancel(&mut self, notify: &Notify) {
        if let Some(waiter) = &self.waiter {
            notify.cancel(waiter.as_ref(), &mut self.state);
        }
        self.state = WaitState::Done;
    }
}
