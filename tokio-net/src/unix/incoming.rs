use super::{UnixListener, UnixStream};
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The stream of connections returned by [`UnixListener::incoming`].
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Incoming<'a> {
    inner: &'a UnixListener,
}

impl Incoming<'_> {
    pub(crate) fn new(listener: &UnixListener) -> Incoming<'_> {
        Incoming { inner: listener }
    }

    /// Polls to accept the next connection.
    pub fn poll_accept(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<UnixStream>> {
        let (stream, _) = ready!(self.inner.poll_accept(cx))?;
        Poll::Ready(Ok(stream))
    }
}

impl futures_core::Stream for Incoming<'_> {
    type Item = io::Result<UnixStream>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let stream = ready!(self.poll_accept(cx))?;
        Poll::Ready(Some(Ok(stream)))
    }
}
