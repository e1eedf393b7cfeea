//! tokio 0.2.25 compatibility audit of `tokio::net` (API-0.2.md §5): every method of the
//! TCP, UDP and Unix types with 0.2's receivers (`&mut self` where 0.2 had it, or the 1.x
//! `&self` superset), the split halves, `ReuniteError`s and `ToSocketAddrs`.
#![allow(
    clippy::unused_io_amount,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_underscore_future,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::unnecessary_mut_passed,
    clippy::async_yields_async,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
    clippy::drop_non_drop,
    clippy::eq_op,
    clippy::bool_assert_comparison,
    clippy::clone_on_copy,
    clippy::redundant_clone,
    clippy::unit_cmp,
    clippy::op_ref,
    clippy::identity_op,
    clippy::needless_return,
    clippy::manual_async_fn,
    clippy::useless_conversion,
    clippy::needless_borrow,
    clippy::explicit_auto_deref,
    clippy::unnecessary_literal_unwrap,
    clippy::bind_instead_of_map,
    clippy::zero_prefixed_literal,
    clippy::map_identity,
    clippy::let_underscore_lock
)]

use std::convert::TryFrom;
use std::fmt::{Debug, Display};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::unix::io::AsRawFd;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, ToSocketAddrs, UdpSocket};
use tokio::net::{UnixDatagram, UnixListener, UnixStream};

fn is_debug<T: Debug>() {}
fn is_raw<T: AsRawFd>() {}
fn is_send_sync<T: Send + Sync>() {}
fn is_error<T: std::error::Error + Display + Debug>() {}
fn tsa<T: ToSocketAddrs>(_: T) {}

#[test]
fn to_socket_addrs_impls() {
    let sa: SocketAddr = "127.0.0.1:1".parse().unwrap();
    tsa(sa);
    tsa(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 1));
    tsa(SocketAddrV6::new(Ipv6Addr::LOCALHOST, 1, 0, 0));
    tsa((IpAddr::V4(Ipv4Addr::LOCALHOST), 1u16));
    tsa((Ipv4Addr::LOCALHOST, 1u16));
    tsa((Ipv6Addr::LOCALHOST, 1u16));
    tsa(&[sa][..]);
    tsa(&sa);
    tsa("127.0.0.1:1");
    tsa(String::from("127.0.0.1:1"));
    tsa(&String::from("127.0.0.1:1"));
    tsa(("localhost", 1u16));
    tsa((String::from("localhost"), 1u16));
}

#[tokio::test]
async fn lookup_host_fn() {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host("127.0.0.1:80")
        .await
        .unwrap()
        .collect();
    assert_eq!(addrs, ["127.0.0.1:80".parse::<SocketAddr>().unwrap()]);
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host(("localhost", 80))
        .await
        .unwrap()
        .collect();
    assert!(!addrs.is_empty());
}

#[tokio::test]
async fn tcp_listener_and_stream() {
    is_debug::<TcpListener>();
    is_raw::<TcpListener>();
    is_debug::<TcpStream>();
    is_raw::<TcpStream>();
    is_send_sync::<(TcpListener, TcpStream)>();
    let mut l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = l.local_addr().unwrap();
    l.set_ttl(64).unwrap();
    assert_eq!(l.ttl().unwrap(), 64);
    let bad = TcpListener::bind(&[][..] as &[SocketAddr])
        .await
        .unwrap_err();
    assert_eq!(bad.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(bad.to_string(), "could not resolve to any address");

    let connect = TcpStream::connect(addr);
    let (c, accepted) = tokio::join!(connect, l.accept());
    let mut c: TcpStream = c.unwrap();
    let (mut s, peer): (TcpStream, SocketAddr) = accepted.unwrap();
    assert_eq!(peer, c.local_addr().unwrap());
    assert_eq!(c.peer_addr().unwrap(), addr);
    c.set_nodelay(true).unwrap();
    assert!(c.nodelay().unwrap());
    c.set_recv_buffer_size(1 << 16).unwrap();
    let _: usize = c.recv_buffer_size().unwrap();
    c.set_send_buffer_size(1 << 16).unwrap();
    let _: usize = c.send_buffer_size().unwrap();
    c.set_keepalive(Some(Duration::from_secs(60))).unwrap();
    let _: Option<Duration> = c.keepalive().unwrap();
    c.set_ttl(60).unwrap();
    assert_eq!(c.ttl().unwrap(), 60);
    c.set_linger(Some(Duration::from_secs(1))).unwrap();
    assert_eq!(c.linger().unwrap(), Some(Duration::from_secs(1)));
    c.set_linger(None).unwrap();

    c.write_all(b"hello").await.unwrap();
    let mut buf = [0u8; 5];
    let n: usize = s.peek(&mut buf).await.unwrap();
    assert!(n > 0);
    let _ = futures::future::poll_fn(|cx| s.poll_peek(cx, &mut buf)).await;
    s.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"hello");

    {
        let (mut r, mut w): (
            tokio::net::tcp::ReadHalf<'_>,
            tokio::net::tcp::WriteHalf<'_>,
        ) = c.split();
        is_debug::<tokio::net::tcp::ReadHalf<'_>>();
        is_debug::<tokio::net::tcp::WriteHalf<'_>>();
        let _: &TcpStream = r.as_ref();
        let _: &TcpStream = w.as_ref();
        w.write_all(b"x").await.unwrap();
        s.write_all(b"y").await.unwrap();
        let mut one = [0u8; 1];
        r.peek(&mut one).await.unwrap();
        let _ = futures::future::poll_fn(|cx| r.poll_peek(cx, &mut one)).await;
        r.read_exact(&mut one).await.unwrap();
        assert_eq!(&one, b"y");
    }
    let (mut or, mut ow): (
        tokio::net::tcp::OwnedReadHalf,
        tokio::net::tcp::OwnedWriteHalf,
    ) = c.into_split();
    is_debug::<tokio::net::tcp::OwnedReadHalf>();
    is_debug::<tokio::net::tcp::OwnedWriteHalf>();
    let _: &TcpStream = or.as_ref();
    let _: &TcpStream = ow.as_ref();
    let mut one = [0u8; 1];
    s.write_all(b"z").await.unwrap();
    or.peek(&mut one).await.unwrap();
    let _ = futures::future::poll_fn(|cx| or.poll_peek(cx, &mut one)).await;
    ow.write_all(b"q").await.unwrap();
    let c: TcpStream = or.reunite(ow).unwrap();
    let (or, ow) = c.into_split();
    let c = ow.reunite(or).unwrap();

    // Reunite error across sockets.
    let (c2, acc2) = tokio::join!(TcpStream::connect(addr), l.accept());
    let (r1, w1) = c.into_split();
    let (r2, w2) = c2.unwrap().into_split();
    let e: tokio::net::tcp::ReuniteError = r1.reunite(w2).unwrap_err();
    is_error::<tokio::net::tcp::ReuniteError>();
    assert_eq!(
        e.to_string(),
        "tried to reunite halves that are not from the same socket"
    );
    let tokio::net::tcp::ReuniteError(r1, w2) = e;
    let _ = (r1, w1, r2, w2);
    w2_forget_shape(acc2.unwrap().0).await;

    // Sync shutdown.
    let (c3, _acc3) = tokio::join!(TcpStream::connect(addr), l.accept());
    c3.unwrap().shutdown(Shutdown::Write).unwrap();

    // poll_accept, incoming.
    let h = tokio::spawn(TcpStream::connect(addr));
    let _ = futures::future::poll_fn(|cx| l.poll_accept(cx))
        .await
        .unwrap();
    h.await.unwrap().unwrap();
    let h = tokio::spawn(TcpStream::connect(addr));
    {
        let mut inc: tokio::net::tcp::Incoming<'_> = l.incoming();
        is_debug::<tokio::net::tcp::Incoming<'_>>();
        let _: TcpStream =
            futures::future::poll_fn(|cx| std::pin::Pin::new(&mut inc).poll_accept(cx))
                .await
                .unwrap();
    }
    h.await.unwrap().unwrap();

    // std conversions.
    let std_l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let a2 = std_l.local_addr().unwrap();
    let l2: TcpListener = TcpListener::from_std(std_l).unwrap();
    let std_s = std::net::TcpStream::connect(a2).unwrap();
    let s2: TcpStream = TcpStream::from_std(std_s).unwrap();
    let std_l3 = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let _l3: TcpListener = TcpListener::try_from(std_l3).unwrap();
    let std_s3 = std::net::TcpStream::connect(a2).unwrap();
    let _s3: TcpStream = TcpStream::try_from(std_s3).unwrap();
    drop((l2, s2));
}

async fn w2_forget_shape(s: TcpStream) {
    let (_r, w) = s.into_split();
    w.forget();
}

#[tokio::test]
async fn udp_socket() {
    is_debug::<UdpSocket>();
    is_raw::<UdpSocket>();
    is_send_sync::<UdpSocket>();
    let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let mut b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let aa = a.local_addr().unwrap();
    let ba = b.local_addr().unwrap();
    let n: usize = a.send_to(b"hi", ba).await.unwrap();
    assert_eq!(n, 2);
    let mut buf = [0u8; 8];
    let (n, from): (usize, SocketAddr) = b.recv_from(&mut buf).await.unwrap();
    assert_eq!((n, from), (2, aa));
    let e = a.send_to(b"x", &[][..] as &[SocketAddr]).await.unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(e.to_string(), "no addresses to send data to");
    a.connect(ba).await.unwrap();
    b.connect(aa).await.unwrap();
    a.send(b"yo").await.unwrap();
    assert_eq!(b.recv(&mut buf).await.unwrap(), 2);
    let _: std::io::Result<usize> = a.try_send(b"t");
    let _: std::io::Result<usize> = a.try_send_to(b"t", ba);
    let _ = futures::future::poll_fn(|cx| a.poll_send(cx, b"p")).await;
    let _ = futures::future::poll_fn(|cx| a.poll_send_to(cx, b"p", &ba)).await;
    let _ = futures::future::poll_fn(|cx| b.poll_recv(cx, &mut buf)).await;
    let _ = futures::future::poll_fn(|cx| b.poll_recv_from(cx, &mut buf)).await;
    a.set_broadcast(true).unwrap();
    assert!(a.broadcast().unwrap());
    a.set_multicast_loop_v4(true).unwrap();
    let _: bool = a.multicast_loop_v4().unwrap();
    a.set_multicast_ttl_v4(3).unwrap();
    assert_eq!(a.multicast_ttl_v4().unwrap(), 3);
    a.set_ttl(10).unwrap();
    assert_eq!(a.ttl().unwrap(), 10);
    let v6 = UdpSocket::bind("[::1]:0").await;
    if let Ok(v6) = v6 {
        v6.set_multicast_loop_v6(true).unwrap();
        let _: bool = v6.multicast_loop_v6().unwrap();
        let _: fn(&UdpSocket, &Ipv6Addr, u32) -> std::io::Result<()> = UdpSocket::join_multicast_v6;
        let _: fn(&UdpSocket, &Ipv6Addr, u32) -> std::io::Result<()> =
            UdpSocket::leave_multicast_v6;
    }
    let _: fn(&UdpSocket, Ipv4Addr, Ipv4Addr) -> std::io::Result<()> = UdpSocket::join_multicast_v4;
    let _: fn(&UdpSocket, Ipv4Addr, Ipv4Addr) -> std::io::Result<()> =
        UdpSocket::leave_multicast_v4;

    let (mut r, mut s): (tokio::net::udp::RecvHalf, tokio::net::udp::SendHalf) = a.split();
    is_debug::<(tokio::net::udp::RecvHalf, tokio::net::udp::SendHalf)>();
    let _: &UdpSocket = r.as_ref();
    let _: &UdpSocket = s.as_ref();
    s.send(b"1").await.unwrap();
    s.send_to(b"2", &ba).await.unwrap();
    b.send(b"3").await.unwrap();
    let _: usize = r.recv(&mut buf).await.unwrap();
    b.send(b"4").await.unwrap();
    let _: (usize, SocketAddr) = r.recv_from(&mut buf).await.unwrap();
    let a: UdpSocket = r.reunite(s).unwrap();
    let (r, s) = a.split();
    let a = s.reunite(r).unwrap();
    let (r1, s1) = a.split();
    let (r2, s2) = b.split();
    let e: tokio::net::udp::ReuniteError = r1.reunite(s2).unwrap_err();
    is_error::<tokio::net::udp::ReuniteError>();
    assert_eq!(
        e.to_string(),
        "tried to reunite halves that are not from the same socket"
    );
    // Field order (SendHalf, RecvHalf).
    let tokio::net::udp::ReuniteError(send, recv): tokio::net::udp::ReuniteError = e;
    let _: (tokio::net::udp::SendHalf, tokio::net::udp::RecvHalf) = (send, recv);
    let _ = (s1, r2);

    let std_u = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let _: UdpSocket = UdpSocket::from_std(std_u).unwrap();
    let std_u = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let _: UdpSocket = UdpSocket::try_from(std_u).unwrap();
}

#[tokio::test]
async fn unix_types() {
    use tokio::net::unix;
    is_debug::<(UnixListener, UnixStream, UnixDatagram)>();
    is_raw::<UnixListener>();
    is_raw::<UnixStream>();
    is_raw::<UnixDatagram>();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s");
    let mut l: UnixListener = UnixListener::bind(&path).unwrap();
    let _: std::os::unix::net::SocketAddr = l.local_addr().unwrap();
    let _: Option<std::io::Error> = l.take_error().unwrap();
    let (c, acc) = tokio::join!(UnixStream::connect(&path), l.accept());
    let mut c: UnixStream = c.unwrap();
    let (mut s, _addr): (UnixStream, std::os::unix::net::SocketAddr) = acc.unwrap();
    let _ = c.local_addr().unwrap();
    let _ = c.peer_addr().unwrap();
    let cred: unix::UCred = c.peer_cred().unwrap();
    let unix::UCred { uid, gid, .. } = cred;
    let _: (libc::uid_t, libc::gid_t) = (uid, gid);
    fn ucred<T: Copy + Clone + Eq + PartialEq + std::hash::Hash + Debug>() {}
    ucred::<unix::UCred>();
    let _ = c.take_error().unwrap();
    c.write_all(b"x").await.unwrap();
    let mut one = [0u8; 1];
    s.read_exact(&mut one).await.unwrap();
    {
        let (mut r, mut w): (unix::ReadHalf<'_>, unix::WriteHalf<'_>) = c.split();
        let _: &UnixStream = r.as_ref();
        let _: &UnixStream = w.as_ref();
        w.write_all(b"y").await.unwrap();
        s.write_all(b"z").await.unwrap();
        r.read_exact(&mut one).await.unwrap();
    }
    let (r, w): (unix::OwnedReadHalf, unix::OwnedWriteHalf) = c.into_split();
    let c = r.reunite(w).unwrap();
    let (r, w) = c.into_split();
    let c = w.reunite(r).unwrap();
    let (r1, w1) = c.into_split();
    let (r2, w2) = s.into_split();
    let e: unix::ReuniteError = r1.reunite(w2).unwrap_err();
    is_error::<unix::ReuniteError>();
    let unix::ReuniteError(_r, _w): unix::ReuniteError = e;
    w1.forget();
    drop(r2);

    let h = tokio::spawn({
        let path = path.clone();
        async move { UnixStream::connect(path).await }
    });
    let _ = futures::future::poll_fn(|cx| l.poll_accept(cx))
        .await
        .unwrap();
    h.await.unwrap().unwrap();
    {
        let _inc: unix::Incoming<'_> = l.incoming();
    }
    let (p1, p2) = UnixStream::pair().unwrap();
    p1.shutdown(Shutdown::Both).unwrap();
    drop(p2);
    let (sp1, _sp2) = std::os::unix::net::UnixStream::pair().unwrap();
    let _: UnixStream = UnixStream::from_std(sp1).unwrap();
    let sl = std::os::unix::net::UnixListener::bind(dir.path().join("s2")).unwrap();
    let _: UnixListener = UnixListener::from_std(sl).unwrap();

    // Datagrams.
    let mut d1 = UnixDatagram::bind(dir.path().join("d1")).unwrap();
    let mut d2 = UnixDatagram::unbound().unwrap();
    d2.connect(dir.path().join("d1")).unwrap();
    d2.send(b"a").await.unwrap();
    let mut buf = [0u8; 4];
    assert_eq!(d1.recv(&mut buf).await.unwrap(), 1);
    let _: std::io::Result<usize> = d2.try_send(b"b");
    let _: std::io::Result<usize> = d1.try_recv(&mut buf);
    let _: std::io::Result<usize> = d2.try_send_to(b"c", dir.path().join("d1"));
    let _: std::io::Result<(usize, std::os::unix::net::SocketAddr)> = d1.try_recv_from(&mut buf);
    d2.send_to(b"d", dir.path().join("d1")).await.unwrap();
    let (_n, _from): (usize, std::os::unix::net::SocketAddr) =
        d1.recv_from(&mut buf).await.unwrap();
    let _ = d1.local_addr().unwrap();
    let _ = d2.peer_addr().unwrap();
    let _ = d1.take_error().unwrap();
    d2.shutdown(Shutdown::Both).unwrap();
    let (mut e1, mut e2) = UnixDatagram::pair().unwrap();
    {
        let (mut r, mut s): (unix::datagram::RecvHalf<'_>, unix::datagram::SendHalf<'_>) =
            e1.split();
        let _: &UnixDatagram = r.as_ref();
        let _: &UnixDatagram = s.as_ref();
        s.send(b"x").await.unwrap();
        e2.send(b"y").await.unwrap();
        let _: usize = r.recv(&mut buf).await.unwrap();
    }
    let (mut r, mut s): (unix::datagram::OwnedRecvHalf, unix::datagram::OwnedSendHalf) =
        e1.into_split();
    e2.send(b"z").await.unwrap();
    let _: (usize, std::os::unix::net::SocketAddr) = r.recv_from(&mut buf).await.unwrap();
    s.send(b"w").await.unwrap();
    let e1 = r.reunite(s).unwrap();
    let (r, s) = e1.into_split();
    let e1 = s.reunite(r).unwrap();
    let (r1, s1) = e1.into_split();
    let (r2, s2) = e2.into_split();
    let err: unix::datagram::ReuniteError = r1.reunite(s2).unwrap_err();
    let unix::datagram::ReuniteError(_s, _r): unix::datagram::ReuniteError = err;
    s1.forget();
    drop(r2);
    let (sd, _) = std::os::unix::net::UnixDatagram::pair().unwrap();
    let _: UnixDatagram = UnixDatagram::from_std(sd).unwrap();
}
