//! `PollEvented`: a mio source together with its registration.

use super::ready::{Direction, Ready};
use super::registration::Registration;
use super::Handle;
use crate::errors;
use bytes::Buf;
use mio::event::Source;
use mio::Interest;
use std::fmt;
use std::io::{self, IoSlice, Read, Write};
use std::panic::Location;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio_io::{AsyncRead, AsyncWrite};

/// Maximum number of buffers handed to one vectored write.
const MAX_IOVECS: usize = 64;

/// A mio source bound to the current reactor, with readiness-driven async operations.
///
/// Binding is eager: [`PollEvented::new`] registers with the current reactor and panics
/// when there is none. Dropping a `PollEvented` deregisters the source.
///
/// ```
/// use tokio_net::driver::{set_default, PollEvented, Reactor};
///
/// let reactor = Reactor::new().unwrap();
/// let _g = set_default(&reactor.handle());
/// let sock = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
/// let io = PollEvented::new(sock).unwrap();
/// assert!(io.get_ref().local_addr().is_ok());
/// let sock: mio::net::UdpSocket = io.into_inner().unwrap();
/// # drop(sock);
/// ```
pub struct PollEvented<E: Source> {
    io: Option<E>,
    registration: Registration,
}

impl<E: Source> PollEvented<E> {
    /// Registers `io` with the current reactor for reading and writing.
    ///
    /// # Panics
    ///
    /// Panics when there is no current reactor (outside a runtime, or in a runtime
    /// without I/O enabled).
    #[track_caller]
    pub fn new(io: E) -> io::Result<Self> {
        Self::new_with_interest(io, Interest::READABLE | Interest::WRITABLE)
    }

    /// Registers `io` with the current reactor for `interest` (mio 1's equivalent of
    /// 0.2's `new_with_ready`).
    ///
    /// # Panics
    ///
    /// As [`PollEvented::new`].
    #[track_caller]
    pub fn new_with_interest(mut io: E, interest: Interest) -> io::Result<Self> {
        let registration = Registration::new_with_interest(&mut io, interest)?;
        Ok(PollEvented {
            io: Some(io),
            registration,
        })
    }

    /// Registers with the current reactor; a panic names `caller`.
    #[track_caller]
    pub(crate) fn new_at(
        mut io: E,
        interest: Interest,
        caller: &'static Location<'static>,
    ) -> io::Result<Self> {
        let registration = Registration::new_at(&mut io, interest, caller)?;
        Ok(PollEvented {
            io: Some(io),
            registration,
        })
    }

    /// Registers with a given reactor.
    pub(crate) fn with_handle(mut io: E, interest: Interest, handle: Handle) -> io::Result<Self> {
        let registration = Registration::with_handle(&mut io, interest, handle)?;
        Ok(PollEvented {
            io: Some(io),
            registration,
        })
    }

    /// A shared reference to the source.
    pub fn get_ref(&self) -> &E {
        self.io
            .as_ref()
            .expect("PollEvented source present until into_inner")
    }

    /// A mutable reference to the source.
    pub fn get_mut(&mut self) -> &mut E {
        self.io
            .as_mut()
            .expect("PollEvented source present until into_inner")
    }

    /// Deregisters the source and returns it.
    pub fn into_inner(mut self) -> io::Result<E> {
        let mut io = self
            .io
            .take()
            .expect("PollEvented source present until into_inner");
        self.registration.deregister(&mut io)?;
        Ok(io)
    }

    /// Polls for read readiness in `mask`, as tokio 0.2 does.
    ///
    /// Only the bits of `mask` count, plus read-closed and error, which always do (a
    /// closed or failed resource must not leave its reader waiting forever). So
    /// `Ready::readable()` waits for data (or the end), and `Ready::priority()` waits for
    /// out-of-band data only: readable-only readiness leaves such a poll `Pending`. The
    /// returned value is the observed readiness within that effective mask. After an
    /// operation fails with `WouldBlock`, call [`clear_read_ready`](Self::clear_read_ready).
    ///
    /// # Panics
    ///
    /// Panics when `mask` contains `Ready::writable()` (use
    /// [`poll_write_ready`](Self::poll_write_ready)).
    ///
    /// ```
    /// use tokio_net::driver::{set_default, PollEvented, Ready, Reactor};
    /// use std::task::Context;
    ///
    /// let reactor = Reactor::new().unwrap();
    /// let _g = set_default(&reactor.handle());
    /// let sock = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
    /// let io = PollEvented::new(sock).unwrap();
    /// let mut cx = Context::from_waker(futures::task::noop_waker_ref());
    /// // Nothing received and no reactor turn yet: not ready.
    /// assert!(io.poll_read_ready(&mut cx, Ready::readable()).is_pending());
    /// ```
    #[track_caller]
    pub fn poll_read_ready(&self, cx: &mut Context<'_>, mask: Ready) -> Poll<io::Result<Ready>> {
        if mask.is_writable() {
            errors::write_in_read_mask();
        }
        let effective = mask | Ready::read_closed() | Ready::error();
        self.registration
            .poll_public_masked(cx, Direction::Read, effective)
    }

    /// Clears the read readiness observed by the last `poll_read_ready` (unless a newer
    /// event arrived since) and, if the resource is now not ready, registers the task to
    /// be woken when it is.
    pub fn clear_read_ready(&self, cx: &mut Context<'_>, ready: Ready) -> io::Result<()> {
        self.registration.clear_observed(Direction::Read, ready);
        rearm(self.registration.poll_read_ready(cx), cx)
    }

    /// Polls for write readiness.
    pub fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<Ready>> {
        self.registration.poll_write_ready(cx)
    }

    /// Clears the write readiness observed by the last `poll_write_ready` and registers
    /// the task when the resource is now not ready.
    pub fn clear_write_ready(&self, cx: &mut Context<'_>) -> io::Result<()> {
        self.registration
            .clear_observed(Direction::Write, Ready::writable());
        rearm(self.registration.poll_write_ready(cx), cx)
    }

    pub(crate) fn registration(&self) -> &Registration {
        &self.registration
    }

    /// Runs `op` on the source until it stops returning `WouldBlock`.
    pub(crate) fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        mut op: impl FnMut(&E) -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        let io = self.get_ref();
        self.registration.poll_io(cx, dir, || op(io))
    }

    /// Runs `op` once (for the `try_*` operations).
    pub(crate) fn try_io<R>(
        &self,
        dir: Direction,
        op: impl FnOnce(&E) -> io::Result<R>,
    ) -> io::Result<R> {
        let io = self.get_ref();
        self.registration.try_io(dir, || op(io))
    }
}

/// Reads and writes through `&E` (sockets implement `Read`/`Write` for references).
impl<E: Source> PollEvented<E>
where
    for<'a> &'a E: Read + Write,
{
    /// Reads into `buf`. A short read (fewer bytes than asked) means the socket buffer
    /// is drained, so readiness is cleared at once instead of paying a `WouldBlock`
    /// syscall on the next call (stream sockets only: a datagram says nothing about the
    /// next one).
    pub(crate) fn poll_read_ref(
        &self,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let len = buf.len();
        self.poll_stream_io(cx, Direction::Read, len, |mut io| io.read(buf))
    }

    /// Writes from `buf`; a short write clears write readiness (the send buffer is full).
    pub(crate) fn poll_write_ref(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_stream_io(cx, Direction::Write, buf.len(), |mut io| io.write(buf))
    }

    /// `poll_io` for stream sockets: also clears readiness after a short transfer.
    fn poll_stream_io(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        len: usize,
        mut op: impl FnMut(&E) -> io::Result<usize>,
    ) -> Poll<io::Result<usize>> {
        let io = self.get_ref();
        self.registration
            .poll_io_drained(cx, dir, || op(io), |&n| n > 0 && n < len)
    }

    /// Writes as many of `buf`'s chunks as one `writev` takes, then advances `buf`.
    pub(crate) fn poll_write_buf_ref<B: Buf>(
        &self,
        cx: &mut Context<'_>,
        buf: &mut B,
    ) -> Poll<io::Result<usize>> {
        if !buf.has_remaining() {
            return Poll::Ready(Ok(0));
        }
        let res = {
            let mut slices = [IoSlice::new(&[]); MAX_IOVECS];
            let n = buf.chunks_vectored(&mut slices);
            let slices = &slices[..n];
            let len = slices.iter().map(|s| s.len()).sum();
            self.poll_stream_io(cx, Direction::Write, len, |mut io| {
                io.write_vectored(slices)
            })
        };
        if let Poll::Ready(Ok(n)) = res {
            buf.advance(n);
        }
        res
    }
}

/// After a clear: when readiness is still set (a newer event arrived), wake the task so
/// a caller that returns `Pending` is polled again instead of sleeping through it.
fn rearm(poll: Poll<io::Result<Ready>>, cx: &mut Context<'_>) -> io::Result<()> {
    match poll {
        Poll::Ready(Err(e)) => Err(e),
        Poll::Ready(Ok(_)) => {
            cx.waker().wake_by_ref();
            Ok(())
        }
        Poll::Pending => Ok(()),
    }
}

impl<E: Source> Drop for PollEvented<E> {
    fn drop(&mut self) {
        if let Some(mut io) = self.io.take() {
            // Best effort: closing the fd removes it from epoll anyway.
            let _ = self.registration.deregister(&mut io);
        }
    }
}

impl<E: Source + Read + Unpin> AsyncRead for PollEvented<E> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let io = this
            .io
            .as_mut()
            .expect("PollEvented source present until into_inner");
        this.registration
            .poll_io(cx, Direction::Read, || io.read(buf))
    }
}

impl<E: Source + Write + Unpin> AsyncWrite for PollEvented<E> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let io = this
            .io
            .as_mut()
            .expect("PollEvented source present until into_inner");
        this.registration
            .poll_io(cx, Direction::Write, || io.write(buf))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let io = this
            .io
            .as_mut()
            .expect("PollEvented source present until into_inner");
        this.registration
            .poll_io(cx, Direction::Write, || io.flush())
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl<E: Source + fmt::Debug> fmt::Debug for PollEvented<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PollEvented").field("io", &self.io).finish()
    }
}
