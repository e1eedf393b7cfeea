//! `BufReader`: invariant `pos <= cap <= buf.len()`; `buf[pos..cap]` is read but not yet
//! consumed. A read at least as large as the buffer, arriving while the buffer is empty,
//! bypasses it.
use crate::{AsyncBufRead, AsyncRead, AsyncWrite};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The default buffer size of [`BufReader`] and [`BufWriter`](crate::BufWriter).
pub(crate) const DEFAULT_BUF_SIZE: usize = 8 * 1024;

/// The unpinned part of a [`BufReader`].
pub(crate) struct ReadBuffer {
    buf: Box<[u8]>,
    pos: usize,
    cap: usize,
}

impl ReadBuffer {
    pub(crate) fn new(capacity: usize) -> Self {
        ReadBuffer {
            buf: vec![0; capacity].into_boxed_slice(),
            pos: 0,
            cap: 0,
        }
    }

    fn filled(&self) -> &[u8] {
        &self.buf[self.pos..self.cap]
    }

    /// Refills the buffer from `inner` when it is empty.
    fn poll_fill<R: AsyncRead + ?Sized>(
        &mut self,
        inner: Pin<&mut R>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<&[u8]>> {
        if self.pos >= self.cap {
            let n = ready!(inner.poll_read(cx, &mut self.buf))?;
            assert!(n <= self.buf.len(), "{}", crate::errors::BAD_READ_LEN);
            self.pos = 0;
            self.cap = n;
        }
        Poll::Ready(Ok(self.filled()))
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.cap);
    }
}

/// Adds a read buffer to a reader, so small reads and line-oriented reads do not each
/// reach the inner reader.
///
/// ```
/// use tokio_io::{AsyncBufReadExt, BufReader};
///
/// # futures::executor::block_on(async {
/// let mut reader = BufReader::new(&b"line one\nline two\n"[..]);
/// let mut line = String::new();
/// reader.read_line(&mut line).await.unwrap();
/// assert_eq!(line, "line one\n");
/// # });
/// ```
///
/// The inner reader is pinned through the wrapper, so it is `Unpin` only when the reader is:
///
/// ```compile_fail
/// fn assert_unpin<T: Unpin>() {}
/// assert_unpin::<tokio_io::BufReader<std::marker::PhantomPinned>>();
/// ```
pub struct BufReader<R> {
    /// Structurally pinned.
    inner: R,
    state: ReadBuffer,
}

impl<R: AsyncRead> BufReader<R> {
    /// Wraps `inner` with an 8 KiB buffer.
    ///
    /// ```
    /// use tokio_io::BufReader;
    ///
    /// let reader = BufReader::new(&b"data"[..]);
    /// assert!(reader.buffer().is_empty());
    /// ```
    pub fn new(inner: R) -> Self {
        Self::with_capacity(DEFAULT_BUF_SIZE, inner)
    }

    /// Wraps `inner` with a buffer of `capacity` bytes.
    ///
    /// ```
    /// use tokio_io::{AsyncReadExt, BufReader};
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader = BufReader::with_capacity(4, &b"abcdefgh"[..]);
    /// assert_eq!(reader.read_u8().await.unwrap(), b'a');
    /// assert_eq!(reader.buffer(), b"bcd");
    /// # });
    /// ```
    pub fn with_capacity(capacity: usize, inner: R) -> Self {
        BufReader {
            inner,
            state: ReadBuffer::new(capacity),
        }
    }
}

impl<R> BufReader<R> {
    /// Returns a reference to the inner reader.
    ///
    /// ```
    /// use tokio_io::BufReader;
    ///
    /// let reader = BufReader::new(&b"abc"[..]);
    /// assert_eq!(*reader.get_ref(), b"abc");
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Returns a mutable reference to the inner reader. Reading through it directly skips
    /// whatever is buffered.
    ///
    /// ```
    /// use tokio_io::BufReader;
    ///
    /// let mut reader = BufReader::new(&b"abc"[..]);
    /// *reader.get_mut() = &b"xyz"[..];
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Returns a pinned mutable reference to the inner reader.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use tokio_io::BufReader;
    ///
    /// let mut reader = BufReader::new(&b"abc"[..]);
    /// let _inner = Pin::new(&mut reader).get_pin_mut();
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut R> {
        self.project().0
    }

    /// Returns the inner reader; buffered data is lost.
    ///
    /// ```
    /// use tokio_io::BufReader;
    ///
    /// let reader = BufReader::new(&b"abc"[..]);
    /// assert_eq!(reader.into_inner(), b"abc");
    /// ```
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Returns the bytes read from the inner reader but not yet consumed.
    ///
    /// ```
    /// use tokio_io::{AsyncBufReadExt, BufReader};
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader = BufReader::new(&b"a\nb\n"[..]);
    /// reader.read_line(&mut String::new()).await.unwrap();
    /// assert_eq!(reader.buffer(), b"b\n");
    /// # });
    /// ```
    pub fn buffer(&self) -> &[u8] {
        self.state.filled()
    }

    pub(crate) fn into_parts(self) -> (R, ReadBuffer) {
        (self.inner, self.state)
    }

    pub(crate) fn from_parts(inner: R, state: ReadBuffer) -> Self {
        BufReader { inner, state }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut R>, &mut ReadBuffer) {
        // SAFETY: `inner` is structurally pinned: it is never moved out of a pinned
        // `BufReader` (`into_inner`/`into_parts` take `self` by value), `BufReader` has no
        // `Drop`, and it is `Unpin` only when `R` is. `state` is not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let inner = unsafe { Pin::new_unchecked(&mut me.inner) };
        (inner, &mut me.state)
    }
}

impl<R: AsyncRead> AsyncRead for BufReader<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let (inner, state) = self.project();
        if state.pos == state.cap && buf.len() >= state.buf.len() {
            let res = ready!(inner.poll_read(cx, buf));
            return Poll::Ready(res);
        }
        let available = ready!(state.poll_fill(inner, cx))?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        state.consume(n);
        Poll::Ready(Ok(n))
    }
}

impl<R: AsyncRead> AsyncBufRead for BufReader<R> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let (inner, state) = self.project();
        state.poll_fill(inner, cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.project().1.consume(amt)
    }
}

impl<R: AsyncRead + AsyncWrite> AsyncWrite for BufReader<R> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_pin_mut().poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_pin_mut().poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_pin_mut().poll_shutdown(cx)
    }
}

impl<R: fmt::Debug> fmt::Debug for BufReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BufReader")
            .field("reader", &self.inner)
            .field(
                "buffer",
                &format_args!(
                    "{}/{}",
                    self.state.cap - self.state.pos,
                    self.state.buf.len()
                ),
            )
            .finish()
    }
}
