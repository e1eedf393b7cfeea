use crate::{AsyncBufRead, AsyncRead};
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A reader limited to a number of bytes; see
/// [`AsyncReadExt::take`](crate::AsyncReadExt::take).
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut take = (&b"abcdef"[..]).take(2);
/// let mut out = String::new();
/// take.read_to_string(&mut out).await.unwrap();
/// assert_eq!(out, "ab");
/// assert_eq!(take.limit(), 0);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "readers do nothing unless you read from them"]
pub struct Take<R> {
    /// Structurally pinned.
    inner: R,
    limit: u64,
}

impl<R> Take<R> {
    pub(crate) fn new(inner: R, limit: u64) -> Self {
        Take { inner, limit }
    }

    /// Returns how many more bytes may be read before this reader reports end of stream.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let take = (&b"abc"[..]).take(10);
    /// assert_eq!(take.limit(), 10);
    /// ```
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Sets how many more bytes may be read.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let mut take = (&b"abc"[..]).take(10);
    /// take.set_limit(1);
    /// assert_eq!(take.limit(), 1);
    /// ```
    pub fn set_limit(&mut self, limit: u64) {
        self.limit = limit
    }

    /// Returns a reference to the inner reader.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let take = (&b"abc"[..]).take(1);
    /// assert_eq!(*take.get_ref(), b"abc");
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Returns a mutable reference to the inner reader. Reading through it directly
    /// bypasses the limit.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let mut take = (&b"abc"[..]).take(1);
    /// *take.get_mut() = &b"xyz"[..];
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Returns a pinned mutable reference to the inner reader.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use tokio_io::AsyncReadExt;
    ///
    /// let mut take = (&b"abc"[..]).take(1);
    /// let _inner = Pin::new(&mut take).get_pin_mut();
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut R> {
        self.project().0
    }

    /// Returns the inner reader.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let take = (&b"abc"[..]).take(1);
    /// assert_eq!(take.into_inner(), b"abc");
    /// ```
    pub fn into_inner(self) -> R {
        self.inner
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut R>, &mut u64) {
        // SAFETY: `inner` is structurally pinned: it is never moved out of a pinned `Take`
        // (only `into_inner` moves it, and that takes `self` by value), `Take` has no
        // `Drop`, and it is `Unpin` only when `R` is. `limit` is not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above; `me` came from a pinned reference and `inner` stays put.
        let inner = unsafe { Pin::new_unchecked(&mut me.inner) };
        (inner, &mut me.limit)
    }
}

impl<R: AsyncRead> AsyncRead for Take<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let (inner, limit) = self.project();
        if *limit == 0 {
            return Poll::Ready(Ok(0));
        }
        let max = buf.len().min(usize::try_from(*limit).unwrap_or(usize::MAX));
        let n = ready!(inner.poll_read(cx, &mut buf[..max]))?;
        assert!(n <= max, "{}", crate::errors::BAD_READ_LEN);
        *limit -= n as u64;
        Poll::Ready(Ok(n))
    }
}

impl<R: AsyncBufRead> AsyncBufRead for Take<R> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let (inner, limit) = self.project();
        if *limit == 0 {
            return Poll::Ready(Ok(&[]));
        }
        let buf = ready!(inner.poll_fill_buf(cx))?;
        let cap = buf.len().min(usize::try_from(*limit).unwrap_or(usize::MAX));
        Poll::Ready(Ok(&buf[..cap]))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let (inner, limit) = self.project();
        let amt = amt.min(usize::try_from(*limit).unwrap_or(usize::MAX));
        *limit -= amt as u64;
        inner.consume(amt);
    }
}
