//! A fixed-size batch of wakers collected under a lock and run after it is released
//! (running a waker under the lock could re-enter it).

use std::task::Waker;

/// Wakers collected under the lock before it is dropped to run them.
const WAKE_BATCH: usize = 32;

/// Wakers gathered under the lock, run after it is released.
pub(crate) struct WakeList {
    wakers: [Option<Waker>; WAKE_BATCH],
    len: usize,
}

impl WakeList {
    pub(crate) fn new() -> WakeList {
        WakeList {
            wakers: Default::default(),
            len: 0,
        }
    }

    pub(crate) fn is_full(&self) -> bool {
        self.len == WAKE_BATCH
    }

    pub(crate) fn push(&mut self, w: Option<Waker>) {
        if let Some(w) = w {
            self.wakers[self.len] = Some(w);
            self.len += 1;
        }
    }

    pub(crate) fn wake_all(&mut self) {
        for w in &mut self.wakers[..self.len] {
            if let Some(w) = w.take() {
                w.wake();
            }
        }
        self.len = 0;
    }
}
