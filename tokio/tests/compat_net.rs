//! tokio 0.2.25 compatibility: `tokio::net`, written in 0.2 shape (`let mut listener`,
//! `listener.accept()`, borrowed `split()`, `UdpSocket::split`, `peer_cred().uid`, ...).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]
#![cfg(unix)]

use std::net::{Shutdown, SocketAddr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp;
use tokio::net::udp;
use tokio::net::unix;
use tokio::net::{TcpListener, TcpStream, UdpSocket, UnixDatagram, UnixListener, UnixStream};
use tokio::runtime::{Builder, Runtime};
use tokio::stream::StreamExt;

fn panic_msg<R>(f: impl FnOnce() -> R) -> String {
    let err = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(e) => e,
    };
    if let Some(s) = err.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = err.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".to_string()
    }
}

fn rt() -> Runtime {
    Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut rt = rt();
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), f)
            .await
            .expect("test timed out")
    })
}

fn tmp_path(name: &str) -> std::path::PathBuf {
    let mut p = std::env::temp_dir();
    p.push(format!(
        "compat-{}-{}-{}",
        std::process::id(),
        name,
        rand_suffix()
    ));
    let _ = std::fs::remove_file(&p);
    p
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

#[test]
fn tcp_listener_accept_mut() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let client = tokio::spawn(async move {
            let mut s = TcpStream::connect(addr).await.unwrap();
            s.write_all(b"hello").await.unwrap();
            let mut buf = [0u8; 5];
            s.read_exact(&mut buf).await.unwrap();
            buf
        });
        let (mut sock, peer) = listener.accept().await.unwrap();
        assert_eq!(peer, sock.peer_addr().unwrap());
        let mut buf = [0u8; 5];
        sock.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"hello");
        sock.write_all(b"world").await.unwrap();
        assert_eq!(&client.await.unwrap(), b"world");
    });
}

#[test]
fn tcp_bind_variants_of_to_socket_addrs() {
    run(async {
        let a: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let _l = TcpListener::bind(a).await.unwrap();
        let _l = TcpListener::bind(&a).await.unwrap();
        let _l = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
        let _l = TcpListener::bind(("127.0.0.1".to_string(), 0))
            .await
            .unwrap();
        let _l = TcpListener::bind("127.0.0.1:0".to_string()).await.unwrap();
        let _l = TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0))
            .await
            .unwrap();
        let _l = TcpListener::bind((std::net::IpAddr::from([127, 0, 0, 1]), 0))
            .await
            .unwrap();
        let addrs = [a];
        let _l = TcpListener::bind(&addrs[..]).await.unwrap();
        let err = TcpListener::bind(&[][..] as &[SocketAddr])
            .await
            .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "could not resolve to any address");
    });
}

#[test]
fn tcp_lookup_host() {
    run(async {
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host("127.0.0.1:80")
            .await
            .unwrap()
            .collect();
        assert_eq!(addrs, vec!["127.0.0.1:80".parse::<SocketAddr>().unwrap()]);
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host(("localhost", 1))
            .await
            .unwrap()
            .collect();
        assert!(!addrs.is_empty());
    });
}

#[test]
fn tcp_incoming_and_stream_impl() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            for _ in 0..2 {
                let _ = TcpStream::connect(addr).await.unwrap();
            }
        });
        {
            let mut incoming: tcp::Incoming<'_> = listener.incoming();
            let s = incoming.next().await.unwrap().unwrap();
            let _: TcpStream = s;
        }
        // TcpListener itself is a Stream in 0.2
        let s = listener.next().await.unwrap().unwrap();
        let _: TcpStream = s;
    });
}

#[test]
fn tcp_poll_accept_mut() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { TcpStream::connect(addr).await.unwrap() });
        let (s, _a) = futures::future::poll_fn(|cx| listener.poll_accept(cx))
            .await
            .unwrap();
        drop(s);
    });
}

#[test]
fn tcp_split_borrowed_and_owned() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            let (mut r, mut w) = s.split();
            tokio::io::copy(&mut r, &mut w).await.unwrap();
        });
        let mut stream = TcpStream::connect(addr).await.unwrap();
        {
            let (mut rd, mut wr): (tcp::ReadHalf<'_>, tcp::WriteHalf<'_>) = stream.split();
            wr.write_all(b"ping").await.unwrap();
            let mut buf = [0u8; 4];
            let n = rd.peek(&mut buf).await.unwrap();
            assert!(n > 0);
            rd.read_exact(&mut buf).await.unwrap();
            assert_eq!(&buf, b"ping");
            let _: &TcpStream = rd.as_ref();
            let _: &TcpStream = wr.as_ref();
        }
        let (mut rd, mut wr): (tcp::OwnedReadHalf, tcp::OwnedWriteHalf) = stream.into_split();
        wr.write_all(b"pong").await.unwrap();
        let mut buf = [0u8; 4];
        rd.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"pong");
        let stream: TcpStream = rd.reunite(wr).unwrap();
        let (rd, wr) = stream.into_split();
        let stream = wr.reunite(rd).unwrap();
        drop(stream);
    });
}

#[test]
fn tcp_reunite_error() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let a = TcpStream::connect(addr).await.unwrap();
        let b = TcpStream::connect(addr).await.unwrap();
        let _x = listener.accept().await.unwrap();
        let (ra, _wa) = a.into_split();
        let (_rb, wb) = b.into_split();
        let err: tcp::ReuniteError = ra.reunite(wb).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tried to reunite halves that are not from the same socket"
        );
        let tcp::ReuniteError(_r, _w) = err;
    });
}

#[test]
fn tcp_owned_write_half_drop_shuts_down_and_forget() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let c = TcpStream::connect(addr).await.unwrap();
        let (mut s, _) = listener.accept().await.unwrap();
        let (_r, w) = c.into_split();
        drop(w);
        let mut buf = [0u8; 1];
        assert_eq!(s.read(&mut buf).await.unwrap(), 0);

        let c = TcpStream::connect(addr).await.unwrap();
        let (mut s, _) = listener.accept().await.unwrap();
        let (_r, w) = c.into_split();
        w.forget();
        let r = tokio::time::timeout(Duration::from_millis(100), s.read(&mut buf)).await;
        assert!(r.is_err(), "forget() must not shut down the write side");
    });
}

#[test]
fn tcp_stream_options() {
    run(async {
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut s = TcpStream::connect(addr).await.unwrap();
        let _acc = listener.accept().await.unwrap();
        s.set_nodelay(true).unwrap();
        assert!(s.nodelay().unwrap());
        s.set_ttl(60).unwrap();
        assert_eq!(s.ttl().unwrap(), 60);
        s.set_recv_buffer_size(65536).unwrap();
        assert!(s.recv_buffer_size().unwrap() > 0);
        s.set_send_buffer_size(65536).unwrap();
        assert!(s.send_buffer_size().unwrap() > 0);
        s.set_keepalive(Some(Duration::from_secs(30))).unwrap();
        assert!(s.keepalive().unwrap().is_some());
        s.set_keepalive(None).unwrap();
        assert_eq!(s.keepalive().unwrap(), None);
        s.set_linger(Some(Duration::from_secs(1))).unwrap();
        assert_eq!(s.linger().unwrap(), Some(Duration::from_secs(1)));
        listener.set_ttl(42).unwrap();
        assert_eq!(listener.ttl().unwrap(), 42);
        let _ = format!("{:?} {:?}", s, listener);
        use std::os::unix::io::AsRawFd;
        assert!(s.as_raw_fd() >= 0 && listener.as_raw_fd() >= 0);
        s.shutdown(Shutdown::Write).unwrap();
        let mut buf = [0u8; 4];
        let n = futures::future::poll_fn(|cx| s.poll_peek(cx, &mut buf));
        let _ = tokio::time::timeout(Duration::from_millis(10), n).await;
    });
}

#[test]
fn tcp_from_std_sets_nonblocking() {
    run(async {
        let std_l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = std_l.local_addr().unwrap();
        let mut listener = TcpListener::from_std(std_l).unwrap();
        let std_s = std::net::TcpStream::connect(addr).unwrap();
        let mut s = TcpStream::from_std(std_s).unwrap();
        let (mut a, _) = listener.accept().await.unwrap();
        // if the socket was left blocking this read would block the runtime forever
        let mut buf = [0u8; 1];
        let r = tokio::time::timeout(Duration::from_millis(50), s.read(&mut buf)).await;
        assert!(r.is_err());
        a.write_all(b"x").await.unwrap();
        s.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"x");
    });
}

#[test]
fn tcp_try_from_std() {
    use std::convert::TryFrom;
    run(async {
        let std_l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = std_l.local_addr().unwrap();
        let _l = TcpListener::try_from(std_l).unwrap();
        let std_s = std::net::TcpStream::connect(addr).unwrap();
        let _s = TcpStream::try_from(std_s).unwrap();
    });
}

#[test]
fn tcp_connect_refused_is_error() {
    run(async {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        drop(l);
        let err = TcpStream::connect(addr).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
    });
}

#[test]
fn io_outside_runtime_panics() {
    let msg = panic_msg(|| {
        let std_l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        TcpListener::from_std(std_l)
    });
    assert!(
        msg.starts_with(
            "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime"
        ),
        "{}",
        msg
    );
    let msg = panic_msg(UnixStream::pair);
    assert!(
        msg.starts_with(
            "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime"
        ),
        "{}",
        msg
    );
    let msg = panic_msg(|| futures::executor::block_on(TcpListener::bind("127.0.0.1:0")));
    assert!(
        msg.starts_with(
            "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime"
        ),
        "{}",
        msg
    );
}

#[test]
#[ignore = "deliberate deviation (DESIGN.md): the no-reactor panic text adds a `no current reactor` suffix naming the fix; 0.2.25's text is exactly the §13 string"]
fn io_outside_runtime_panic_text_exact() {
    let msg = panic_msg(UnixStream::pair);
    assert_eq!(
        msg,
        "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime"
    );
}

#[test]
fn io_without_enable_io_panics() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_time()
        .build()
        .unwrap();
    let msg = rt.block_on(async {
        let fut = TcpListener::bind("127.0.0.1:0");
        let r = futures::FutureExt::catch_unwind(AssertUnwindSafe(fut)).await;
        match r {
            Ok(_) => "no panic".to_string(),
            Err(e) => e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default(),
        }
    });
    assert!(
        msg.starts_with(
            "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime"
        ),
        "{}",
        msg
    );
}

#[test]
fn udp_mut_send_recv() {
    run(async {
        let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let mut b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b_addr = b.local_addr().unwrap();
        let a_addr = a.local_addr().unwrap();
        let n = a.send_to(b"hi", &b_addr).await.unwrap();
        assert_eq!(n, 2);
        let n = a.send_to(b"hi", b_addr).await.unwrap();
        assert_eq!(n, 2);
        let n = a.send_to(b"hi", "127.0.0.1:1".to_string()).await;
        let _ = n;
        let mut buf = [0u8; 16];
        let (n, from) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"hi"[..], a_addr));
        let (n, _) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!(n, 2);
        a.connect(b_addr).await.unwrap();
        b.connect(a_addr).await.unwrap();
        a.send(b"yo").await.unwrap();
        let n = b.recv(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"yo");
        a.try_send(b"t1").unwrap();
        let n = b.recv(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"t1");
        let n = futures::future::poll_fn(|cx| a.poll_send(cx, b"p1"))
            .await
            .unwrap();
        assert_eq!(n, 2);
        let n = futures::future::poll_fn(|cx| b.poll_recv(cx, &mut buf))
            .await
            .unwrap();
        assert_eq!(&buf[..n], b"p1");
    });
}

#[test]
fn udp_try_send_to_and_poll() {
    run(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b_addr = b.local_addr().unwrap();
        a.try_send_to(b"x", b_addr).unwrap();
        let mut buf = [0u8; 4];
        let (n, _) = futures::future::poll_fn(|cx| b.poll_recv_from(cx, &mut buf))
            .await
            .unwrap();
        assert_eq!(n, 1);
        futures::future::poll_fn(|cx| a.poll_send_to(cx, b"y", &b_addr))
            .await
            .unwrap();
        let (n, _) = futures::future::poll_fn(|cx| b.poll_recv_from(cx, &mut buf))
            .await
            .unwrap();
        assert_eq!(&buf[..n], b"y");
    });
}

#[test]
fn udp_send_to_no_addresses() {
    run(async {
        let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let err = a.send_to(b"x", &[][..] as &[SocketAddr]).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "no addresses to send data to");
    });
}

#[test]
fn udp_split_by_value() {
    run(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let a_addr = a.local_addr().unwrap();
        let b_addr = b.local_addr().unwrap();
        let (mut a_recv, mut a_send): (udp::RecvHalf, udp::SendHalf) = a.split();
        let (mut b_recv, mut b_send) = b.split();
        a_send.send_to(b"1", &b_addr).await.unwrap();
        let mut buf = [0u8; 4];
        let (n, from) = b_recv.recv_from(&mut buf).await.unwrap();
        assert_eq!((n, from), (1, a_addr));
        b_send.send_to(b"2", &a_addr).await.unwrap();
        let (n, _) = a_recv.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"2");
        let _: &UdpSocket = a_recv.as_ref();
        let _: &UdpSocket = a_send.as_ref();
        let _ = format!("{:?}{:?}", a_recv, a_send);
        let a = a_recv.reunite(a_send).unwrap();
        let (ar, as_) = a.split();
        let a = as_.reunite(ar).unwrap();
        let (ar, _as) = a.split();
        let err: udp::ReuniteError = ar.reunite(b_send).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tried to reunite halves that are not from the same socket"
        );
        let udp::ReuniteError(_send, _recv) = err;
        let _ = b_recv;
    });
}

#[test]
fn udp_connected_split_send_recv() {
    run(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        a.connect(b.local_addr().unwrap()).await.unwrap();
        b.connect(a.local_addr().unwrap()).await.unwrap();
        let (_ar, mut asend) = a.split();
        let (mut br, _bs) = b.split();
        asend.send(b"abc").await.unwrap();
        let mut buf = [0u8; 8];
        let n = br.recv(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"abc");
    });
}

#[test]
fn udp_options() {
    run(async {
        let s = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        s.set_broadcast(true).unwrap();
        assert!(s.broadcast().unwrap());
        s.set_ttl(33).unwrap();
        assert_eq!(s.ttl().unwrap(), 33);
        s.set_multicast_loop_v4(false).unwrap();
        assert!(!s.multicast_loop_v4().unwrap());
        s.set_multicast_ttl_v4(4).unwrap();
        assert_eq!(s.multicast_ttl_v4().unwrap(), 4);
        let _ = s.multicast_loop_v6();
        let _ = s.set_multicast_loop_v6(true);
        let _ = s.join_multicast_v4(
            std::net::Ipv4Addr::new(224, 0, 0, 123),
            std::net::Ipv4Addr::UNSPECIFIED,
        );
        let _ = s.leave_multicast_v4(
            std::net::Ipv4Addr::new(224, 0, 0, 123),
            std::net::Ipv4Addr::UNSPECIFIED,
        );
        let _ = s.join_multicast_v6(&std::net::Ipv6Addr::LOCALHOST, 0);
        let _ = s.leave_multicast_v6(&std::net::Ipv6Addr::LOCALHOST, 0);
        let std_s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let _s = UdpSocket::from_std(std_s).unwrap();
    });
}

#[test]
fn uds_listener_accept_mut_and_peer_cred() {
    run(async {
        let path = tmp_path("uds");
        let mut listener = UnixListener::bind(&path).unwrap();
        let p2 = path.clone();
        let client = tokio::spawn(async move {
            let mut s = UnixStream::connect(&p2).await.unwrap();
            s.write_all(b"abc").await.unwrap();
            s
        });
        let (mut s, _addr) = listener.accept().await.unwrap();
        let mut buf = [0u8; 3];
        s.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"abc");
        let cred: unix::UCred = s.peer_cred().unwrap();
        let uid: libc::uid_t = cred.uid;
        let gid: libc::gid_t = cred.gid;
        assert_eq!(uid, unsafe_free_getuid());
        let _ = gid;
        let c2 = cred;
        assert_eq!(cred, c2);
        assert!(listener.local_addr().unwrap().as_pathname().is_some());
        assert!(listener.take_error().unwrap().is_none());
        let _c = client.await.unwrap();
        let _ = std::fs::remove_file(&path);
    });
}

fn unsafe_free_getuid() -> libc::uid_t {
    // the uid of the current process, read without libc calls
    let meta = std::fs::metadata("/proc/self").unwrap();
    std::os::unix::fs::MetadataExt::uid(&meta)
}

#[test]
fn uds_incoming_and_stream() {
    run(async {
        let path = tmp_path("inc");
        let mut listener = UnixListener::bind(&path).unwrap();
        let p2 = path.clone();
        tokio::spawn(async move {
            let _a = UnixStream::connect(&p2).await.unwrap();
            let _b = UnixStream::connect(&p2).await.unwrap();
            tokio::time::delay_for(Duration::from_millis(200)).await;
        });
        {
            let mut inc: unix::Incoming<'_> = listener.incoming();
            let s = inc.next().await.unwrap().unwrap();
            let _: UnixStream = s;
        }
        let s = listener.next().await.unwrap().unwrap();
        let _: UnixStream = s;
        let _ = std::fs::remove_file(&path);
    });
}

#[test]
fn uds_pair_split() {
    run(async {
        let (mut a, mut b) = UnixStream::pair().unwrap();
        {
            let (mut ar, mut aw): (unix::ReadHalf<'_>, unix::WriteHalf<'_>) = a.split();
            aw.write_all(b"x").await.unwrap();
            let mut buf = [0u8; 1];
            b.read_exact(&mut buf).await.unwrap();
            b.write_all(b"y").await.unwrap();
            ar.read_exact(&mut buf).await.unwrap();
            assert_eq!(&buf, b"y");
        }
        let (ar, aw): (unix::OwnedReadHalf, unix::OwnedWriteHalf) = a.into_split();
        let a = ar.reunite(aw).unwrap();
        let (ar, aw) = a.into_split();
        drop(aw);
        let mut buf = [0u8; 1];
        assert_eq!(b.read(&mut buf).await.unwrap(), 0);
        let (br, bw) = b.into_split();
        let err: unix::ReuniteError = ar.reunite(bw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tried to reunite halves that are not from the same socket"
        );
        let unix::ReuniteError(_r, w) = err;
        w.forget();
        drop(br);
    });
}

#[test]
fn uds_stream_misc() {
    run(async {
        let (a, b) = UnixStream::pair().unwrap();
        assert!(a.local_addr().unwrap().is_unnamed());
        assert!(a.peer_addr().unwrap().is_unnamed());
        assert!(a.take_error().unwrap().is_none());
        a.shutdown(Shutdown::Both).unwrap();
        let _ = format!("{:?}", b);
        let (s1, _s2) = std::os::unix::net::UnixStream::pair().unwrap();
        let _s = UnixStream::from_std(s1).unwrap();
        let path = tmp_path("fromstd");
        let l = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let _l = UnixListener::from_std(l).unwrap();
        let _ = std::fs::remove_file(&path);
    });
}

#[test]
fn uds_datagram_mut() {
    run(async {
        let p1 = tmp_path("dg1");
        let p2 = tmp_path("dg2");
        let mut a = UnixDatagram::bind(&p1).unwrap();
        let mut b = UnixDatagram::bind(&p2).unwrap();
        a.send_to(b"one", &p2).await.unwrap();
        let mut buf = [0u8; 8];
        let (n, from) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"one");
        assert_eq!(from.as_pathname(), Some(p1.as_path()));
        a.connect(&p2).unwrap();
        a.send(b"two").await.unwrap();
        let n = b.recv(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"two");
        a.try_send(b"3").unwrap();
        tokio::time::delay_for(Duration::from_millis(10)).await;
        let n = b.try_recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"3");
        b.try_send_to(b"4", &p1).unwrap();
        tokio::time::delay_for(Duration::from_millis(10)).await;
        let (n, _) = a.try_recv_from(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"4");
        assert!(a.peer_addr().unwrap().as_pathname().is_some());
        assert!(a.local_addr().unwrap().as_pathname().is_some());
        assert!(a.take_error().unwrap().is_none());
        let _ = std::fs::remove_file(&p1);
        let _ = std::fs::remove_file(&p2);
    });
}

#[test]
fn uds_datagram_pair_split() {
    run(async {
        let (mut a, mut b) = UnixDatagram::pair().unwrap();
        {
            let (mut ar, mut aw): (unix::datagram::RecvHalf<'_>, unix::datagram::SendHalf<'_>) =
                a.split();
            aw.send(b"s").await.unwrap();
            let mut buf = [0u8; 2];
            let n = b.recv(&mut buf).await.unwrap();
            assert_eq!(&buf[..n], b"s");
            b.send(b"t").await.unwrap();
            let n = ar.recv(&mut buf).await.unwrap();
            assert_eq!(&buf[..n], b"t");
        }
        let (ar, aw): (unix::datagram::OwnedRecvHalf, unix::datagram::OwnedSendHalf) =
            a.into_split();
        let a = ar.reunite(aw).unwrap();
        let (ar, aw) = a.into_split();
        let a = aw.reunite(ar).unwrap();
        let _ = a;
        let u = UnixDatagram::unbound().unwrap();
        let _ = u;
        let (s1, _s2) = std::os::unix::net::UnixDatagram::pair().unwrap();
        let _d = UnixDatagram::from_std(s1).unwrap();
    });
}

#[test]
fn runtime_drop_makes_io_error() {
    let mut rt = rt();
    let (listener, addr) = rt.block_on(async {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let a = l.local_addr().unwrap();
        (l, a)
    });
    drop(rt);
    let _ = addr;
    let mut listener = listener;
    let mut rt2 = self::rt();
    let r = rt2
        .block_on(async { tokio::time::timeout(Duration::from_secs(2), listener.accept()).await });
    match r {
        Ok(Err(_)) => {}
        other => panic!(
            "expected an io error after runtime drop, got {:?}",
            other.map(|r| r.map(|_| ()))
        ),
    }
}
