//! The stream returned by [`StreamExt::map`](super::StreamExt::map).

use futures_core::Stream;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::map`](super::StreamExt::map).
///
/// The inner stream is structurally pinned; the closure is not (it is only ever used
/// through `&mut`), so `Map` is `Unpin` exactly when the inner stream is.
#[must_use = "streams do nothing unless polled"]
pub struct Map<St, F> {
    stream: St,
    f: F,
}

impl<St, F> Map<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        Map { stream, f }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut F) {
        // SAFETY: `stream` is structurally pinned: it is never moved out of a pinned
        // `Map` (no method hands it out by value, there is no Drop impl) and `Map` is
        // `Unpin` only when `St` is. `f` is never pinned, so a plain `&mut` is fine.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.f)
        }
    }
}

impl<St: Unpin, F> Unpin for Map<St, F> {}

impl<St: fmt::Debug, F> fmt::Debug for Map<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Map").field("stream", &self.stream).finish()
    }
}

impl<T, St, F> Stream for Map<St, F>
where
    St: Stream,
    F: FnMut(St::Item) -> T,
{
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let (stream, f) = self.project();
        stream.poll_next(cx).map(|item| item.map(f))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}
