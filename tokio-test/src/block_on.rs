//! [`block_on`]: run a future to completion from synchronous test code.
//!
//! Interim executor until the facade's runtime lands: the future is polled on the calling
//! thread, which parks between polls and is unparked by the waker. Futures that need the
//! runtime's timer, reactor or spawner are not supported by this version.

use crate::loom::sync::Arc;
use crate::loom::thread::{self, Thread};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Wake, Waker};

struct Unparker(Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on the current thread and returns its output.
///
/// ```
/// let n = tokio_test::block_on(async { 6 * 7 });
/// assert_eq!(n, 42);
/// ```
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
        thread::park();
    }
}
