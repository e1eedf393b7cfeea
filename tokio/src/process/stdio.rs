//! The parent's ends of a child's standard streams.
//!
//! Invariant: each handle owns one pipe end, switched to non-blocking mode and registered
//! with the reactor of the runtime that spawned the child, so reads and writes wait for
//! readiness instead of blocking a worker thread. Dropping a handle closes its pipe end
//! (for stdin, that is how the child sees end of input).

use mio::unix::pipe::{Receiver, Sender};
use std::fmt;
use std::io;
use std::os::unix::io::{AsRawFd, RawFd};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio_io::{AsyncRead, AsyncWrite};
use tokio_net::driver::{Interest, PollEvented};

/// The parent's handle to a child's standard input: an [`AsyncWrite`].
///
/// Present in [`Child::stdin`](super::Child::stdin) when the command was configured with
/// `stdin(Stdio::piped())`. Drop it to close the child's input.
pub struct ChildStdin {
    inner: PollEvented<Sender>,
}

/// The parent's handle to a child's standard output: an [`AsyncRead`].
///
/// Present in [`Child::stdout`](super::Child::stdout) when the command was configured with
/// `stdout(Stdio::piped())`.
pub struct ChildStdout {
    inner: PollEvented<Receiver>,
}

/// The parent's handle to a child's standard error: an [`AsyncRead`].
///
/// Present in [`Child::stderr`](super::Child::stderr) when the command was configured with
/// `stderr(Stdio::piped())`.
pub struct ChildStderr {
    inner: PollEvented<Receiver>,
}

impl ChildStdin {
    pub(crate) fn new(std: std::process::ChildStdin) -> io::Result<ChildStdin> {
        let pipe = Sender::from(std);
        pipe.set_nonblocking(true)?;
        let inner = PollEvented::new_with_interest(pipe, Interest::WRITABLE)?;
        Ok(ChildStdin { inner })
    }
}

impl ChildStdout {
    pub(crate) fn new(std: std::process::ChildStdout) -> io::Result<ChildStdout> {
        let inner = receiver(Receiver::from(std))?;
        Ok(ChildStdout { inner })
    }
}

impl ChildStderr {
    pub(crate) fn new(std: std::process::ChildStderr) -> io::Result<ChildStderr> {
        let inner = receiver(Receiver::from(std))?;
        Ok(ChildStderr { inner })
    }
}

fn receiver(pipe: Receiver) -> io::Result<PollEvented<Receiver>> {
    pipe.set_nonblocking(true)?;
    PollEvented::new_with_interest(pipe, Interest::READABLE)
}

impl AsyncWrite for ChildStdin {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    /// Pipes have no user-space buffer: flushing completes at once.
    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    /// Completes at once; drop the handle to close the child's input.
    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for ChildStdout {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncRead for ChildStderr {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsRawFd for ChildStdin {
    fn as_raw_fd(&self) -> RawFd {
        self.inner.get_ref().as_raw_fd()
    }
}

impl AsRawFd for ChildStdout {
    fn as_raw_fd(&self) -> RawFd {
        self.inner.get_ref().as_raw_fd()
    }
}

impl AsRawFd for ChildStderr {
    fn as_raw_fd(&self) -> RawFd {
        self.inner.get_ref().as_raw_fd()
    }
}

impl fmt::Debug for ChildStdin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildStdin")
            .field("fd", &self.as_raw_fd())
            .finish()
    }
}

impl fmt::Debug for ChildStdout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildStdout")
            .field("fd", &self.as_raw_fd())
            .finish()
    }
}

impl fmt::Debug for ChildStderr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildStderr")
            .field("fd", &self.as_raw_fd())
            .finish()
    }
}
