//! The stream returned by [`StreamExt::take_while`](super::StreamExt::take_while).

use futures_core::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::take_while`](super::StreamExt::take_while). Once the predicate
/// has returned `false` the inner stream is never polled again. `Unpin` when the inner
/// stream is.
#[must_use = "streams do nothing unless polled"]
pub struct TakeWhile<St, F> {
    stream: St,
    predicate: F,
    done: bool,
}

impl<St, F> TakeWhile<St, F> {
    pub(super) fn new(stream: St, predicate: F) -> Self {
        TakeWhile {
            stream,
            predicate,
            done: false,
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut F, &mut bool) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `TakeWhile: Unpin` only when `St: Unpin`); the other fields are never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (
                Pin::new_unchecked(&mut this.stream),
                &mut this.predicate,
                &mut this.done,
            )
        }
    }
}

impl<St: Unpin, F> Unpin for TakeWhile<St, F> {}

impl<St: fmt::Debug, F> fmt::Debug for TakeWhile<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TakeWhile")
            .field("stream", &self.stream)
            .field("done", &self.done)
            .finish()
    }
}

impl<St, F> Stream for TakeWhile<St, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> bool,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let (stream, predicate, done) = self.project();
        if *done {
            return Poll::Ready(None);
        }
        stream.poll_next(cx).map(|item| match item {
            Some(item) if predicate(&item) => Some(item),
            _ => {
                *done = true;
                None
            }
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            (0, self.stream.size_hint().1)
        }
    }
}
