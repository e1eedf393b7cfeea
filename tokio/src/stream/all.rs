//! The future returned by [`StreamExt::all`](super::StreamExt::all).

use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Future for [`StreamExt::all`](super::StreamExt::all): resolves to `false` as soon
/// as the predicate returns `false`, otherwise to `true` when the stream ends.
/// It only borrows the stream and never pins the predicate, so it is always [`Unpin`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct AllFuture<'a, St: ?Sized, F> {
    stream: &'a mut St,
    f: F,
}

impl<'a, St: ?Sized, F> AllFuture<'a, St, F> {
    pub(super) fn new(stream: &'a mut St, f: F) -> Self {
        AllFuture { stream, f }
    }
}

impl<St: ?Sized, F> Unpin for AllFuture<'_, St, F> {}

impl<St: ?Sized + fmt::Debug, F> fmt::Debug for AllFuture<'_, St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AllFuture")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Future for AllFuture<'_, St, F>
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
                    if !(this.f)(item) {
                        return Poll::Ready(false);
                    }
                }
                None => return Poll::Ready(true),
            }
        }
    }
}
