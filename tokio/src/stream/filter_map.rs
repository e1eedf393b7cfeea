//! The stream returned by [`StreamExt::filter_map`](super::StreamExt::filter_map).

use futures_core::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Stream for [`StreamExt::filter_map`](super::StreamExt::filter_map). `Unpin` when the
/// inner stream is (the closure is never pinned).
#[must_use = "streams do nothing unless polled"]
pub struct FilterMap<St, F> {
    stream: St,
    f: F,
}

impl<St, F> FilterMap<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        FilterMap { stream, f }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut F) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `FilterMap: Unpin` only when `St: Unpin`); `f` is never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.f)
        }
    }
}

impl<St: Unpin, F> Unpin for FilterMap<St, F> {}

impl<St: fmt::Debug, F> fmt::Debug for FilterMap<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilterMap")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<T, St, F> Stream for FilterMap<St, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Option<T>,
{
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let (mut stream, f) = self.project();
        loop {
            match ready!(stream.as_mut().poll_next(cx)) {
                Some(item) => {
                    if let Some(mapped) = f(item) {
                        return Poll::Ready(Some(mapped));
                    }
                }
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.stream.size_hint().1)
    }
}
