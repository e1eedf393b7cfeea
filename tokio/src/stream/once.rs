//! [`once`]: a stream of exactly one item.

use super::iter::{iter, Iter};
use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`once`]: yields its value, then ends. Always [`Unpin`].
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Once<T> {
    iter: Iter<std::option::IntoIter<T>>,
}

impl<T> Unpin for Once<T> {}

/// Creates a stream that yields `value` once and then ends.
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let mut s = stream::once("only");
/// assert_eq!(s.next().await, Some("only"));
/// assert_eq!(s.next().await, None);
/// # });
/// ```
pub fn once<T>(value: T) -> Once<T> {
    Once {
        iter: iter(Some(value)),
    }
}

impl<T> Stream for Once<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        Pin::new(&mut self.iter).poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}
