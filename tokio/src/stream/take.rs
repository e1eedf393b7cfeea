//! The stream returned by [`StreamExt::take`](super::StreamExt::take).

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::take`](super::StreamExt::take). After `n` items the inner
/// stream is not polled again. `Unpin` when the inner stream is.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Take<St> {
    stream: St,
    remaining: usize,
}

impl<St> Take<St> {
    pub(super) fn new(stream: St, remaining: usize) -> Self {
        Take { stream, remaining }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut usize) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `Take` is `Unpin` only when `St` is, via the auto impl); `remaining` is plain data.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.remaining)
        }
    }
}

impl<St: Stream> Stream for Take<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let (stream, remaining) = self.project();
        if *remaining == 0 {
            return Poll::Ready(None);
        }
        let item = std::task::ready!(stream.poll_next(cx));
        match item {
            Some(_) => *remaining -= 1,
            None => *remaining = 0,
        }
        Poll::Ready(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.remaining == 0 {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        let lower = lower.min(self.remaining);
        let upper = match upper {
            Some(upper) => upper.min(self.remaining),
            None => self.remaining,
        };
        (lower, Some(upper))
    }
}
