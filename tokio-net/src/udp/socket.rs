use super::split::{split, RecvHalf, SendHalf};
use crate::addr::{each_addr, first_addr, ToSocketAddrs};
use crate::driver::{Direction, Interest, PollEvented};
use crate::errors;
use std::convert::TryFrom;
use std::fmt;
use std::future::{poll_fn, Future};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::unix::io::{AsRawFd, RawFd};
use std::panic::Location;
use std::task::{Context, Poll};

/// A UDP socket. Datagram boundaries are preserved; a datagram larger than the receive
/// buffer is truncated, as the OS does.
///
/// The async operations take `&self` (tokio 1.x's form; 0.2 code passing `&mut`
/// compiles unchanged), so one socket can be shared through an `Arc`.
///
/// ```no_run
/// use tokio_net::udp::UdpSocket;
/// # async fn run() -> std::io::Result<()> {
/// let sock = UdpSocket::bind("127.0.0.1:0").await?;
/// sock.send_to(b"ping", "127.0.0.1:9000").await?;
/// let mut buf = [0u8; 1500];
/// let (n, from) = sock.recv_from(&mut buf).await?;
/// # let _ = (n, from); Ok(()) }
/// ```
pub struct UdpSocket {
    io: PollEvented<mio::net::UdpSocket>,
}

const BOTH: Interest = Interest::READABLE.add(Interest::WRITABLE);

impl UdpSocket {
    /// Binds a socket to the first address of `addr` that binds.
    ///
    /// # Panics
    ///
    /// The returned future panics on its first poll outside a runtime (no current reactor).
    #[track_caller]
    pub fn bind<A: ToSocketAddrs>(addr: A) -> impl Future<Output = io::Result<UdpSocket>> {
        let caller = Location::caller();
        let resolve = addr.to_socket_addrs();
        async move { each_addr(resolve, |a| async move { UdpSocket::bind_addr(a, caller) }).await }
    }

    fn bind_addr(addr: SocketAddr, caller: &'static Location<'static>) -> io::Result<UdpSocket> {
        let sys = mio::net::UdpSocket::bind(addr)?;
        Ok(UdpSocket {
            io: PollEvented::new_at(sys, BOTH, caller)?,
        })
    }

    /// Wraps a std socket, switching it to non-blocking mode and binding it to the
    /// current reactor.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime (no current reactor).
    #[track_caller]
    pub fn from_std(socket: std::net::UdpSocket) -> io::Result<UdpSocket> {
        socket.set_nonblocking(true)?;
        let io = PollEvented::new_with_interest(mio::net::UdpSocket::from_std(socket), BOTH)?;
        Ok(UdpSocket { io })
    }

    /// Splits into a receive half and a send half (sharing the socket through an `Arc`).
    ///
    /// ```
    /// # let reactor = tokio_net::driver::Reactor::new().unwrap();
    /// # let _g = tokio_net::driver::set_default(&reactor.handle());
    /// let std = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    /// let socket = tokio_net::udp::UdpSocket::from_std(std).unwrap();
    /// let (recv, send) = socket.split();
    /// let socket = recv.reunite(send).unwrap();
    /// assert!(socket.local_addr().is_ok());
    /// ```
    pub fn split(self) -> (RecvHalf, SendHalf) {
        split(self)
    }

    /// The local address of this socket.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.io.get_ref().local_addr()
    }

    /// Connects the socket to the first address of `addr` that accepts it, so `send`
    /// and `recv` can be used.
    pub async fn connect<A: ToSocketAddrs>(&self, addr: A) -> io::Result<()> {
        let resolve = addr.to_socket_addrs();
        each_addr(resolve, |a| async move { self.io.get_ref().connect(a) }).await
    }

    /// Sends on a connected socket; returns the bytes sent. Cancellation-safe.
    pub async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        poll_fn(|cx| self.poll_send(cx, buf)).await
    }

    /// Sends once without waiting (`WouldBlock` when the socket is not writable).
    pub fn try_send(&self, buf: &[u8]) -> io::Result<usize> {
        self.io.try_io(Direction::Write, |s| s.send(buf))
    }

    /// Polls to send on a connected socket.
    pub fn poll_send(&self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.io.poll_io(cx, Direction::Write, |s| s.send(buf))
    }

    /// Receives one datagram on a connected socket. Cancellation-safe.
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        poll_fn(|cx| self.poll_recv(cx, buf)).await
    }

    /// Receives once without waiting.
    pub fn try_recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.io.try_io(Direction::Read, |s| s.recv(buf))
    }

    /// Polls to receive one datagram on a connected socket.
    pub fn poll_recv(&self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        self.io.poll_io(cx, Direction::Read, |s| s.recv(buf))
    }

    /// Sends to the first address `target` resolves to (`InvalidInput` "no addresses to
    /// send data to" when none). Cancellation-safe once the address is resolved.
    pub async fn send_to<A: ToSocketAddrs>(&self, buf: &[u8], target: A) -> io::Result<usize> {
        let addr = first_addr(target, errors::no_send_address).await?;
        poll_fn(|cx| self.poll_send_to(cx, buf, &addr)).await
    }

    /// Sends once to `target` without waiting.
    pub fn try_send_to(&self, buf: &[u8], target: SocketAddr) -> io::Result<usize> {
        self.io.try_io(Direction::Write, |s| s.send_to(buf, target))
    }

    /// Polls to send to `target`.
    pub fn poll_send_to(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
        target: &SocketAddr,
    ) -> Poll<io::Result<usize>> {
        self.io
            .poll_io(cx, Direction::Write, |s| s.send_to(buf, *target))
    }

    /// Receives one datagram and its source address. Cancellation-safe.
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        poll_fn(|cx| self.poll_recv_from(cx, buf)).await
    }

    /// Receives once without waiting.
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.io.try_io(Direction::Read, |s| s.recv_from(buf))
    }

    /// Polls to receive one datagram and its source address.
    pub fn poll_recv_from(
        &self,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<Result<(usize, SocketAddr), io::Error>> {
        self.io.poll_io(cx, Direction::Read, |s| s.recv_from(buf))
    }

    /// The `SO_BROADCAST` option.
    pub fn broadcast(&self) -> io::Result<bool> {
        self.io.get_ref().broadcast()
    }

    /// Sets `SO_BROADCAST`.
    pub fn set_broadcast(&self, on: bool) -> io::Result<()> {
        self.io.get_ref().set_broadcast(on)
    }

    /// The `IP_MULTICAST_LOOP` option.
    pub fn multicast_loop_v4(&self) -> io::Result<bool> {
        self.io.get_ref().multicast_loop_v4()
    }

    /// Sets `IP_MULTICAST_LOOP`.
    pub fn set_multicast_loop_v4(&self, on: bool) -> io::Result<()> {
        self.io.get_ref().set_multicast_loop_v4(on)
    }

    /// The `IP_MULTICAST_TTL` option.
    pub fn multicast_ttl_v4(&self) -> io::Result<u32> {
        self.io.get_ref().multicast_ttl_v4()
    }

    /// Sets `IP_MULTICAST_TTL`.
    pub fn set_multicast_ttl_v4(&self, ttl: u32) -> io::Result<()> {
        self.io.get_ref().set_multicast_ttl_v4(ttl)
    }

    /// The `IPV6_MULTICAST_LOOP` option.
    pub fn multicast_loop_v6(&self) -> io::Result<bool> {
        self.io.get_ref().multicast_loop_v6()
    }

    /// Sets `IPV6_MULTICAST_LOOP`.
    pub fn set_multicast_loop_v6(&self, on: bool) -> io::Result<()> {
        self.io.get_ref().set_multicast_loop_v6(on)
    }

    /// The `IP_TTL` option.
    pub fn ttl(&self) -> io::Result<u32> {
        self.io.get_ref().ttl()
    }

    /// Sets `IP_TTL`.
    pub fn set_ttl(&self, ttl: u32) -> io::Result<()> {
        self.io.get_ref().set_ttl(ttl)
    }

    /// Joins an IPv4 multicast group.
    pub fn join_multicast_v4(&self, multiaddr: Ipv4Addr, interface: Ipv4Addr) -> io::Result<()> {
        self.io.get_ref().join_multicast_v4(&multiaddr, &interface)
    }

    /// Joins an IPv6 multicast group.
    pub fn join_multicast_v6(&self, multiaddr: &Ipv6Addr, interface: u32) -> io::Result<()> {
        self.io.get_ref().join_multicast_v6(multiaddr, interface)
    }

    /// Leaves an IPv4 multicast group.
    pub fn leave_multicast_v4(&self, multiaddr: Ipv4Addr, interface: Ipv4Addr) -> io::Result<()> {
        self.io.get_ref().leave_multicast_v4(&multiaddr, &interface)
    }

    /// Leaves an IPv6 multicast group.
    pub fn leave_multicast_v6(&self, multiaddr: &Ipv6Addr, interface: u32) -> io::Result<()> {
        self.io.get_ref().leave_multicast_v6(multiaddr, interface)
    }

    /// Takes the pending `SO_ERROR`.
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        self.io.get_ref().take_error()
    }
}

impl TryFrom<std::net::UdpSocket> for UdpSocket {
    type Error = io::Error;

    /// Same as [`UdpSocket::from_std`].
    #[track_caller]
    fn try_from(socket: std::net::UdpSocket) -> io::Result<UdpSocket> {
        UdpSocket::from_std(socket)
    }
}

impl TryFrom<UdpSocket> for mio::net::UdpSocket {
    type Error = io::Error;

    /// Deregisters the socket and returns the mio socket.
    fn try_from(socket: UdpSocket) -> io::Result<mio::net::UdpSocket> {
        socket.io.into_inner()
    }
}

impl fmt::Debug for UdpSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.io.get_ref().fmt(f)
    }
}

impl AsRawFd for UdpSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.io.get_ref().as_raw_fd()
    }
}
