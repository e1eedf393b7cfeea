//! A runtime-agnostic single-value handoff (a reusable oneshot): one task `send`s a value,
//! another `recv`s it. It uses only std, so the runtime benchmarks measure the schedulers'
//! wake-and-run path and not any runtime's channel implementation.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// The shared slot: at most one value and one waiting receiver.
#[derive(Default)]
pub struct Handoff {
    slot: Mutex<(Option<u64>, Option<Waker>)>,
}

impl Handoff {
    /// A new, empty handoff behind an `Arc`.
    pub fn new() -> Arc<Handoff> {
        Arc::new(Handoff::default())
    }

    /// Stores `v` (replacing an unread value) and wakes the receiver, if one waits.
    pub fn send(&self, v: u64) {
        let waker = {
            let mut slot = self.slot.lock().unwrap();
            slot.0 = Some(v);
            slot.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }

    /// Waits for the next value.
    pub fn recv(&self) -> Recv<'_> {
        Recv { h: self }
    }
}

/// Future returned by [`Handoff::recv`].
pub struct Recv<'a> {
    h: &'a Handoff,
}

impl Future for Recv<'_> {
    type Output = u64;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        let mut slot = self.h.slot.lock().unwrap();
        match slot.0.take() {
            Some(v) => Poll::Ready(v),
            None => {
                slot.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
