//! The stream returned by [`StreamExt::skip`](super::StreamExt::skip).

use futures_core::Stream;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Stream for [`StreamExt::skip`](super::StreamExt::skip). `Unpin` when the inner
/// stream is.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Skip<St> {
    stream: St,
    remaining: usize,
}

impl<St> Skip<St> {
    pub(super) fn new(stream: St, remaining: usize) -> Self {
        Skip { stream, remaining }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut usize) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `Skip` is `Unpin` only when `St` is, via the auto impl); `remaining` is plain data.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.remaining)
        }
    }
}

impl<St: Stream> Stream for Skip<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let (mut stream, remaining) = self.project();
        loop {
            let item = ready!(stream.as_mut().poll_next(cx));
            if *remaining == 0 || item.is_none() {
                return Poll::Ready(item);
            }
            *remaining -= 1;
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lower, upper) = self.stream.size_hint();
        (
            lower.saturating_sub(self.remaining),
            upper.map(|upper| upper.saturating_sub(self.remaining)),
        )
    }
}
