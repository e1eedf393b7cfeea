use crate::AsyncWrite;
use bytes::Buf;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// `copy`'s error for a writer that accepts nothing (0.2's text: "write zero byte into
/// writer").
pub(crate) fn write_zero() -> io::Error {
    io::Error::new(io::ErrorKind::WriteZero, "write zero byte into writer")
}

/// `write_all`'s and the integer writers' error for a writer that accepts nothing: the bare
/// kind, as in 0.2 (its text is the kind's own, "write zero").
pub(crate) fn write_zero_kind() -> io::Error {
    io::ErrorKind::WriteZero.into()
}

/// The future of [`AsyncWriteExt::write`](crate::AsyncWriteExt::write): one write from a
/// slice.
///
/// Cancellation-safe: dropping it before completion writes nothing.
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// assert_eq!(out.write(b"abc").await.unwrap(), 3);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Write<'a, W: ?Sized> {
    writer: &'a mut W,
    buf: &'a [u8],
}

impl<'a, W: ?Sized> Write<'a, W> {
    pub(crate) fn new(writer: &'a mut W, buf: &'a [u8]) -> Self {
        Write { writer, buf }
    }
}

impl<W: AsyncWrite + Unpin + ?Sized> Future for Write<'_, W> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        Pin::new(&mut *me.writer).poll_write(cx, me.buf)
    }
}

/// The future of [`AsyncWriteExt::write_all`](crate::AsyncWriteExt::write_all): writes until
/// the whole slice is accepted; a writer that accepts nothing is a `WriteZero` error.
///
/// Not cancellation-safe: part of the slice may have been written if it is dropped.
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// out.write_all(b"hello").await.unwrap();
/// assert_eq!(out, b"hello");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct WriteAll<'a, W: ?Sized> {
    writer: &'a mut W,
    buf: &'a [u8],
}

impl<'a, W: ?Sized> WriteAll<'a, W> {
    pub(crate) fn new(writer: &'a mut W, buf: &'a [u8]) -> Self {
        WriteAll { writer, buf }
    }
}

impl<W: AsyncWrite + Unpin + ?Sized> Future for WriteAll<'_, W> {
    type Output = io::Result<()>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let me = self.get_mut();
        while !me.buf.is_empty() {
            let n = ready!(Pin::new(&mut *me.writer).poll_write(cx, me.buf))?;
            if n == 0 {
                return Poll::Ready(Err(write_zero_kind()));
            }
            me.buf = &me.buf[n..];
        }
        Poll::Ready(Ok(()))
    }
}

/// The future of [`AsyncWriteExt::write_buf`](crate::AsyncWriteExt::write_buf): one write
/// from a [`Buf`], which is advanced by the bytes written.
///
/// Cancellation-safe: dropping it before completion writes nothing.
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// let mut src = std::io::Cursor::new(b"abc".to_vec());
/// assert_eq!(out.write_buf(&mut src).await.unwrap(), 3);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct WriteBuf<'a, W, B> {
    writer: &'a mut W,
    buf: &'a mut B,
}

impl<'a, W, B> WriteBuf<'a, W, B> {
    pub(crate) fn new(writer: &'a mut W, buf: &'a mut B) -> Self {
        WriteBuf { writer, buf }
    }
}

impl<W: AsyncWrite + Unpin, B: Buf> Future for WriteBuf<'_, W, B> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        Pin::new(&mut *me.writer).poll_write_buf(cx, me.buf)
    }
}

/// The future of [`AsyncWriteExt::flush`](crate::AsyncWriteExt::flush).
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// out.flush().await.unwrap();
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Flush<'a, W: ?Sized> {
    writer: &'a mut W,
}

impl<'a, W: ?Sized> Flush<'a, W> {
    pub(crate) fn new(writer: &'a mut W) -> Self {
        Flush { writer }
    }
}

impl<W: AsyncWrite + Unpin + ?Sized> Future for Flush<'_, W> {
    type Output = io::Result<()>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.get_mut().writer).poll_flush(cx)
    }
}

/// The future of [`AsyncWriteExt::shutdown`](crate::AsyncWriteExt::shutdown).
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// out.shutdown().await.unwrap();
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Shutdown<'a, W: ?Sized> {
    writer: &'a mut W,
}

impl<'a, W: ?Sized> Shutdown<'a, W> {
    pub(crate) fn new(writer: &'a mut W) -> Self {
        Shutdown { writer }
    }
}

impl<W: AsyncWrite + Unpin + ?Sized> Future for Shutdown<'_, W> {
    type Output = io::Result<()>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.get_mut().writer).poll_shutdown(cx)
    }
}
