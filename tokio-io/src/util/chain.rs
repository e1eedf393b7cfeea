use crate::{AsyncBufRead, AsyncRead};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Two readers, one after the other; see
/// [`AsyncReadExt::chain`](crate::AsyncReadExt::chain).
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut chain = (&b"ab"[..]).chain(&b"cd"[..]);
/// let mut out = Vec::new();
/// chain.read_to_end(&mut out).await.unwrap();
/// assert_eq!(out, b"abcd");
/// # });
/// ```
#[must_use = "readers do nothing unless you read from them"]
pub struct Chain<T, U> {
    /// Structurally pinned.
    first: T,
    /// Structurally pinned.
    second: U,
    done_first: bool,
}

impl<T, U> Chain<T, U> {
    pub(crate) fn new(first: T, second: U) -> Self {
        Chain {
            first,
            second,
            done_first: false,
        }
    }

    /// Returns references to the two readers.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let chain = (&b"a"[..]).chain(&b"b"[..]);
    /// let (first, second) = chain.get_ref();
    /// assert_eq!((*first, *second), (&b"a"[..], &b"b"[..]));
    /// ```
    pub fn get_ref(&self) -> (&T, &U) {
        (&self.first, &self.second)
    }

    /// Returns mutable references to the two readers.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let mut chain = (&b"a"[..]).chain(&b"b"[..]);
    /// let (_first, second) = chain.get_mut();
    /// *second = &b"c"[..];
    /// ```
    pub fn get_mut(&mut self) -> (&mut T, &mut U) {
        (&mut self.first, &mut self.second)
    }

    /// Returns pinned mutable references to the two readers.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use tokio_io::AsyncReadExt;
    ///
    /// let mut chain = (&b"a"[..]).chain(&b"b"[..]);
    /// let (_first, _second) = Pin::new(&mut chain).get_pin_mut();
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> (Pin<&mut T>, Pin<&mut U>) {
        let (first, second, _) = self.project();
        (first, second)
    }

    /// Returns the two readers.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// let chain = (&b"a"[..]).chain(&b"b"[..]);
    /// let (first, second) = chain.into_inner();
    /// assert_eq!((first, second), (&b"a"[..], &b"b"[..]));
    /// ```
    pub fn into_inner(self) -> (T, U) {
        (self.first, self.second)
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut T>, Pin<&mut U>, &mut bool) {
        // SAFETY: `first` and `second` are structurally pinned: neither is moved out of a
        // pinned `Chain` (only `into_inner` moves them, by value), `Chain` has no `Drop`,
        // and it is `Unpin` only when both are. `done_first` is not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let first = unsafe { Pin::new_unchecked(&mut me.first) };
        // SAFETY: as above.
        let second = unsafe { Pin::new_unchecked(&mut me.second) };
        (first, second, &mut me.done_first)
    }
}

impl<T: fmt::Debug, U: fmt::Debug> fmt::Debug for Chain<T, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Chain")
            .field("t", &self.first)
            .field("u", &self.second)
            .finish()
    }
}

impl<T: AsyncRead, U: AsyncRead> AsyncRead for Chain<T, U> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let (first, second, done_first) = self.project();
        if !*done_first {
            match ready!(first.poll_read(cx, buf))? {
                0 if !buf.is_empty() => *done_first = true,
                n => return Poll::Ready(Ok(n)),
            }
        }
        second.poll_read(cx, buf)
    }
}

impl<T: AsyncBufRead, U: AsyncBufRead> AsyncBufRead for Chain<T, U> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let (first, second, done_first) = self.project();
        if !*done_first {
            match ready!(first.poll_fill_buf(cx))? {
                [] => *done_first = true,
                buf => return Poll::Ready(Ok(buf)),
            }
        }
        second.poll_fill_buf(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let (first, second, done_first) = self.project();
        if *done_first {
            second.consume(amt)
        } else {
            first.consume(amt)
        }
    }
}
