//! [`JoinHandle`]: the owned permission to await a task's output.

use super::raw::RawTask;
use super::JoinError;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// An owned permission to join on a task (await its termination).
///
/// Awaiting it yields the task's output, or a [`JoinError`] when the task panicked or
/// was cancelled. Dropping it detaches the task: the task keeps running and its output
/// is dropped when it completes. Awaiting is cancellation-safe: dropping the handle
/// half-way loses nothing but the output.
///
/// ```
/// # let rt = tokio_executor::current_thread::CurrentThread::new(
/// #     tokio_executor::park::ParkThread::new());
/// # rt.block_on(async {
/// let handle = tokio_executor::spawn(async { 40 + 2 });
/// assert_eq!(handle.await.unwrap(), 42);
/// # });
/// ```
///
/// A handle to a `!Send` output is `!Send` itself:
///
/// ```compile_fail
/// fn assert_send<T: Send>() {}
/// assert_send::<tokio_executor::task::JoinHandle<std::rc::Rc<u8>>>();
/// ```
pub struct JoinHandle<T> {
    raw: Option<RawTask>,
    _p: PhantomData<T>,
}

// SAFETY: the handle only moves the output `T` out (to whichever thread holds it), so it
// may cross threads when `T` may.
unsafe impl<T: Send> Send for JoinHandle<T> {}
// SAFETY: no `&self` method touches the output.
unsafe impl<T: Send> Sync for JoinHandle<T> {}

impl<T> JoinHandle<T> {
    /// # Safety
    /// `raw` is a task whose output type is `T`, and the handle's reference moves in.
    pub(super) unsafe fn new(raw: RawTask) -> JoinHandle<T> {
        JoinHandle {
            raw: Some(raw),
            _p: PhantomData,
        }
    }

    /// Cancels the task: its future is dropped at its next yield (or before its first
    /// poll), and awaiting this handle then gives a cancelled [`JoinError`] (unless the
    /// task had already completed). Does nothing on a finished task.
    ///
    /// ```
    /// # let rt = tokio_executor::current_thread::CurrentThread::new(
    /// #     tokio_executor::park::ParkThread::new());
    /// # rt.block_on(async {
    /// let handle = tokio_executor::spawn(std::future::pending::<()>());
    /// handle.abort();
    /// assert!(handle.await.unwrap_err().is_cancelled());
    /// # });
    /// ```
    pub fn abort(&self) {
        if let Some(raw) = self.raw {
            raw.remote_abort();
        }
    }
}

impl<T> Unpin for JoinHandle<T> {}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, JoinError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let coop = match crate::coop::poll_proceed(cx) {
            Poll::Ready(coop) => coop,
            Poll::Pending => return Poll::Pending,
        };
        let mut out: Poll<Result<T, JoinError>> = Poll::Pending;
        let raw = self.raw.expect("JoinHandle without a task");
        // SAFETY: `out` has the task's output type and we are its `JoinHandle`.
        unsafe { raw.try_read_output(&mut out as *mut _ as *mut (), cx.waker()) };
        if out.is_ready() {
            coop.made_progress();
        }
        out
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        if let Some(raw) = self.raw.take() {
            raw.drop_join_handle();
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle").finish_non_exhaustive()
    }
}
