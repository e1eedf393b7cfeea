//! The stream returned by [`StreamExt::fuse`](super::StreamExt::fuse).

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Stream for [`StreamExt::fuse`](super::StreamExt::fuse).
///
/// Holds `Some(stream)` until the stream yields `None`; the stream is then dropped in
/// place and every later poll yields `None`. `Unpin` when the inner stream is.
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Fuse<St> {
    stream: Option<St>,
}

impl<St> Fuse<St> {
    pub(super) fn new(stream: St) -> Self {
        Fuse {
            stream: Some(stream),
        }
    }

    fn project(self: Pin<&mut Self>) -> Pin<&mut Option<St>> {
        // SAFETY: `stream` is structurally pinned: it is only ever replaced through
        // `Pin::set` (which drops the old value in place), never moved out, and `Fuse` is
        // `Unpin` only when `St` is (auto impl).
        unsafe { self.map_unchecked_mut(|this| &mut this.stream) }
    }
}

impl<St: Stream> Stream for Fuse<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut slot = self.project();
        let Some(stream) = slot.as_mut().as_pin_mut() else {
            return Poll::Ready(None);
        };
        let item = std::task::ready!(stream.poll_next(cx));
        if item.is_none() {
            slot.set(None);
        }
        Poll::Ready(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.stream {
            Some(stream) => stream.size_hint(),
            None => (0, Some(0)),
        }
    }
}
