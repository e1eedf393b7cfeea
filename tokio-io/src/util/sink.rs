use crate::AsyncWrite;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A writer that accepts and drops everything; see [`sink`].
///
/// ```
/// use tokio_io::{sink, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// assert_eq!(sink().write(b"gone").await.unwrap(), 4);
/// # });
/// ```
pub struct Sink {
    _priv: (),
}

/// Creates a writer that accepts every byte and drops it.
///
/// ```
/// use tokio_io::{sink, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// let mut s = sink();
/// s.write_all(&[0u8; 1024]).await.unwrap();
/// s.shutdown().await.unwrap();
/// # });
/// ```
pub fn sink() -> Sink {
    Sink { _priv: () }
}

impl AsyncWrite for Sink {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl fmt::Debug for Sink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad("Sink { .. }")
    }
}
