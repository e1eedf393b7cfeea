//! Run a future to completion on the current thread, parking it between polls.

use super::wake::{waker, Wake};
use crate::loom::sync::Arc;
use crate::park::{Park, ParkThread, Unpark, UnparkThread};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll};

impl Wake for UnparkThread {
    fn wake_by_ref(this: &Arc<Self>) {
        this.unpark();
    }
}

/// Blocks the current thread on `future`, parking on a condition variable while it is
/// pending. Does not check or set the "entered a runtime" flag: callers do.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    let mut park = ParkThread::new();
    let waker = waker(Arc::new(park.unpark()));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(v) = crate::coop::budget(|| future.as_mut().poll(&mut cx)) {
            return v;
        }
        let _ = park.park();
    }
}
