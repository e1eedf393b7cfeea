use crate::{AsyncBufRead, AsyncRead};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A reader that is always at end of stream; see [`empty`].
///
/// ```
/// use tokio_io::{empty, AsyncReadExt};
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// assert_eq!(empty().read_to_end(&mut out).await.unwrap(), 0);
/// # });
/// ```
pub struct Empty {
    _priv: (),
}

/// Creates a reader that is always at end of stream.
///
/// ```
/// use tokio_io::{empty, AsyncReadExt};
///
/// # futures::executor::block_on(async {
/// let mut buf = [0u8; 4];
/// assert_eq!(empty().read(&mut buf).await.unwrap(), 0);
/// # });
/// ```
pub fn empty() -> Empty {
    Empty { _priv: () }
}

impl AsyncRead for Empty {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        _buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(Ok(0))
    }
}

impl AsyncBufRead for Empty {
    fn poll_fill_buf(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        Poll::Ready(Ok(&[]))
    }

    fn consume(self: Pin<&mut Self>, _amt: usize) {}
}

impl fmt::Debug for Empty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad("Empty { .. }")
    }
}
