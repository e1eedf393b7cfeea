use crate::AsyncRead;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A reader that yields one byte forever; see [`repeat`].
///
/// ```
/// use tokio_io::{repeat, AsyncReadExt};
///
/// # futures::executor::block_on(async {
/// let mut buf = [0u8; 3];
/// repeat(b'z').read_exact(&mut buf).await.unwrap();
/// assert_eq!(&buf, b"zzz");
/// # });
/// ```
#[derive(Debug)]
pub struct Repeat {
    byte: u8,
}

/// Creates a reader that fills every buffer with `byte`, forever.
///
/// ```
/// use tokio_io::{repeat, AsyncReadExt};
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// repeat(7).take(5).read_to_end(&mut out).await.unwrap();
/// assert_eq!(out, [7; 5]);
/// # });
/// ```
pub fn repeat(byte: u8) -> Repeat {
    Repeat { byte }
}

impl AsyncRead for Repeat {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        buf.fill(self.byte);
        Poll::Ready(Ok(buf.len()))
    }
}
