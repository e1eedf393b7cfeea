use super::split::{split, ReadHalf, WriteHalf};
use super::split_owned::{split_owned, OwnedReadHalf, OwnedWriteHalf};
use crate::addr::{each_addr, ToSocketAddrs};
use crate::driver::{Direction, Handle, Interest, PollEvented};
use crate::sys;
use bytes::Buf;
use std::convert::TryFrom;
use std::fmt;
use std::future::{poll_fn, Future};
use std::io;
use std::mem::MaybeUninit;
use std::net::{Shutdown, SocketAddr};
use std::os::unix::io::{AsRawFd, RawFd};
use std::panic::Location;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio_io::{AsyncRead, AsyncWrite};

/// A TCP stream between a local and a remote socket.
///
/// ```no_run
/// use tokio_net::tcp::TcpStream;
/// use tokio_io::AsyncWrite;
/// # async fn run() -> std::io::Result<()> {
/// let stream = TcpStream::connect("127.0.0.1:8080").await?;
/// println!("connected to {}", stream.peer_addr()?);
/// # Ok(()) }
/// ```
pub struct TcpStream {
    io: PollEvented<mio::net::TcpStream>,
}

const BOTH: Interest = Interest::READABLE.add(Interest::WRITABLE);

impl TcpStream {
    /// Opens a TCP connection to `addr`, trying each resolved address in turn and
    /// returning the last error if none connects (a closed port gives
    /// `ConnectionRefused`).
    ///
    /// # Panics
    ///
    /// The returned future panics on its first poll outside a runtime (no current reactor).
    #[track_caller]
    pub fn connect<A: ToSocketAddrs>(addr: A) -> impl Future<Output = io::Result<TcpStream>> {
        let caller = Location::caller();
        let resolve = addr.to_socket_addrs();
        async move { each_addr(resolve, |a| TcpStream::connect_addr(a, caller)).await }
    }

    async fn connect_addr(
        addr: SocketAddr,
        caller: &'static Location<'static>,
    ) -> io::Result<TcpStream> {
        let sys = mio::net::TcpStream::connect(addr)?;
        let stream = TcpStream {
            io: PollEvented::new_at(sys, BOTH, caller)?,
        };
        poll_fn(|cx| stream.poll_connected(cx)).await?;
        Ok(stream)
    }

    /// Waits until a non-blocking connect finished, reporting its error.
    fn poll_connected(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        loop {
            let ev = ready!(self.io.registration().poll_ready(cx, Direction::Write))?;
            let sock = self.io.get_ref();
            if let Some(e) = sock.take_error()? {
                return Poll::Ready(Err(e));
            }
            match sock.peer_addr() {
                Ok(_) => return Poll::Ready(Ok(())),
                Err(e)
                    if e.kind() == io::ErrorKind::NotConnected
                        || e.raw_os_error() == Some(libc::EINPROGRESS) =>
                {
                    self.io.registration().clear_readiness(ev);
                }
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }

    /// Wraps a std stream that is connected or connecting to `addr` and waits for the
    /// connection to finish.
    #[doc(hidden)]
    #[track_caller]
    pub fn connect_std(
        stream: std::net::TcpStream,
        addr: &SocketAddr,
    ) -> impl Future<Output = io::Result<TcpStream>> {
        let _ = addr;
        let res = TcpStream::from_std(stream);
        async move {
            let stream = res?;
            poll_fn(|cx| stream.poll_connected(cx)).await?;
            Ok(stream)
        }
    }

    /// Wraps an accepted mio stream, on the listener's reactor.
    pub(crate) fn with_handle(sys: mio::net::TcpStream, handle: Handle) -> io::Result<TcpStream> {
        Ok(TcpStream {
            io: PollEvented::with_handle(sys, BOTH, handle)?,
        })
    }

    /// Wraps a std stream, switching it to non-blocking mode and binding it to the
    /// current reactor.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(stream: std::net::TcpStream) -> io::Result<TcpStream> {
        stream.set_nonblocking(true)?;
        let io = PollEvented::new_with_interest(mio::net::TcpStream::from_std(stream), BOTH)?;
        Ok(TcpStream { io })
    }

    /// The local address of this stream.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// The remote address of this stream.
    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().peer_addr()
    }

    /// Polls to read data without removing it from the queue.
    pub fn poll_peek(&self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        self.io.poll_io(cx, Direction::Read, |s| s.peek(buf))
    }

    /// Receives data without removing it from the queue. Cancellation-safe.
    pub async fn peek(&self, buf: &mut [u8]) -> io::Result<usize> {
        poll_fn(|cx| self.poll_peek(cx, buf)).await
    }

    /// Shuts down the read, write, or both halves of this connection.
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.io.get_ref().shutdown(how)
    }

    /// The `TCP_NODELAY` option.
    pub fn nodelay(&self) -> io::Result<bool> {
        self.io.get_ref().nodelay()
    }

    /// Sets `TCP_NODELAY`.
    pub fn set_nodelay(&self, nodelay: bool) -> io::Result<()> {
        self.io.get_ref().set_nodelay(nodelay)
    }

    /// The `SO_RCVBUF` option.
    pub fn recv_buffer_size(&self) -> io::Result<usize> {
        sys::recv_buffer_size(self.as_raw_fd())
    }

    /// Sets `SO_RCVBUF`.
    pub fn set_recv_buffer_size(&self, size: usize) -> io::Result<()> {
        sys::set_recv_buffer_size(self.as_raw_fd(), size)
    }

    /// The `SO_SNDBUF` option.
    pub fn send_buffer_size(&self) -> io::Result<usize> {
        sys::send_buffer_size(self.as_raw_fd())
    }

    /// Sets `SO_SNDBUF`.
    pub fn set_send_buffer_size(&self, size: usize) -> io::Result<()> {
        sys::set_send_buffer_size(self.as_raw_fd(), size)
    }

    /// The keepalive idle time when `SO_KEEPALIVE` is on, `None` when off.
    pub fn keepalive(&self) -> io::Result<Option<Duration>> {
        sys::keepalive(self.as_raw_fd())
    }

    /// Turns `SO_KEEPALIVE` on with the given idle time, or off with `None`.
    pub fn set_keepalive(&self, keepalive: Option<Duration>) -> io::Result<()> {
        sys::set_keepalive(self.as_raw_fd(), keepalive)
    }

    /// The `IP_TTL` option.
    pub fn ttl(&self) -> io::Result<u32> {
        self.io.get_ref().ttl()
    }

    /// Sets `IP_TTL`.
    pub fn set_ttl(&self, ttl: u32) -> io::Result<()> {
        self.io.get_ref().set_ttl(ttl)
    }

    /// The `SO_LINGER` option.
    pub fn linger(&self) -> io::Result<Option<Duration>> {
        sys::linger(self.as_raw_fd())
    }

    /// Sets `SO_LINGER`.
    pub fn set_linger(&self, dur: Option<Duration>) -> io::Result<()> {
        sys::set_linger(self.as_raw_fd(), dur)
    }

    /// Splits into borrowed read and write halves (no locking, no allocation).
    ///
    /// ```
    /// # let reactor = tokio_net::driver::Reactor::new().unwrap();
    /// # let _g = tokio_net::driver::set_default(&reactor.handle());
    /// let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    /// let std = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    /// let mut stream = tokio_net::tcp::TcpStream::from_std(std).unwrap();
    /// let (read, write) = stream.split();
    /// assert_eq!(read.as_ref().local_addr().unwrap(), write.as_ref().local_addr().unwrap());
    /// ```
    pub fn split(&mut self) -> (ReadHalf<'_>, WriteHalf<'_>) {
        split(self)
    }

    /// Splits into owned halves that can move to different tasks and be reunited.
    /// Dropping the write half shuts down the write direction.
    ///
    /// ```
    /// # let reactor = tokio_net::driver::Reactor::new().unwrap();
    /// # let _g = tokio_net::driver::set_default(&reactor.handle());
    /// let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    /// let std = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    /// let stream = tokio_net::tcp::TcpStream::from_std(std).unwrap();
    /// let (read, write) = stream.into_split();
    /// let stream = read.reunite(write).unwrap();
    /// assert!(stream.peer_addr().is_ok());
    /// ```
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

impl AsyncRead for TcpStream {
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

impl AsyncWrite for TcpStream {
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

impl TryFrom<std::net::TcpStream> for TcpStream {
    type Error = io::Error;

    /// Same as [`TcpStream::from_std`].
    #[track_caller]
    fn try_from(stream: std::net::TcpStream) -> io::Result<TcpStream> {
        TcpStream::from_std(stream)
    }
}

impl TryFrom<TcpStream> for mio::net::TcpStream {
    type Error = io::Error;

    /// Deregisters the stream and returns the mio stream.
    fn try_from(stream: TcpStream) -> io::Result<mio::net::TcpStream> {
        stream.io.into_inner()
    }
}

impl fmt::Debug for TcpStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for TcpStream {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}
