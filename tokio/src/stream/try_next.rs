//! The future returned by [`StreamExt::try_next`](super::StreamExt::try_next).

use super::next::Next;
use futures_core::Stream;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Future for [`StreamExt::try_next`](super::StreamExt::try_next): the next item of a
/// stream of `Result`s, as `Result<Option<T>, E>`. Always [`Unpin`].
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct TryNext<'a, St: ?Sized> {
    inner: Next<'a, St>,
}

impl<'a, St: ?Sized> TryNext<'a, St> {
    pub(super) fn new(stream: &'a mut St) -> Self {
        TryNext {
            inner: Next::new(stream),
        }
    }
}

impl<T, E, St: ?Sized + Stream<Item = Result<T, E>> + Unpin> Future for TryNext<'_, St> {
    type Output = Result<Option<T>, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let item = ready!(Pin::new(&mut self.inner).poll(cx));
        Poll::Ready(item.transpose())
    }
}
