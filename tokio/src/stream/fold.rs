//! The future returned by [`StreamExt::fold`](super::StreamExt::fold).

use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Future for [`StreamExt::fold`](super::StreamExt::fold): owns the stream and the
/// accumulator and resolves to the accumulator when the stream ends.
///
/// `acc` is `Some` until the future completes; polling again after completion panics.
/// `Unpin` when the stream is (the accumulator and closure are never pinned).
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct FoldFuture<St, B, F> {
    stream: St,
    acc: Option<B>,
    f: F,
}

impl<St, B, F> FoldFuture<St, B, F> {
    pub(super) fn new(stream: St, init: B, f: F) -> Self {
        FoldFuture {
            stream,
            acc: Some(init),
            f,
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut St>, &mut Option<B>, &mut F) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `FoldFuture: Unpin` only when `St: Unpin`); `acc` and `f` are never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (
                Pin::new_unchecked(&mut this.stream),
                &mut this.acc,
                &mut this.f,
            )
        }
    }
}

impl<St: Unpin, B, F> Unpin for FoldFuture<St, B, F> {}

impl<St: fmt::Debug, B: fmt::Debug, F> fmt::Debug for FoldFuture<St, B, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FoldFuture")
            .field("stream", &self.stream)
            .field("acc", &self.acc)
            .finish()
    }
}

impl<St, B, F> Future for FoldFuture<St, B, F>
where
    St: Stream,
    F: FnMut(B, St::Item) -> B,
{
    type Output = B;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<B> {
        let (mut stream, acc, f) = self.project();
        loop {
            match ready!(stream.as_mut().poll_next(cx)) {
                Some(item) => {
                    let prev = acc.take().expect("`FoldFuture` polled after completion");
                    *acc = Some(f(prev, item));
                }
                None => {
                    let done = acc.take().expect("`FoldFuture` polled after completion");
                    return Poll::Ready(done);
                }
            }
        }
    }
}
