//! The stream returned by [`StreamExt::merge`](super::StreamExt::merge).

use super::fuse::Fuse;
use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::merge`](super::StreamExt::merge).
///
/// Both streams are fused. Each poll starts with the stream that went second last time,
/// so a stream that is always ready cannot starve the other. Ends when both have ended.
/// `Unpin` when both streams are.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Merge<T, U> {
    a: Fuse<T>,
    b: Fuse<U>,
    a_first: bool,
}

impl<T, U> Merge<T, U> {
    pub(super) fn new(a: T, b: U) -> Self {
        Merge {
            a: Fuse::new(a),
            b: Fuse::new(b),
            a_first: true,
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut Fuse<T>>, Pin<&mut Fuse<U>>, &mut bool) {
        // SAFETY: `a` and `b` are structurally pinned: never moved out, no Drop impl, and
        // `Merge` is `Unpin` only when both are (auto impl). `a_first` is plain data.
        unsafe {
            let this = self.get_unchecked_mut();
            (
                Pin::new_unchecked(&mut this.a),
                Pin::new_unchecked(&mut this.b),
                &mut this.a_first,
            )
        }
    }
}

impl<T, U> Stream for Merge<T, U>
where
    T: Stream,
    U: Stream<Item = T::Item>,
{
    type Item = T::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T::Item>> {
        let (a, b, a_first) = self.project();
        let first_is_a = *a_first;
        *a_first = !first_is_a;
        if first_is_a {
            poll_both(a, b, cx)
        } else {
            poll_both(b, a, cx)
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        merge_size_hints(self.a.size_hint(), self.b.size_hint())
    }
}

/// Polls `first`, then `second` if `first` had nothing; `None` only when both ended.
fn poll_both<T, U>(
    first: Pin<&mut T>,
    second: Pin<&mut U>,
    cx: &mut Context<'_>,
) -> Poll<Option<T::Item>>
where
    T: Stream,
    U: Stream<Item = T::Item>,
{
    let first_done = match first.poll_next(cx) {
        Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
        Poll::Ready(None) => true,
        Poll::Pending => false,
    };
    match second.poll_next(cx) {
        Poll::Ready(Some(item)) => Poll::Ready(Some(item)),
        Poll::Ready(None) if first_done => Poll::Ready(None),
        _ => Poll::Pending,
    }
}

/// The size hint of a stream made of all the items of two streams.
pub(super) fn merge_size_hints(
    (a_lower, a_upper): (usize, Option<usize>),
    (b_lower, b_upper): (usize, Option<usize>),
) -> (usize, Option<usize>) {
    let lower = a_lower.saturating_add(b_lower);
    let upper = match (a_upper, b_upper) {
        (Some(a), Some(b)) => a.checked_add(b),
        _ => None,
    };
    (lower, upper)
}
