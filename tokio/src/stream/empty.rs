//! [`empty`]: a stream that ends immediately.

use futures_core::Stream;
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`empty`]: yields `None` on every poll. `Send`, `Sync` and `Unpin` whatever
/// `T` is (it holds no `T`).
#[must_use = "streams do nothing unless polled"]
pub struct Empty<T>(PhantomData<fn() -> T>);

impl<T> Unpin for Empty<T> {}

impl<T> fmt::Debug for Empty<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Empty").finish()
    }
}

/// Creates a stream that yields nothing: its first poll returns `Ready(None)`.
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let mut none = stream::empty::<i32>();
/// assert_eq!(none.next().await, None);
/// # });
/// ```
pub const fn empty<T>() -> Empty<T> {
    Empty(PhantomData)
}

impl<T> Stream for Empty<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Ready(None)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(0))
    }
}
