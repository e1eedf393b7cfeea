//! The stream returned by [`StreamExt::filter`](super::StreamExt::filter).

use futures_core::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Stream for [`StreamExt::filter`](super::StreamExt::filter). `Unpin` when the inner
/// stream is (the predicate is never pinned).
#[must_use = "streams do nothing unless polled"]
pub struct Filter<St, F> {
    stream: St,
    f: F,
}

impl<St, F> Filter<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        Filter { stream, f }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut F) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `Filter: Unpin` only when `St: Unpin`); `f` is never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.f)
        }
    }
}

impl<St: Unpin, F> Unpin for Filter<St, F> {}

impl<St: fmt::Debug, F> fmt::Debug for Filter<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Filter")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Stream for Filter<St, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> bool,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let (mut stream, f) = self.project();
        loop {
            match ready!(stream.as_mut().poll_next(cx)) {
                Some(item) if f(&item) => return Poll::Ready(Some(item)),
                Some(_) => {}
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.stream.size_hint().1)
    }
}
