use crate::AsyncRead;
use bytes::BufMut;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The future of [`AsyncReadExt::read`](crate::AsyncReadExt::read): one read into a slice.
///
/// Cancellation-safe: dropping it before completion reads nothing.
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"abc";
/// let mut buf = [0u8; 2];
/// assert_eq!(reader.read(&mut buf).await.unwrap(), 2);
/// # });
/// ```
///
/// Reading by `&mut` needs an `Unpin` reader (pin it first otherwise):
///
/// ```compile_fail
/// use tokio_io::{AsyncRead, AsyncReadExt};
///
/// async fn f<R: AsyncRead>(mut r: R) {
///     let mut buf = [0u8; 1];
///     r.read(&mut buf).await.unwrap();
/// }
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Read<'a, R: ?Sized> {
    reader: &'a mut R,
    buf: &'a mut [u8],
}

impl<'a, R: ?Sized> Read<'a, R> {
    pub(crate) fn new(reader: &'a mut R, buf: &'a mut [u8]) -> Self {
        Read { reader, buf }
    }
}

impl<R: AsyncRead + Unpin + ?Sized> Future for Read<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        Pin::new(&mut *me.reader).poll_read(cx, me.buf)
    }
}

/// The future of [`AsyncReadExt::read_exact`](crate::AsyncReadExt::read_exact): reads until
/// the slice is full; end of stream first is an `UnexpectedEof` error.
///
/// Not cancellation-safe: bytes already read are lost if it is dropped.
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"ab";
/// let mut buf = [0u8; 3];
/// let err = reader.read_exact(&mut buf).await.unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadExact<'a, R: ?Sized> {
    reader: &'a mut R,
    buf: &'a mut [u8],
    filled: usize,
}

impl<'a, R: ?Sized> ReadExact<'a, R> {
    pub(crate) fn new(reader: &'a mut R, buf: &'a mut [u8]) -> Self {
        ReadExact {
            reader,
            buf,
            filled: 0,
        }
    }
}

/// `read_exact`'s error for a stream that ends first (0.2's text: "early eof").
pub(crate) fn eof() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "early eof")
}

/// The integer readers' error for a stream that ends first: the bare kind, as in 0.2
/// (its text is the kind's own, "unexpected end of file").
pub(crate) fn eof_kind() -> io::Error {
    io::ErrorKind::UnexpectedEof.into()
}

impl<R: AsyncRead + Unpin + ?Sized> Future for ReadExact<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        while me.filled < me.buf.len() {
            let n = ready!(Pin::new(&mut *me.reader).poll_read(cx, &mut me.buf[me.filled..]))?;
            if n == 0 {
                return Poll::Ready(Err(eof()));
            }
            me.filled += n;
        }
        Poll::Ready(Ok(me.filled))
    }
}

/// The future of [`AsyncReadExt::read_buf`](crate::AsyncReadExt::read_buf): one read into a
/// [`BufMut`], which is advanced by the bytes read.
///
/// Cancellation-safe: dropping it before completion reads nothing.
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"abc";
/// let mut out = Vec::with_capacity(8);
/// assert_eq!(reader.read_buf(&mut out).await.unwrap(), 3);
/// assert_eq!(out, b"abc");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadBuf<'a, R, B> {
    reader: &'a mut R,
    buf: &'a mut B,
}

impl<'a, R, B> ReadBuf<'a, R, B> {
    pub(crate) fn new(reader: &'a mut R, buf: &'a mut B) -> Self {
        ReadBuf { reader, buf }
    }
}

impl<R: AsyncRead + Unpin, B: BufMut> Future for ReadBuf<'_, R, B> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        Pin::new(&mut *me.reader).poll_read_buf(cx, me.buf)
    }
}
