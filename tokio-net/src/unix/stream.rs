use super::split::{split, ReadHalf, WriteHalf};
use super::split_owned::{split_owned, OwnedReadHalf, OwnedWriteHalf};
use super::UCred;
use crate::driver::{Direction, Handle, Interest, PollEvented};
use crate::sys;
use bytes::Buf;
use std::convert::TryFrom;
use std::fmt;
use std::future::{poll_fn, Future};
use std::io;
use std::mem::MaybeUninit;
use std::net::Shutdown;
use std::os::unix::io::{AsRawFd, RawFd};
use std::os::unix::net::SocketAddr;
use std::panic::Location;
use std::path::Path;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio_io::{AsyncRead, AsyncWrite};

/// A connected Unix stream socket.
///
/// ```no_run
/// use tokio_net::unix::UnixStream;
/// # async fn run() -> std::io::Result<()> {
/// let (a, b) = UnixStream::pair()?;
/// # drop((a, b)); Ok(()) }
/// ```
pub struct UnixStream {
    io: PollEvented<mio::net::UnixStream>,
}

const BOTH: Interest = Interest::READABLE.add(Interest::WRITABLE);

impl UnixStream {
    /// Connects to the socket at `path`.
    ///
    /// # Panics
    ///
    /// The returned future panics on its first poll outside a runtime (no current reactor).
    #[track_caller]
    pub fn connect<P: AsRef<Path>>(path: P) -> impl Future<Output = io::Result<UnixStream>> {
        let caller = Location::caller();
        async move {
            let sys = mio::net::UnixStream::connect(path)?;
            let stream = UnixStream {
                io: PollEvented::new_at(sys, BOTH, caller)?,
            };
            poll_fn(|cx| stream.poll_connected(cx)).await?;
            Ok(stream)
        }
    }

    fn poll_connected(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.io.registration().poll_ready(cx, Direction::Write))?;
        match self.io.get_ref().take_error()? {
            Some(e) => Poll::Ready(Err(e)),
            None => Poll::Ready(Ok(())),
        }
    }

    pub(crate) fn with_handle(sys: mio::net::UnixStream, handle: Handle) -> io::Result<UnixStream> {
        Ok(UnixStream {
            io: PollEvented::with_handle(sys, BOTH, handle)?,
        })
    }

    /// Wraps a std stream, switching it to non-blocking mode.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(stream: std::os::unix::net::UnixStream) -> io::Result<UnixStream> {
        stream.set_nonblocking(true)?;
        let io = PollEvented::new_with_interest(mio::net::UnixStream::from_std(stream), BOTH)?;
        Ok(UnixStream { io })
    }

    /// Creates an unnamed pair of connected sockets.
    ///
    /// ```
    /// # let reactor = tokio_net::driver::Reactor::new().unwrap();
    /// # let _g = tokio_net::driver::set_default(&reactor.handle());
    /// let (a, b) = tokio_net::unix::UnixStream::pair().unwrap();
    /// assert_eq!(a.peer_cred().unwrap(), b.peer_cred().unwrap());
    /// ```
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn pair() -> io::Result<(UnixStream, UnixStream)> {
        let (a, b) = mio::net::UnixStream::pair()?;
        let a = PollEvented::new_with_interest(a, BOTH)?;
        let b = PollEvented::new_with_interest(b, BOTH)?;
        Ok((UnixStream { io: a }, UnixStream { io: b }))
    }

    /// The local address of this socket.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// The address of the peer.
    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().peer_addr()
    }

    /// The credentials of the peer process.
    pub fn peer_cred(&self) -> io::Result<UCred> {
        let (uid, gid) = sys::peer_cred(self.as_raw_fd())?;
        Ok(UCred { uid, gid })
    }

    /// Takes the pending `SO_ERROR`.
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        self.io.get_ref().take_error()
    }

    /// Shuts down the read, write, or both halves of this connection.
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.io.get_ref().shutdown(how)
    }

    /// Splits into borrowed read and write halves.
    pub fn split(&mut self) -> (ReadHalf<'_>, WriteHalf<'_>) {
        split(self)
    }

    /// Splits into owned halves; dropping the write half shuts down the write direction.
    pub fn into_split(self) -> (OwnedReadHalf, OwnedWriteHalf) {
        split_owned(self)
    }

    pub(crate) fn poll_read_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.io.poll_read_ref(cx, buf)
    }

    pub(crate) fn poll_write_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.io.poll_write_ref(cx, buf)
    }

    pub(crate) fn poll_write_buf_priv<B: Buf>(
        &self,
        cx: &mut Context<'_>,
        buf: &mut B,
    ) -> Poll<io::Result<usize>> {
        self.io.poll_write_buf_ref(cx, buf)
    }
}

impl AsyncRead for UnixStream {
    unsafe fn prepare_uninitialized_buffer(&self, _: &mut [MaybeUninit<u8>]) -> bool {
        false
    }

    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_read_priv(cx, buf)
    }
}

impl AsyncWrite for UnixStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_write_priv(cx, buf)
    }

    fn poll_write_buf<B: Buf>(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut B,
    ) -> Poll<io::Result<usize>> {
        self.poll_write_buf_priv(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(self.shutdown(Shutdown::Write))
    }
}

impl TryFrom<std::os::unix::net::UnixStream> for UnixStream {
    type Error = io::Error;

    /// Same as [`UnixStream::from_std`].
    #[track_caller]
    fn try_from(stream: std::os::unix::net::UnixStream) -> io::Result<UnixStream> {
        UnixStream::from_std(stream)
    }
}

impl TryFrom<UnixStream> for mio::net::UnixStream {
    type Error = io::Error;

    /// Deregisters the stream and returns the mio stream.
    fn try_from(stream: UnixStream) -> io::Result<mio::net::UnixStream> {
        stream.io.into_inner()
    }
}

impl fmt::Debug for UnixStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for UnixStream {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}
