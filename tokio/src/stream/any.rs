//! The future returned by [`StreamExt::any`](super::StreamExt::any).

use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Future for [`StreamExt::any`](super::StreamExt::any): resolves to `true` as soon
/// as the predicate returns `true`, otherwise to `false` when the stream ends.
/// It only borrows the stream and never pins the predicate, so it is always [`Unpin`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct AnyFuture<'a, St: ?Sized, F> {
    stream: &'a mut St,
    f: F,
}

impl<'a, St: ?Sized, F> AnyFuture<'a, St, F> {
    pub(super) fn new(stream: &'a mut St, f: F) -> Self {
        AnyFuture { stream, f }
    }
}

impl<St: ?Sized, F> Unpin for AnyFuture<'_, St, F> {}

impl<St: ?Sized + fmt::Debug, F> fmt::Debug for AnyFuture<'_, St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyFuture")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Future for AnyFuture<'_, St, F>
where
    St: ?Sized + Stream + Unpin,
    F: FnMut(St::Item) -> bool,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let this = self.get_mut();
        loop {
            match ready!(Pin::new(&mut *this.stream).poll_next(cx)) {
                Some(item) => {
                    if (this.f)(item) {
                        return Poll::Ready(true);
                    }
                }
                None => return Poll::Ready(false),
            }
        }
    }
}
