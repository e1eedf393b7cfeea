use crate::AsyncRead;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Reads bytes asynchronously from a source with an internal buffer.
pub trait AsyncBufRead: AsyncRead {
    /// Returns the contents of the internal buffer, filling it from the inner reader when
    /// it is empty. An empty slice means end of stream.
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>>;

    /// Marks `amt` bytes of the buffer returned by `poll_fill_buf` as consumed.
    fn consume(self: Pin<&mut Self>, amt: usize);
}
