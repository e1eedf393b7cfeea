//! The stream returned by [`StreamExt::chain`](super::StreamExt::chain).

use super::fuse::Fuse;
use futures_core::Stream;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Stream for [`StreamExt::chain`](super::StreamExt::chain): every item of `a`, then every
/// item of `b`. `a` is fused so it is not polled after it ended. `Unpin` when both
/// streams are.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Chain<T, U> {
    a: Fuse<T>,
    b: U,
}

impl<T, U> Chain<T, U> {
    pub(super) fn new(a: T, b: U) -> Self {
        Chain { a: Fuse::new(a), b }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut Fuse<T>>, Pin<&mut U>) {
        // SAFETY: both fields are structurally pinned: never moved out, no Drop impl, and
        // `Chain` is `Unpin` only when both are (auto impl).
        unsafe {
            let this = self.get_unchecked_mut();
            (
                Pin::new_unchecked(&mut this.a),
                Pin::new_unchecked(&mut this.b),
            )
        }
    }
}

impl<T, U> Stream for Chain<T, U>
where
    T: Stream,
    U: Stream<Item = T::Item>,
{
    type Item = T::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T::Item>> {
        let (a, b) = self.project();
        if let Some(item) = ready!(a.poll_next(cx)) {
            return Poll::Ready(Some(item));
        }
        b.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        super::merge::merge_size_hints(self.a.size_hint(), self.b.size_hint())
    }
}
