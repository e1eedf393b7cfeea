//! `copy`: moves bytes from a reader to a writer through one buffer.
//!
//! State: `buf[pos..cap]` holds bytes read but not yet written. The steps of a poll, each
//! of which may return `Pending` and is resumed from the same state:
//! 1. if the buffer is drained and the reader is not done, read into the whole buffer
//!    (a read of 0 marks the reader done); while that read is pending, flush what was
//!    written so far, so a buffered writer does not sit on data the peer is waiting for;
//! 2. write `buf[pos..cap]` until drained (a write of 0 is `WriteZero`);
//! 3. once the reader is done and the buffer drained, flush the writer and finish.
use crate::future::write_zero;
use crate::{AsyncRead, AsyncWrite};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The size of the one buffer a copy allocates.
const BUF_SIZE: usize = 8 * 1024;

/// The future of [`copy`]: yields the number of bytes copied.
///
/// ```
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"payload";
/// let mut writer = Vec::new();
/// let copy = tokio_io::copy(&mut reader, &mut writer);
/// assert_eq!(copy.await.unwrap(), 7);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Copy<'a, R: ?Sized, W: ?Sized> {
    reader: &'a mut R,
    writer: &'a mut W,
    buf: Box<[u8]>,
    pos: usize,
    cap: usize,
    amt: u64,
    read_done: bool,
    need_flush: bool,
}

/// Copies everything `reader` yields into `writer`, then flushes `writer`, and yields the
/// number of bytes copied.
///
/// One buffer is allocated for the whole copy; polls do not allocate. Partial writes and
/// `Pending` at any step resume where they stopped.
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let (mut a, mut b) = tokio_io::duplex(64);
/// a.write_all(b"through the pipe").await.unwrap();
/// a.shutdown().await.unwrap();
/// let mut out = Vec::new();
/// assert_eq!(tokio_io::copy(&mut b, &mut out).await.unwrap(), 16);
/// assert_eq!(out, b"through the pipe");
/// # });
/// ```
pub fn copy<'a, R, W>(reader: &'a mut R, writer: &'a mut W) -> Copy<'a, R, W>
where
    R: AsyncRead + Unpin + ?Sized,
    W: AsyncWrite + Unpin + ?Sized,
{
    Copy {
        reader,
        writer,
        buf: vec![0; BUF_SIZE].into_boxed_slice(),
        pos: 0,
        cap: 0,
        amt: 0,
        read_done: false,
        need_flush: false,
    }
}

impl<R, W> Copy<'_, R, W>
where
    R: AsyncRead + Unpin + ?Sized,
    W: AsyncWrite + Unpin + ?Sized,
{
    /// Step 1: refill the drained buffer.
    fn poll_fill(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut *self.reader).poll_read(cx, &mut self.buf) {
            Poll::Ready(Ok(0)) => self.read_done = true,
            Poll::Ready(Ok(n)) => {
                self.pos = 0;
                self.cap = n;
            }
            Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
            Poll::Pending => {
                if self.need_flush {
                    ready!(Pin::new(&mut *self.writer).poll_flush(cx))?;
                    self.need_flush = false;
                }
                return Poll::Pending;
            }
        }
        Poll::Ready(Ok(()))
    }

    /// Step 2: write out what the buffer holds.
    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.pos < self.cap {
            let n =
                ready!(Pin::new(&mut *self.writer).poll_write(cx, &self.buf[self.pos..self.cap]))?;
            if n == 0 {
                return Poll::Ready(Err(write_zero()));
            }
            self.pos += n;
            self.amt += n as u64;
            self.need_flush = true;
        }
        Poll::Ready(Ok(()))
    }
}

impl<R, W> Future for Copy<'_, R, W>
where
    R: AsyncRead + Unpin + ?Sized,
    W: AsyncWrite + Unpin + ?Sized,
{
    type Output = io::Result<u64>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        let me = self.get_mut();
        loop {
            if me.pos == me.cap && !me.read_done {
                ready!(me.poll_fill(cx))?;
            }
            ready!(me.poll_drain(cx))?;
            if me.read_done {
                // Step 3.
                ready!(Pin::new(&mut *me.writer).poll_flush(cx))?;
                return Poll::Ready(Ok(me.amt));
            }
        }
    }
}
