//! [`pending`]: a stream that never yields.

use futures_core::Stream;
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`pending`]: returns `Pending` on every poll and never wakes the task.
/// `Send`, `Sync` and `Unpin` whatever `T` is (it holds no `T`).
#[must_use = "streams do nothing unless polled"]
pub struct Pending<T>(PhantomData<fn() -> T>);

impl<T> Unpin for Pending<T> {}

impl<T> fmt::Debug for Pending<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pending").finish()
    }
}

/// Creates a stream that never yields an item and never ends.
///
/// ```
/// use std::pin::Pin;
/// use std::task::{Context, Poll};
/// use tokio::stream::{self, Stream};
///
/// let mut never = stream::pending::<i32>();
/// let waker = futures::task::noop_waker();
/// let mut cx = Context::from_waker(&waker);
/// assert!(Pin::new(&mut never).poll_next(&mut cx).is_pending());
/// ```
pub const fn pending<T>() -> Pending<T> {
    Pending(PhantomData)
}

impl<T> Stream for Pending<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Pending
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, None)
    }
}
