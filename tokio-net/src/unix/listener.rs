use super::{Incoming, UnixStream};
use crate::driver::{Direction, Interest, PollEvented};
use std::convert::TryFrom;
use std::fmt;
use std::future::poll_fn;
use std::io;
use std::os::unix::io::{AsRawFd, RawFd};
use std::os::unix::net::SocketAddr;
use std::path::Path;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A Unix socket server, listening for connections.
///
/// ```no_run
/// use tokio_net::unix::UnixListener;
/// # async fn run() -> std::io::Result<()> {
/// let listener = UnixListener::bind("/tmp/sock")?;
/// let (stream, _addr) = listener.accept().await?;
/// # drop(stream); Ok(()) }
/// ```
pub struct UnixListener {
    io: PollEvented<mio::net::UnixListener>,
}

impl UnixListener {
    /// Binds a listener to `path`, on the current reactor.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn bind<P: AsRef<Path>>(path: P) -> io::Result<UnixListener> {
        let sys = mio::net::UnixListener::bind(path)?;
        let io = PollEvented::new_with_interest(sys, Interest::READABLE)?;
        Ok(UnixListener { io })
    }

    /// Wraps a std listener, switching it to non-blocking mode.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(listener: std::os::unix::net::UnixListener) -> io::Result<UnixListener> {
        listener.set_nonblocking(true)?;
        let sys = mio::net::UnixListener::from_std(listener);
        let io = PollEvented::new_with_interest(sys, Interest::READABLE)?;
        Ok(UnixListener { io })
    }

    /// The local address this listener is bound to.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// Takes the pending `SO_ERROR`.
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        self.io.get_ref().take_error()
    }

    /// Accepts a new connection. Cancellation-safe.
    pub async fn accept(&self) -> io::Result<(UnixStream, SocketAddr)> {
        poll_fn(|cx| self.poll_accept(cx)).await
    }

    /// Polls to accept a new connection (it joins the listener's reactor).
    pub fn poll_accept(&self, cx: &mut Context<'_>) -> Poll<io::Result<(UnixStream, SocketAddr)>> {
        let (sys, addr) = ready!(self.io.poll_io(cx, Direction::Read, |l| l.accept()))?;
        let handle = self.io.registration().handle().clone();
        Poll::Ready(UnixStream::with_handle(sys, handle).map(|s| (s, addr)))
    }

    /// A stream of incoming connections.
    pub fn incoming(&self) -> Incoming<'_> {
        Incoming::new(self)
    }
}

impl futures_core::Stream for UnixListener {
    type Item = io::Result<UnixStream>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let (stream, _) = ready!(self.poll_accept(cx))?;
        Poll::Ready(Some(Ok(stream)))
    }
}

impl TryFrom<std::os::unix::net::UnixListener> for UnixListener {
    type Error = io::Error;

    /// Same as [`UnixListener::from_std`].
    #[track_caller]
    fn try_from(listener: std::os::unix::net::UnixListener) -> io::Result<UnixListener> {
        UnixListener::from_std(listener)
    }
}

impl TryFrom<UnixListener> for mio::net::UnixListener {
    type Error = io::Error;

    /// Deregisters the listener and returns the mio listener.
    fn try_from(listener: UnixListener) -> io::Result<mio::net::UnixListener> {
        listener.io.into_inner()
    }
}

impl fmt::Debug for UnixListener {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for UnixListener {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}
