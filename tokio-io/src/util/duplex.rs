//! `duplex`: two in-memory pipes, one per direction.
//!
//! - Each `Pipe` is shared by one writing end and one reading end (`Arc` count 2).
//! - `buffer` holds at most `max_buf_size` bytes. A write takes what fits; with no room it
//!   stores the writer's waker and returns `Pending`. A read takes what is buffered; with
//!   nothing buffered it returns end of stream if the pipe is closed, else stores the
//!   reader's waker and returns `Pending`.
//! - Every change that can unblock the other side wakes it: a write wakes the reader, a
//!   read that frees room wakes the writer, closing wakes the reader. Wakers are taken
//!   under the lock and woken after it is released.
//! - Closing (the writing end's `shutdown` or drop) affects only that pipe: the peer reads
//!   what is buffered then end of stream. The peer's own writes toward a dropped end keep
//!   succeeding until `max_buf_size` bytes are buffered, then stay `Pending` (tokio 0.2's
//!   behaviour); writing to a pipe one has closed oneself is a `BrokenPipe` error.
use crate::loom::{self, sync::Arc, sync::Mutex};
use crate::{AsyncRead, AsyncWrite};
use bytes::{Buf, BytesMut};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// One end of an in-memory pipe pair created by [`duplex`]: what is written to one end is
/// read from the other.
///
/// ```
/// use tokio_io::{AsyncReadExt, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// let (mut client, mut server) = tokio_io::duplex(64);
/// client.write_all(b"ping").await.unwrap();
/// let mut buf = [0u8; 4];
/// server.read_exact(&mut buf).await.unwrap();
/// assert_eq!(&buf, b"ping");
/// # });
/// ```
pub struct DuplexStream {
    read: Arc<Mutex<Pipe>>,
    write: Arc<Mutex<Pipe>>,
}

struct Pipe {
    buffer: BytesMut,
    max_buf_size: usize,
    is_closed: bool,
    read_waker: Option<Waker>,
    write_waker: Option<Waker>,
}

/// Creates a connected pair of in-memory streams; each direction buffers at most
/// `max_buf_size` bytes before writes wait for the reader.
///
/// ```
/// use tokio_io::{AsyncReadExt, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// let (mut a, mut b) = tokio_io::duplex(8);
/// a.write_all(b"hi").await.unwrap();
/// drop(a); // b reads what was sent, then end of stream
/// let mut out = String::new();
/// b.read_to_string(&mut out).await.unwrap();
/// assert_eq!(out, "hi");
/// # });
/// ```
pub fn duplex(max_buf_size: usize) -> (DuplexStream, DuplexStream) {
    let one = Arc::new(Mutex::new(Pipe::new(max_buf_size)));
    let two = Arc::new(Mutex::new(Pipe::new(max_buf_size)));
    (
        DuplexStream {
            read: one.clone(),
            write: two.clone(),
        },
        DuplexStream {
            read: two,
            write: one,
        },
    )
}

fn store(slot: &mut Option<Waker>, cx: &Context<'_>) {
    match slot {
        Some(waker) if waker.will_wake(cx.waker()) => {}
        _ => *slot = Some(cx.waker().clone()),
    }
}

fn wake(waker: Option<Waker>) {
    if let Some(waker) = waker {
        waker.wake();
    }
}

impl Pipe {
    fn new(max_buf_size: usize) -> Self {
        Pipe {
            buffer: BytesMut::new(),
            max_buf_size,
            is_closed: false,
            read_waker: None,
            write_waker: None,
        }
    }

    /// Returns the result and the waker to wake once the lock is released.
    fn poll_read(
        &mut self,
        cx: &Context<'_>,
        buf: &mut [u8],
    ) -> (Poll<io::Result<usize>>, Option<Waker>) {
        if self.buffer.has_remaining() {
            let n = self.buffer.len().min(buf.len());
            buf[..n].copy_from_slice(&self.buffer[..n]);
            self.buffer.advance(n);
            let waker = if n > 0 { self.write_waker.take() } else { None };
            (Poll::Ready(Ok(n)), waker)
        } else if self.is_closed {
            (Poll::Ready(Ok(0)), None)
        } else {
            store(&mut self.read_waker, cx);
            (Poll::Pending, None)
        }
    }

    fn poll_write(
        &mut self,
        cx: &Context<'_>,
        buf: &[u8],
    ) -> (Poll<io::Result<usize>>, Option<Waker>) {
        if self.is_closed {
            return (Poll::Ready(Err(io::ErrorKind::BrokenPipe.into())), None);
        }
        let room = self.max_buf_size - self.buffer.len();
        if room == 0 && !buf.is_empty() {
            store(&mut self.write_waker, cx);
            return (Poll::Pending, None);
        }
        let n = room.min(buf.len());
        self.buffer.extend_from_slice(&buf[..n]);
        let waker = if n > 0 { self.read_waker.take() } else { None };
        (Poll::Ready(Ok(n)), waker)
    }

    fn close(&mut self) -> Option<Waker> {
        self.is_closed = true;
        self.read_waker.take()
    }
}

impl AsyncRead for DuplexStream {
    unsafe fn prepare_uninitialized_buffer(&self, _buf: &mut [std::mem::MaybeUninit<u8>]) -> bool {
        // Reads only copy into the destination.
        false
    }

    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let (res, waker) = loom::lock(&self.read).poll_read(cx, buf);
        wake(waker);
        res
    }
}

impl AsyncWrite for DuplexStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let (res, waker) = loom::lock(&self.write).poll_write(cx, buf);
        wake(waker);
        res
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let waker = loom::lock(&self.write).close();
        wake(waker);
        Poll::Ready(Ok(()))
    }
}

impl Drop for DuplexStream {
    fn drop(&mut self) {
        // Only the outgoing direction closes; see the module doc.
        let waker = loom::lock(&self.write).close();
        wake(waker);
    }
}

impl fmt::Debug for DuplexStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DuplexStream").finish_non_exhaustive()
    }
}
