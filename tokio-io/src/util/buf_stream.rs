use crate::{AsyncBufRead, AsyncRead, AsyncWrite, BufReader, BufWriter};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Buffers both directions of a stream: a [`BufReader`] around a [`BufWriter`].
///
/// ```
/// use tokio_io::{AsyncBufReadExt, AsyncWriteExt, BufStream};
///
/// # futures::executor::block_on(async {
/// let (client, mut server) = tokio_io::duplex(64);
/// let mut client = BufStream::new(client);
/// client.write_all(b"ping\n").await.unwrap();
/// client.flush().await.unwrap();
/// server.write_all(b"pong\n").await.unwrap();
/// let mut line = String::new();
/// client.read_line(&mut line).await.unwrap();
/// assert_eq!(line, "pong\n");
/// # });
/// ```
#[derive(Debug)]
pub struct BufStream<RW> {
    /// Structurally pinned.
    inner: BufReader<BufWriter<RW>>,
}

impl<RW: AsyncRead + AsyncWrite> BufStream<RW> {
    /// Wraps `stream` with 8 KiB buffers in each direction.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let _stream = tokio_io::BufStream::new(a);
    /// ```
    pub fn new(stream: RW) -> Self {
        BufStream {
            inner: BufReader::new(BufWriter::new(stream)),
        }
    }

    /// Wraps `stream` with buffers of the given sizes.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let _stream = tokio_io::BufStream::with_capacity(1024, 512, a);
    /// ```
    pub fn with_capacity(reader_capacity: usize, writer_capacity: usize, stream: RW) -> Self {
        BufStream {
            inner: BufReader::with_capacity(
                reader_capacity,
                BufWriter::with_capacity(writer_capacity, stream),
            ),
        }
    }
}

impl<RW> BufStream<RW> {
    /// Returns a reference to the underlying stream.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let stream = tokio_io::BufStream::new(a);
    /// let _a: &tokio_io::DuplexStream = stream.get_ref();
    /// ```
    pub fn get_ref(&self) -> &RW {
        self.inner.get_ref().get_ref()
    }

    /// Returns a mutable reference to the underlying stream; using it directly bypasses
    /// both buffers.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let mut stream = tokio_io::BufStream::new(a);
    /// let _a: &mut tokio_io::DuplexStream = stream.get_mut();
    /// ```
    pub fn get_mut(&mut self) -> &mut RW {
        self.inner.get_mut().get_mut()
    }

    /// Returns a pinned mutable reference to the underlying stream.
    ///
    /// ```
    /// use std::pin::Pin;
    ///
    /// let (a, _b) = tokio_io::duplex(64);
    /// let mut stream = tokio_io::BufStream::new(a);
    /// let _a = Pin::new(&mut stream).get_pin_mut();
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut RW> {
        self.project().get_pin_mut().get_pin_mut()
    }

    /// Returns the underlying stream; buffered data in both directions is lost.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let stream = tokio_io::BufStream::new(a);
    /// let _a: tokio_io::DuplexStream = stream.into_inner();
    /// ```
    pub fn into_inner(self) -> RW {
        self.inner.into_inner().into_inner()
    }

    fn project(self: Pin<&mut Self>) -> Pin<&mut BufReader<BufWriter<RW>>> {
        // SAFETY: `inner` is structurally pinned: it is never moved out of a pinned
        // `BufStream` (`into_inner` takes `self` by value), `BufStream` has no `Drop`, and
        // it is `Unpin` only when `RW` is.
        unsafe { self.map_unchecked_mut(|me| &mut me.inner) }
    }
}

impl<RW> From<BufReader<BufWriter<RW>>> for BufStream<RW> {
    /// ```
    /// use tokio_io::{BufReader, BufStream, BufWriter};
    ///
    /// let (a, _b) = tokio_io::duplex(64);
    /// let _stream = BufStream::from(BufReader::new(BufWriter::new(a)));
    /// ```
    fn from(b: BufReader<BufWriter<RW>>) -> Self {
        BufStream { inner: b }
    }
}

impl<RW> From<BufWriter<BufReader<RW>>> for BufStream<RW> {
    /// Rebuilds the layers in `BufStream`'s order, keeping both buffers' contents.
    ///
    /// ```
    /// use tokio_io::{BufReader, BufStream, BufWriter};
    ///
    /// let (a, _b) = tokio_io::duplex(64);
    /// let _stream = BufStream::from(BufWriter::new(BufReader::new(a)));
    /// ```
    fn from(b: BufWriter<BufReader<RW>>) -> Self {
        let (reader, write_buf) = b.into_parts();
        let (stream, read_buf) = reader.into_parts();
        BufStream {
            inner: BufReader::from_parts(BufWriter::from_parts(stream, write_buf), read_buf),
        }
    }
}

impl<RW: AsyncRead + AsyncWrite> AsyncWrite for BufStream<RW> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.project().poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.project().poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.project().poll_shutdown(cx)
    }
}

impl<RW: AsyncRead + AsyncWrite> AsyncRead for BufStream<RW> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.project().poll_read(cx, buf)
    }
}

impl<RW: AsyncRead + AsyncWrite> AsyncBufRead for BufStream<RW> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.project().poll_fill_buf(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.project().consume(amt)
    }
}
