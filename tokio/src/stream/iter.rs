//! [`iter`]: a stream over the items of an iterator.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`iter`]: always ready, yields the iterator's items. Always [`Unpin`].
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Iter<I> {
    iter: I,
}

impl<I> Unpin for Iter<I> {}

/// Converts an iterator into a stream that is always ready with the iterator's next item.
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let mut s = stream::iter(vec![17, 19]);
/// assert_eq!(s.next().await, Some(17));
/// assert_eq!(s.next().await, Some(19));
/// assert_eq!(s.next().await, None);
/// # });
/// ```
pub fn iter<I>(i: I) -> Iter<I::IntoIter>
where
    I: IntoIterator,
{
    Iter {
        iter: i.into_iter(),
    }
}

impl<I: Iterator> Stream for Iter<I> {
    type Item = I::Item;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<I::Item>> {
        Poll::Ready(self.iter.next())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}
