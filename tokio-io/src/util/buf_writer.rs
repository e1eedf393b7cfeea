//! `BufWriter`: invariant `written <= buf.len() <= capacity`; `buf[written..]` is accepted
//! from the caller but not yet written to the inner writer (`buf[..written]` went out
//! during a flush that is still in progress). A write at least as large as the buffer,
//! arriving once the buffer is flushed, bypasses it.
use crate::util::buf_reader::DEFAULT_BUF_SIZE;
use crate::{AsyncBufRead, AsyncRead, AsyncWrite};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The unpinned part of a [`BufWriter`].
pub(crate) struct WriteBuffer {
    buf: Vec<u8>,
    written: usize,
    capacity: usize,
}

impl WriteBuffer {
    fn new(capacity: usize) -> Self {
        WriteBuffer {
            buf: Vec::with_capacity(capacity),
            written: 0,
            capacity,
        }
    }

    fn pending(&self) -> &[u8] {
        &self.buf[self.written..]
    }

    /// Writes the whole buffer to `inner`, resuming a flush that returned `Pending`.
    fn poll_flush_buf<W: AsyncWrite + ?Sized>(
        &mut self,
        mut inner: Pin<&mut W>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<()>> {
        let mut res = Ok(());
        while self.written < self.buf.len() {
            match ready!(inner.as_mut().poll_write(cx, &self.buf[self.written..])) {
                Ok(0) => {
                    // 0.2's text (std's `BufWriter` says the same).
                    res = Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        "failed to write the buffered data",
                    ));
                    break;
                }
                Ok(n) => self.written += n,
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.buf.drain(..self.written);
        self.written = 0;
        Poll::Ready(res)
    }
}

/// Adds a write buffer to a writer, so many small writes become few large ones. Call
/// [`flush`](crate::AsyncWriteExt::flush) or [`shutdown`](crate::AsyncWriteExt::shutdown)
/// before dropping it: dropping does not write what is buffered.
///
/// ```
/// use tokio_io::{AsyncWriteExt, BufWriter};
///
/// # futures::executor::block_on(async {
/// let mut writer = BufWriter::new(Vec::new());
/// for i in 0..3u8 {
///     writer.write_u8(i).await.unwrap();
/// }
/// writer.flush().await.unwrap();
/// assert_eq!(writer.get_ref(), &[0, 1, 2]);
/// # });
/// ```
pub struct BufWriter<W> {
    /// Structurally pinned.
    inner: W,
    state: WriteBuffer,
}

impl<W: AsyncWrite> BufWriter<W> {
    /// Wraps `inner` with an 8 KiB buffer.
    ///
    /// ```
    /// use tokio_io::BufWriter;
    ///
    /// let writer = BufWriter::new(Vec::new());
    /// assert!(writer.buffer().is_empty());
    /// ```
    pub fn new(inner: W) -> Self {
        Self::with_capacity(DEFAULT_BUF_SIZE, inner)
    }

    /// Wraps `inner` with a buffer of `cap` bytes.
    ///
    /// ```
    /// use tokio_io::{AsyncWriteExt, BufWriter};
    ///
    /// # futures::executor::block_on(async {
    /// let mut writer = BufWriter::with_capacity(4, Vec::new());
    /// writer.write_all(b"ab").await.unwrap();
    /// assert_eq!(writer.buffer(), b"ab");
    /// writer.write_all(b"cde").await.unwrap(); // does not fit: "ab" goes out first
    /// assert_eq!(writer.get_ref(), b"ab");
    /// # });
    /// ```
    pub fn with_capacity(cap: usize, inner: W) -> Self {
        BufWriter {
            inner,
            state: WriteBuffer::new(cap),
        }
    }
}

impl<W> BufWriter<W> {
    /// Returns a reference to the inner writer.
    ///
    /// ```
    /// use tokio_io::BufWriter;
    ///
    /// let writer = BufWriter::new(Vec::<u8>::new());
    /// assert!(writer.get_ref().is_empty());
    /// ```
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Returns a mutable reference to the inner writer. Writing through it directly
    /// overtakes whatever is buffered.
    ///
    /// ```
    /// use tokio_io::BufWriter;
    ///
    /// let mut writer = BufWriter::new(Vec::<u8>::new());
    /// writer.get_mut().push(1);
    /// ```
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Returns a pinned mutable reference to the inner writer.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use tokio_io::BufWriter;
    ///
    /// let mut writer = BufWriter::new(Vec::<u8>::new());
    /// let _inner = Pin::new(&mut writer).get_pin_mut();
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut W> {
        self.project().0
    }

    /// Returns the inner writer; buffered data is lost.
    ///
    /// ```
    /// use tokio_io::BufWriter;
    ///
    /// let writer = BufWriter::new(vec![1u8]);
    /// assert_eq!(writer.into_inner(), [1]);
    /// ```
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// Returns the bytes accepted but not yet written to the inner writer.
    ///
    /// ```
    /// use tokio_io::{AsyncWriteExt, BufWriter};
    ///
    /// # futures::executor::block_on(async {
    /// let mut writer = BufWriter::new(Vec::new());
    /// writer.write_all(b"held").await.unwrap();
    /// assert_eq!(writer.buffer(), b"held");
    /// # });
    /// ```
    pub fn buffer(&self) -> &[u8] {
        self.state.pending()
    }

    pub(crate) fn into_parts(self) -> (W, WriteBuffer) {
        (self.inner, self.state)
    }

    pub(crate) fn from_parts(inner: W, state: WriteBuffer) -> Self {
        BufWriter { inner, state }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut W>, &mut WriteBuffer) {
        // SAFETY: `inner` is structurally pinned: it is never moved out of a pinned
        // `BufWriter` (`into_inner`/`into_parts` take `self` by value), `BufWriter` has no
        // `Drop`, and it is `Unpin` only when `W` is. `state` is not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let inner = unsafe { Pin::new_unchecked(&mut me.inner) };
        (inner, &mut me.state)
    }
}

impl<W: AsyncWrite> AsyncWrite for BufWriter<W> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let (mut inner, state) = self.project();
        if state.buf.len() + buf.len() > state.capacity {
            ready!(state.poll_flush_buf(inner.as_mut(), cx))?;
        }
        if buf.len() >= state.capacity {
            inner.poll_write(cx, buf)
        } else {
            state.buf.extend_from_slice(buf);
            Poll::Ready(Ok(buf.len()))
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let (mut inner, state) = self.project();
        ready!(state.poll_flush_buf(inner.as_mut(), cx))?;
        inner.poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let (mut inner, state) = self.project();
        ready!(state.poll_flush_buf(inner.as_mut(), cx))?;
        inner.poll_shutdown(cx)
    }
}

impl<W: AsyncWrite + AsyncRead> AsyncRead for BufWriter<W> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.get_pin_mut().poll_read(cx, buf)
    }
}

impl<W: AsyncWrite + AsyncBufRead> AsyncBufRead for BufWriter<W> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.get_pin_mut().poll_fill_buf(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.get_pin_mut().consume(amt)
    }
}

impl<W: fmt::Debug> fmt::Debug for BufWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BufWriter")
            .field("writer", &self.inner)
            .field(
                "buffer",
                &format_args!("{}/{}", self.state.pending().len(), self.state.capacity),
            )
            .field("written", &self.state.written)
            .finish()
    }
}
