use crate::AsyncRead;
use std::io;
use std::ops::DerefMut;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Reads bytes asynchronously from a source with an internal buffer.
///
/// ```
/// use std::pin::Pin;
/// use std::task::{Context, Poll};
/// use tokio_io::AsyncBufRead;
///
/// let mut reader: &[u8] = b"abc";
/// let waker = futures::task::noop_waker();
/// let mut cx = Context::from_waker(&waker);
/// match Pin::new(&mut reader).poll_fill_buf(&mut cx) {
///     Poll::Ready(Ok(buf)) => assert_eq!(buf, b"abc"),
///     _ => unreachable!(),
/// }
/// Pin::new(&mut reader).consume(2);
/// assert_eq!(reader, b"c");
/// ```
pub trait AsyncBufRead: AsyncRead {
    /// Returns the contents of the internal buffer, filling it from the inner reader when
    /// it is empty. An empty slice means end of stream.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use std::task::{Context, Poll};
    /// use tokio_io::AsyncBufRead;
    ///
    /// let mut reader: &[u8] = b"";
    /// let waker = futures::task::noop_waker();
    /// let mut cx = Context::from_waker(&waker);
    /// let end = Pin::new(&mut reader).poll_fill_buf(&mut cx);
    /// assert!(matches!(end, Poll::Ready(Ok(b)) if b.is_empty()));
    /// ```
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>>;

    /// Marks `amt` bytes of the buffer returned by `poll_fill_buf` as consumed.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use tokio_io::AsyncBufRead;
    ///
    /// let mut reader = std::io::Cursor::new(b"abc".to_vec());
    /// Pin::new(&mut reader).consume(1);
    /// assert_eq!(reader.position(), 1);
    /// ```
    fn consume(self: Pin<&mut Self>, amt: usize);
}

/// The body shared by the impls for pointers to an `Unpin` buffered reader.
macro_rules! deref_async_buf_read {
    () => {
        fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
            Pin::new(&mut **self.get_mut()).poll_fill_buf(cx)
        }

        fn consume(mut self: Pin<&mut Self>, amt: usize) {
            Pin::new(&mut **self).consume(amt)
        }
    };
}

impl<T: ?Sized + AsyncBufRead + Unpin> AsyncBufRead for Box<T> {
    deref_async_buf_read!();
}

impl<T: ?Sized + AsyncBufRead + Unpin> AsyncBufRead for &mut T {
    deref_async_buf_read!();
}

impl<P> AsyncBufRead for Pin<P>
where
    P: DerefMut + Unpin,
    P::Target: AsyncBufRead,
{
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.get_mut().as_mut().poll_fill_buf(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.get_mut().as_mut().consume(amt)
    }
}

impl AsyncBufRead for &[u8] {
    fn poll_fill_buf(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        Poll::Ready(Ok(*self.get_mut()))
    }

    fn consume(mut self: Pin<&mut Self>, amt: usize) {
        *self = &self[amt..];
    }
}

impl<T: AsRef<[u8]> + Unpin> AsyncBufRead for io::Cursor<T> {
    fn poll_fill_buf(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        Poll::Ready(io::BufRead::fill_buf(self.get_mut()))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        io::BufRead::consume(self.get_mut(), amt)
    }
}
