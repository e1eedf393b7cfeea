use super::split::{split, RecvHalf, SendHalf};
use super::split_owned::{split_owned, OwnedRecvHalf, OwnedSendHalf};
use crate::driver::{Direction, Interest, PollEvented};
use std::convert::TryFrom;
use std::fmt;
use std::future::poll_fn;
use std::io;
use std::net::Shutdown;
use std::os::unix::io::{AsRawFd, RawFd};
use std::os::unix::net::SocketAddr;
use std::path::Path;
use std::task::{Context, Poll};

/// A Unix datagram socket.
///
/// Operations take `&self` (a superset of 0.2's `&mut self`).
///
/// ```no_run
/// use tokio_net::unix::UnixDatagram;
/// # async fn run() -> std::io::Result<()> {
/// let (a, b) = UnixDatagram::pair()?;
/// a.send(b"hi").await?;
/// let mut buf = [0u8; 2];
/// b.recv(&mut buf).await?;
/// # Ok(()) }
/// ```
pub struct UnixDatagram {
    io: PollEvented<mio::net::UnixDatagram>,
}

const BOTH: Interest = Interest::READABLE.add(Interest::WRITABLE);

impl UnixDatagram {
    #[track_caller]
    fn wrap(sys: mio::net::UnixDatagram) -> io::Result<UnixDatagram> {
        Ok(UnixDatagram {
            io: PollEvented::new_with_interest(sys, BOTH)?,
        })
    }

    /// Binds a socket to `path`.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn bind<P: AsRef<Path>>(path: P) -> io::Result<UnixDatagram> {
        UnixDatagram::wrap(mio::net::UnixDatagram::bind(path)?)
    }

    /// Creates an unnamed pair of connected sockets.
    ///
    /// ```
    /// # let reactor = tokio_net::driver::Reactor::new().unwrap();
    /// # let _g = tokio_net::driver::set_default(&reactor.handle());
    /// let (a, b) = tokio_net::unix::UnixDatagram::pair().unwrap();
    /// assert_eq!(a.try_send(b"hi").unwrap(), 2);
    /// let mut buf = [0u8; 2];
    /// assert_eq!(b.try_recv(&mut buf).unwrap(), 2);
    /// ```
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn pair() -> io::Result<(UnixDatagram, UnixDatagram)> {
        let (a, b) = mio::net::UnixDatagram::pair()?;
        Ok((UnixDatagram::wrap(a)?, UnixDatagram::wrap(b)?))
    }

    /// Wraps a std socket, switching it to non-blocking mode.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(datagram: std::os::unix::net::UnixDatagram) -> io::Result<UnixDatagram> {
        datagram.set_nonblocking(true)?;
        UnixDatagram::wrap(mio::net::UnixDatagram::from_std(datagram))
    }

    /// Creates a socket not bound to any address.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn unbound() -> io::Result<UnixDatagram> {
        UnixDatagram::wrap(mio::net::UnixDatagram::unbound()?)
    }

    /// Connects the socket to `path`.
    pub fn connect<P: AsRef<Path>>(&self, path: P) -> io::Result<()> {
        self.io.get_ref().connect(path)
    }

    /// Sends on a connected socket. Cancellation-safe.
    pub async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        poll_fn(|cx| self.poll_send_priv(cx, buf)).await
    }

    /// Sends once without waiting.
    pub fn try_send(&self, buf: &[u8]) -> io::Result<usize> {
        self.io.try_io(Direction::Write, |s| s.send(buf))
    }

    /// Sends once to `target` without waiting.
    pub fn try_send_to<P: AsRef<Path>>(&self, buf: &[u8], target: P) -> io::Result<usize> {
        self.io.try_io(Direction::Write, |s| s.send_to(buf, target))
    }

    /// Receives one datagram on a connected socket. Cancellation-safe.
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        poll_fn(|cx| self.poll_recv_priv(cx, buf)).await
    }

    /// Receives once without waiting.
    pub fn try_recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.io.try_io(Direction::Read, |s| s.recv(buf))
    }

    /// Sends one datagram to `target`. Cancellation-safe.
    pub async fn send_to<P: AsRef<Path> + Unpin>(
        &self,
        buf: &[u8],
        target: P,
    ) -> io::Result<usize> {
        let target = target.as_ref();
        poll_fn(|cx| self.poll_send_to_priv(cx, buf, target)).await
    }

    /// Receives one datagram and the sender's address. Cancellation-safe.
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        poll_fn(|cx| self.poll_recv_from_priv(cx, buf)).await
    }

    /// Receives once without waiting.
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.io.try_io(Direction::Read, |s| s.recv_from(buf))
    }

    /// The local address of this socket.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// The address of the connected peer.
    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().peer_addr()
    }

    /// Takes the pending `SO_ERROR`.
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        self.io.get_ref().take_error()
    }

    /// Shuts down the read, write, or both halves.
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.io.get_ref().shutdown(how)
    }

    /// Splits into borrowed halves.
    pub fn split(&mut self) -> (RecvHalf<'_>, SendHalf<'_>) {
        split(self)
    }

    /// Splits into owned halves; dropping the send half shuts down the write direction.
    pub fn into_split(self) -> (OwnedRecvHalf, OwnedSendHalf) {
        split_owned(self)
    }

    pub(crate) fn poll_send_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.io.poll_io(cx, Direction::Write, |s| s.send(buf))
    }

    pub(crate) fn poll_send_to_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
        target: &Path,
    ) -> Poll<io::Result<usize>> {
        self.io
            .poll_io(cx, Direction::Write, |s| s.send_to(buf, target))
    }

    pub(crate) fn poll_recv_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.io.poll_io(cx, Direction::Read, |s| s.recv(buf))
    }

    pub(crate) fn poll_recv_from_priv(
        &self,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<(usize, SocketAddr)>> {
        self.io.poll_io(cx, Direction::Read, |s| s.recv_from(buf))
    }
}

impl TryFrom<std::os::unix::net::UnixDatagram> for UnixDatagram {
    type Error = io::Error;

    /// Same as [`UnixDatagram::from_std`].
    #[track_caller]
    fn try_from(datagram: std::os::unix::net::UnixDatagram) -> io::Result<UnixDatagram> {
        UnixDatagram::from_std(datagram)
    }
}

impl TryFrom<UnixDatagram> for mio::net::UnixDatagram {
    type Error = io::Error;

    /// Deregisters the socket and returns the mio socket.
    fn try_from(datagram: UnixDatagram) -> io::Result<mio::net::UnixDatagram> {
        datagram.io.into_inner()
    }
}

impl fmt::Debug for UnixDatagram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for UnixDatagram {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}
