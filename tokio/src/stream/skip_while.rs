//! The stream returned by [`StreamExt::skip_while`](super::StreamExt::skip_while).

use futures_core::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Stream for [`StreamExt::skip_while`](super::StreamExt::skip_while). The predicate is
/// dropped as soon as it first returns `false`. `Unpin` when the inner stream is.
#[must_use = "streams do nothing unless polled"]
pub struct SkipWhile<St, F> {
    stream: St,
    predicate: Option<F>,
}

impl<St, F> SkipWhile<St, F> {
    pub(super) fn new(stream: St, predicate: F) -> Self {
        SkipWhile {
            stream,
            predicate: Some(predicate),
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut Option<F>) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `SkipWhile: Unpin` only when `St: Unpin`); `predicate` is never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.predicate)
        }
    }
}

impl<St: Unpin, F> Unpin for SkipWhile<St, F> {}

impl<St: fmt::Debug, F> fmt::Debug for SkipWhile<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SkipWhile")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Stream for SkipWhile<St, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> bool,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let (mut stream, predicate) = self.project();
        let Some(pred) = predicate else {
            return stream.poll_next(cx);
        };
        loop {
            match ready!(stream.as_mut().poll_next(cx)) {
                Some(item) if pred(&item) => {}
                other => {
                    *predicate = None;
                    return Poll::Ready(other);
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lower, upper) = self.stream.size_hint();
        if self.predicate.is_some() {
            (0, upper)
        } else {
            (lower, upper)
        }
    }
}
