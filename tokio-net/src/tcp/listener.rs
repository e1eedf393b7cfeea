use super::{Incoming, TcpStream};
use crate::addr::{each_addr, ToSocketAddrs};
use crate::driver::{Direction, Interest, PollEvented};
use std::convert::TryFrom;
use std::fmt;
use std::future::{poll_fn, Future};
use std::io;
use std::net::SocketAddr;
use std::os::unix::io::{AsRawFd, RawFd};
use std::panic::Location;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A TCP socket server, listening for connections.
///
/// ```no_run
/// use tokio_net::tcp::TcpListener;
/// # async fn run() -> std::io::Result<()> {
/// let listener = TcpListener::bind("127.0.0.1:8080").await?;
/// loop {
///     let (socket, peer) = listener.accept().await?;
///     println!("connection from {peer}");
///     # drop(socket);
/// }
/// # }
/// ```
pub struct TcpListener {
    io: PollEvented<mio::net::TcpListener>,
}

impl TcpListener {
    /// Creates a listener bound to the first address of `addr` that binds
    /// (`SO_REUSEADDR` set, backlog 1024).
    ///
    /// Binds to the current reactor when first polled.
    ///
    /// # Panics
    ///
    /// The returned future panics on its first poll outside a runtime (no current reactor).
    #[track_caller]
    pub fn bind<A: ToSocketAddrs>(addr: A) -> impl Future<Output = io::Result<TcpListener>> {
        let caller = Location::caller();
        let resolve = addr.to_socket_addrs();
        async move {
            each_addr(
                resolve,
                |a| async move { TcpListener::bind_addr(a, caller) },
            )
            .await
        }
    }

    fn bind_addr(addr: SocketAddr, caller: &'static Location<'static>) -> io::Result<TcpListener> {
        let listener = mio::net::TcpListener::bind(addr)?;
        set_backlog(&listener, BACKLOG)?;
        let io = PollEvented::new_at(listener, Interest::READABLE, caller)?;
        Ok(TcpListener { io })
    }

    /// Accepts a new connection. Cancellation-safe: dropping the future loses no
    /// connection.
    ///
    /// Takes `&self` (tokio 1.x's form); code written for 0.2's `&mut self` compiles
    /// unchanged.
    pub async fn accept(&self) -> io::Result<(TcpStream, SocketAddr)> {
        poll_fn(|cx| self.poll_accept(cx)).await
    }

    /// Polls to accept a new connection; the accepted stream joins the listener's reactor.
    pub fn poll_accept(&self, cx: &mut Context<'_>) -> Poll<io::Result<(TcpStream, SocketAddr)>> {
        let (sys, addr) = ready!(self.io.poll_io(cx, Direction::Read, |l| l.accept()))?;
        let handle = self.io.registration().handle().clone();
        Poll::Ready(TcpStream::with_handle(sys, handle).map(|s| (s, addr)))
    }

    /// Wraps a std listener, switching it to non-blocking mode and binding it to the
    /// current reactor.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(listener: std::net::TcpListener) -> io::Result<TcpListener> {
        listener.set_nonblocking(true)?;
        let io = PollEvented::new_with_interest(
            mio::net::TcpListener::from_std(listener),
            Interest::READABLE,
        )?;
        Ok(TcpListener { io })
    }

    /// The local address this listener is bound to.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// A stream of incoming connections.
    pub fn incoming(&self) -> Incoming<'_> {
        Incoming::new(self)
    }

    /// The `IP_TTL` option.
    pub fn ttl(&self) -> io::Result<u32> {
        self.io.get_ref().ttl()
    }

    /// Sets the `IP_TTL` option.
    pub fn set_ttl(&self, ttl: u32) -> io::Result<()> {
        self.io.get_ref().set_ttl(ttl)
    }
}

impl futures_core::Stream for TcpListener {
    type Item = io::Result<TcpStream>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let (stream, _) = ready!(self.poll_accept(cx))?;
        Poll::Ready(Some(Ok(stream)))
    }
}

impl TryFrom<std::net::TcpListener> for TcpListener {
    type Error = io::Error;

    /// Same as [`TcpListener::from_std`].
    #[track_caller]
    fn try_from(listener: std::net::TcpListener) -> io::Result<TcpListener> {
        TcpListener::from_std(listener)
    }
}

impl TryFrom<TcpListener> for mio::net::TcpListener {
    type Error = io::Error;

    /// Deregisters the listener and returns the mio listener.
    fn try_from(listener: TcpListener) -> io::Result<mio::net::TcpListener> {
        listener.io.into_inner()
    }
}

impl fmt::Debug for TcpListener {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for TcpListener {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}

/// 0.2's listen backlog (mio 0.6 used 1024; mio 1 uses std's 128, which overflows under a
/// burst of connects and makes the kernel reset connections that never reached `accept`).
const BACKLOG: libc::c_int = 1024;

/// Raises the backlog of a socket that is already listening: on Linux a second `listen`
/// call only updates the queue length.
fn set_backlog(listener: &mio::net::TcpListener, backlog: libc::c_int) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: the fd is open and owned by `listener` for the duration of the call; `listen`
    // does not retain it.
    if unsafe { libc::listen(listener.as_raw_fd(), backlog) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}
