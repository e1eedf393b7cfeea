//! Test helpers: a mock that makes every step hard (`Choppy`), and small executors.
#![allow(dead_code)]

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio_io::{AsyncBufRead, AsyncRead, AsyncWrite};

pub use futures::executor::block_on;

/// Wraps a reader/writer so that every other poll returns `Pending` (after waking the
/// task, so executors keep polling), and the polls that do go through see a buffer cut
/// down to 1, 2 or 3 bytes in turn: short reads and short writes at every step.
#[derive(Debug)]
pub struct Choppy<T> {
    pub inner: T,
    polls: usize,
    pub pendings: usize,
}

impl<T> Choppy<T> {
    pub fn new(inner: T) -> Self {
        Choppy {
            inner,
            polls: 0,
            pendings: 0,
        }
    }

    /// Returns `None` when this poll must be `Pending`, else the chunk limit to apply.
    fn step(&mut self, cx: &mut Context<'_>) -> Option<usize> {
        self.polls += 1;
        if self.polls % 2 == 1 {
            self.pendings += 1;
            cx.waker().wake_by_ref();
            None
        } else {
            Some((self.polls / 2) % 3 + 1)
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Choppy<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let me = &mut *self;
        match me.step(cx) {
            None => Poll::Pending,
            Some(limit) => {
                let n = buf.len().min(limit);
                Pin::new(&mut me.inner).poll_read(cx, &mut buf[..n])
            }
        }
    }
}

impl<T: AsyncBufRead + Unpin> AsyncBufRead for Choppy<T> {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let me = self.get_mut();
        match me.step(cx) {
            None => Poll::Pending,
            Some(limit) => match Pin::new(&mut me.inner).poll_fill_buf(cx) {
                Poll::Ready(Ok(buf)) => Poll::Ready(Ok(&buf[..buf.len().min(limit)])),
                other => other,
            },
        }
    }

    fn consume(mut self: Pin<&mut Self>, amt: usize) {
        Pin::new(&mut self.inner).consume(amt)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Choppy<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let me = &mut *self;
        match me.step(cx) {
            None => Poll::Pending,
            Some(limit) => {
                let n = buf.len().min(limit);
                Pin::new(&mut me.inner).poll_write(cx, &buf[..n])
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let me = &mut *self;
        match me.step(cx) {
            None => Poll::Pending,
            Some(_) => Pin::new(&mut me.inner).poll_flush(cx),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let me = &mut *self;
        match me.step(cx) {
            None => Poll::Pending,
            Some(_) => Pin::new(&mut me.inner).poll_shutdown(cx),
        }
    }
}

/// A writer that records what it was given and counts flushes and shutdowns.
#[derive(Debug, Default)]
pub struct Recorder {
    pub data: Vec<u8>,
    pub flushes: usize,
    pub shutdowns: usize,
}

impl AsyncWrite for Recorder {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.data.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.flushes += 1;
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.shutdowns += 1;
        Poll::Ready(Ok(()))
    }
}

/// A writer that accepts nothing: every write returns `Ok(0)`.
#[derive(Debug)]
pub struct ZeroWriter;

impl AsyncWrite for ZeroWriter {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, _: &[u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(Ok(0))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Deterministic pseudo-random bytes.
pub fn pattern(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// A reader that yields `data` and then fails with an `Other` error "whoops".
#[derive(Debug)]
pub struct FailAfter<'a> {
    pub data: &'a [u8],
}

impl AsyncRead for FailAfter<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        if self.data.is_empty() {
            return Poll::Ready(Err(io::Error::other("whoops")));
        }
        let n = self.data.len().min(buf.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Poll::Ready(Ok(n))
    }
}
