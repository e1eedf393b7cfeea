//! [`yield_now`]: give the scheduler a chance to run other tasks.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Yields execution back to the scheduler: the current task is re-queued at the back
/// of its run queue, so other ready tasks run first.
///
/// ```
/// # let rt = tokio_executor::current_thread::CurrentThread::new(
/// #     tokio_executor::park::ParkThread::new());
/// # rt.block_on(async {
/// tokio_executor::task::yield_now().await;
/// # });
/// ```
pub async fn yield_now() {
    YieldNow { yielded: false }.await
}

struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
