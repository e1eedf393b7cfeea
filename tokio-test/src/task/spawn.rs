//! [`Spawn`]: a future or stream plus the mock task that polls it.

use super::mock_waker::MockTask;
use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Wraps `task` (a future or a stream) so a test can poll it by hand.
///
/// The value is boxed and pinned, so `!Unpin` futures (such as `async` blocks) work.
/// No runtime is entered; use `block_on` or a runtime around the test if the polled
/// code needs one (for timers or I/O).
///
/// ```
/// use tokio_test::{assert_ready_eq, task};
///
/// let mut fut = task::spawn(async { 40 + 2 });
/// assert_ready_eq!(fut.poll(), 42);
/// ```
pub fn spawn<T>(task: T) -> Spawn<T> {
    Spawn {
        task: MockTask::default(),
        future: Box::pin(task),
    }
}

/// A future or stream driven by a mock task; created by [`spawn`].
///
/// `poll` / `poll_next` / `enter` use the mock waker; the [`Future`] and [`Stream`] impls
/// instead forward the caller's context, so a `Spawn` can also be `.await`ed.
pub struct Spawn<T> {
    task: MockTask,
    future: Pin<Box<T>>,
}

impl<T> Spawn<T> {
    /// Consumes the `Spawn`, returning the wrapped value.
    ///
    /// ```
    /// let spawned = tokio_test::task::spawn(std::future::ready(3));
    /// let ready = spawned.into_inner();
    /// # drop(ready);
    /// ```
    pub fn into_inner(self) -> T
    where
        T: Unpin,
    {
        *Pin::into_inner(self.future)
    }

    /// `true` if the mock waker was woken since the last `poll`, `poll_next` or `enter`
    /// (each of those clears the flag before polling).
    ///
    /// ```
    /// use tokio_test::{assert_pending, task};
    /// use tokio::sync::oneshot;
    ///
    /// let (tx, rx) = oneshot::channel::<()>();
    /// let mut rx = task::spawn(rx);
    /// assert_pending!(rx.poll());
    /// drop(tx);
    /// assert!(rx.is_woken());
    /// ```
    pub fn is_woken(&self) -> bool {
        self.task.is_woken()
    }

    /// The strong reference count of the mock waker: 1 when no one else holds a clone of
    /// it, 2 when the polled code stored one waker (a pending oneshot receiver, say).
    ///
    /// ```
    /// use tokio_test::{assert_pending, task};
    /// use tokio::sync::oneshot;
    ///
    /// let (_tx, rx) = oneshot::channel::<()>();
    /// let mut rx = task::spawn(rx);
    /// assert_eq!(rx.waker_ref_count(), 1);
    /// assert_pending!(rx.poll());
    /// assert_eq!(rx.waker_ref_count(), 2);
    /// ```
    pub fn waker_ref_count(&self) -> usize {
        self.task.waker_ref_count()
    }

    /// Runs `f` with the mock task's context and the pinned value (clears the woken flag
    /// first), for calling `poll_*` methods other than `poll` / `poll_next`.
    ///
    /// ```
    /// use std::future::Future;
    /// use std::task::Poll;
    ///
    /// let mut fut = tokio_test::task::spawn(async { 1 });
    /// let out = fut.enter(|cx, fut| fut.poll(cx));
    /// assert_eq!(out, Poll::Ready(1));
    /// ```
    pub fn enter<F, R>(&mut self, f: F) -> R
    where
        F: FnOnce(&mut Context<'_>, Pin<&mut T>) -> R,
    {
        let future = self.future.as_mut();
        self.task.enter(|cx| f(cx, future))
    }
}

impl<T: Future> Spawn<T> {
    /// Polls the future once with the mock waker.
    ///
    /// ```
    /// use std::task::Poll;
    ///
    /// let mut fut = tokio_test::task::spawn(async { "done" });
    /// assert_eq!(fut.poll(), Poll::Ready("done"));
    /// ```
    pub fn poll(&mut self) -> Poll<T::Output> {
        self.enter(|cx, future| future.poll(cx))
    }
}

impl<T: Stream> Spawn<T> {
    /// Polls the stream once for its next item with the mock waker.
    ///
    /// ```
    /// use std::task::Poll;
    ///
    /// let mut s = tokio_test::task::spawn(tokio::stream::iter(vec![1]));
    /// assert_eq!(s.poll_next(), Poll::Ready(Some(1)));
    /// assert_eq!(s.poll_next(), Poll::Ready(None));
    /// ```
    pub fn poll_next(&mut self) -> Poll<Option<T::Item>> {
        self.enter(|cx, stream| stream.poll_next(cx))
    }
}

impl<T: Unpin> Deref for Spawn<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.future
    }
}

impl<T: Unpin> DerefMut for Spawn<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.future
    }
}

impl<T: Future> Future for Spawn<T> {
    type Output = T::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T::Output> {
        self.future.as_mut().poll(cx)
    }
}

impl<T: Stream> Stream for Spawn<T> {
    type Item = T::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T::Item>> {
        self.future.as_mut().poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.future.size_hint()
    }
}

impl<T> fmt::Debug for Spawn<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spawn")
            .field("is_woken", &self.is_woken())
            .field("waker_ref_count", &self.waker_ref_count())
            .finish()
    }
}
