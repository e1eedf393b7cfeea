//! tokio 0.2.25 compatibility: shapes of 0.2.25's tcp_*/udp/uds_* tests (address forms,
//! std interop through TryInto, peek, shutdown, splits).
#![cfg(unix)]
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    clippy::io_other_error,
    unused_mut
)]

use std::convert::TryInto;
use std::io::{Read, Write};
use std::net::{self, SocketAddr};
use std::sync::Arc;
use std::thread;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket, UnixStream};
use tokio::sync::oneshot;
use tokio_test::assert_ok;

async fn connect_with(addr_fn: impl FnOnce(SocketAddr) -> String) {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (socket, addr) = assert_ok!(srv.accept().await);
        assert_eq!(addr, assert_ok!(socket.peer_addr()));
        assert_ok!(tx.send(socket));
    });
    let target = addr_fn(addr);
    let mine = assert_ok!(TcpStream::connect(&target[..]).await);
    let theirs = assert_ok!(rx.await);
    assert_eq!(
        assert_ok!(mine.local_addr()),
        assert_ok!(theirs.peer_addr())
    );
}

#[tokio::test]
async fn connect_addr_ip_string() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let addr = format!("127.0.0.1:{}", addr.port());
    let server = async { assert_ok!(srv.accept().await) };
    let client = async { assert_ok!(TcpStream::connect(addr).await) };
    let _ = futures::join!(server, client);
}

#[tokio::test]
async fn connect_addr_ip_str_slice() {
    connect_with(|a| format!("127.0.0.1:{}", a.port())).await;
}

#[tokio::test]
async fn connect_addr_host_string() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let addr = format!("localhost:{}", addr.port());
    let server = async { assert_ok!(srv.accept().await) };
    let client = async { assert_ok!(TcpStream::connect(addr).await) };
    let _ = futures::join!(server, client);
}

#[tokio::test]
async fn connect_addr_ip_port_tuple() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let addr = (addr.ip(), addr.port());
    let server = async { assert_ok!(srv.accept().await) };
    let client = async { assert_ok!(TcpStream::connect(&addr).await) };
    let _ = futures::join!(server, client);
}

#[tokio::test]
async fn connect_addr_ip_str_port_tuple() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let addr = ("127.0.0.1", addr.port());
    let server = async { assert_ok!(srv.accept().await) };
    let client = async { assert_ok!(TcpStream::connect(&addr).await) };
    let _ = futures::join!(server, client);
}

#[tokio::test]
async fn connect_addr_host_str_port_tuple() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    let addr = ("localhost", addr.port());
    let server = async { assert_ok!(srv.accept().await) };
    let client = async { assert_ok!(TcpStream::connect(&addr).await) };
    let _ = futures::join!(server, client);
}

#[tokio::test]
async fn connect_v6() {
    let mut srv = match TcpListener::bind("[::1]:0").await {
        Ok(s) => s,
        Err(_) => return, // no IPv6 loopback in this environment
    };
    let addr = assert_ok!(srv.local_addr());
    assert!(addr.is_ipv6());
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (socket, _) = assert_ok!(srv.accept().await);
        assert_ok!(tx.send(socket));
    });
    let mine = assert_ok!(TcpStream::connect(&addr).await);
    let theirs = assert_ok!(rx.await);
    assert_eq!(
        assert_ok!(mine.local_addr()),
        assert_ok!(theirs.peer_addr())
    );
}

#[tokio::test]
async fn accept_with_incoming_loop() {
    use tokio::stream::StreamExt;
    let mut listener = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let mut incoming = listener.incoming();
        let s = incoming.next().await.unwrap().unwrap();
        tx.send(s.peer_addr().unwrap()).unwrap();
    });
    let c = assert_ok!(TcpStream::connect(&addr).await);
    assert_eq!(rx.await.unwrap(), c.local_addr().unwrap());
}

#[tokio::test]
async fn peek_via_try_into() {
    let listener = net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let t = thread::spawn(move || assert_ok!(listener.accept()).0);
    let left = net::TcpStream::connect(addr).unwrap();
    let mut right = t.join().unwrap();
    let _ = right.write(&[1, 2, 3, 4]).unwrap();
    let mut left: TcpStream = left.try_into().unwrap();
    let mut buf = [0u8; 16];
    let n = assert_ok!(left.peek(&mut buf).await);
    assert_eq!([1, 2, 3, 4], buf[..n]);
    let n = assert_ok!(left.read(&mut buf).await);
    assert_eq!([1, 2, 3, 4], buf[..n]);
}

#[tokio::test]
async fn shutdown_via_async_write_ext() {
    let mut srv = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
    let addr = assert_ok!(srv.local_addr());
    tokio::spawn(async move {
        let mut stream = assert_ok!(TcpStream::connect(&addr).await);
        assert_ok!(AsyncWriteExt::shutdown(&mut stream).await);
        let mut buf = [0; 1];
        let n = assert_ok!(stream.read(&mut buf).await);
        assert_eq!(n, 0);
    });
    let (mut stream, _) = assert_ok!(srv.accept().await);
    let (mut rd, mut wr) = stream.split();
    let n = assert_ok!(tokio::io::copy(&mut rd, &mut wr).await);
    assert_eq!(n, 0);
}

#[tokio::test]
async fn into_split_drop_write_from_other_thread() -> std::io::Result<()> {
    const MSG: &[u8] = b"split";
    let listener = net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let handle = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.write_all(MSG).unwrap();
        let mut read_buf = [0u8; 32];
        let res = match stream.read(&mut read_buf) {
            Ok(0) => Ok(()),
            Ok(len) => Err(std::io::Error::new(
                std::io::ErrorKind::Other,
                format!("Unexpected read: {} bytes.", len),
            )),
            Err(err) => Err(err),
        };
        drop(stream);
        res
    });
    let stream = TcpStream::connect(addr).await?;
    let (mut read_half, write_half) = stream.into_split();
    let mut read_buf = [0u8; 32];
    let read_len = read_half.read(&mut read_buf[..]).await?;
    assert_eq!(&read_buf[..read_len], MSG);
    // drop it while the read is in progress
    std::thread::spawn(move || {
        thread::sleep(std::time::Duration::from_millis(50));
        drop(write_half);
    });
    match read_half.read(&mut read_buf[..]).await {
        Ok(0) => {}
        Ok(len) => panic!("Unexpected read: {} bytes.", len),
        Err(err) => panic!("Unexpected error: {}.", err),
    }
    handle.join().unwrap().unwrap();
    Ok(())
}

#[tokio::test]
async fn tcp_split_peek() -> std::io::Result<()> {
    const MSG: &[u8] = b"split";
    let listener = net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let handle = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.write_all(MSG).unwrap();
        let mut read_buf = [0u8; 32];
        let read_len = stream.read(&mut read_buf).unwrap();
        assert_eq!(&read_buf[..read_len], MSG);
    });
    let mut stream = TcpStream::connect(&addr).await?;
    let (mut read_half, mut write_half) = stream.split();
    let mut read_buf = [0u8; 32];
    let peek_len1 = read_half.peek(&mut read_buf[..]).await?;
    let peek_len2 = read_half.peek(&mut read_buf[..]).await?;
    assert_eq!(peek_len1, peek_len2);
    let read_len = read_half.read(&mut read_buf[..]).await?;
    assert_eq!(peek_len1, read_len);
    assert_eq!(&read_buf[..read_len], MSG);
    write_half.write_all(MSG).await?;
    handle.join().unwrap();
    Ok(())
}

#[tokio::test]
async fn udp_split_0_2_shape() -> std::io::Result<()> {
    let socket = UdpSocket::bind("127.0.0.1:0").await?;
    let (mut r, mut s) = socket.split();
    let msg = b"hello";
    let addr = s.as_ref().local_addr()?;
    tokio::spawn(async move {
        s.send_to(msg, &addr).await.unwrap();
    });
    let mut recv_buf = [0u8; 32];
    let (len, _) = r.recv_from(&mut recv_buf[..]).await?;
    assert_eq!(&recv_buf[..len], msg);
    Ok(())
}

#[tokio::test]
async fn udp_reunite_0_2_shape() -> std::io::Result<()> {
    let socket = UdpSocket::bind("127.0.0.1:0").await?;
    let (s, r) = socket.split();
    assert!(s.reunite(r).is_ok());
    let socket = UdpSocket::bind("127.0.0.1:0").await?;
    let socket1 = UdpSocket::bind("127.0.0.1:0").await?;
    let (s, _) = socket.split();
    let (_, r1) = socket1.split();
    assert!(s.reunite(r1).is_err());
    Ok(())
}

#[tokio::test]
async fn udp_try_send_spawn_arc() {
    const MSG: &[u8] = b"hello";
    const MSG2: &[u8] = b"world!";
    let sender = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let mut receiver = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    receiver
        .connect(sender.local_addr().unwrap())
        .await
        .unwrap();
    sender
        .connect(receiver.local_addr().unwrap())
        .await
        .unwrap();
    let sent = sender.try_send(MSG).unwrap();
    assert_eq!(sent, MSG.len());
    let mut buf = [0u8; 32];
    let n = receiver.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], MSG);
    let sender = Arc::new(sender);
    let s = sender.clone();
    let sent = tokio::spawn(async move { s.try_send(MSG2).unwrap() })
        .await
        .unwrap();
    assert_eq!(sent, MSG2.len());
    let n = receiver.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], MSG2);
}

#[tokio::test]
async fn uds_cred_pair() {
    let (a, b) = UnixStream::pair().unwrap();
    let cred_a = a.peer_cred().unwrap();
    let cred_b = b.peer_cred().unwrap();
    assert_eq!(cred_a, cred_b);
    // SAFETY: geteuid/getegid have no preconditions.
    let uid = unsafe { libc::geteuid() };
    // SAFETY: as above.
    let gid = unsafe { libc::getegid() };
    assert_eq!(cred_a.uid, uid);
    assert_eq!(cred_a.gid, gid);
}

#[tokio::test]
async fn uds_try_join_accept_connect() -> std::io::Result<()> {
    let mut path = std::env::temp_dir();
    path.push(format!("compat-shapes-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut listener = tokio::net::UnixListener::bind(&path)?;
    let accept = listener.accept();
    let connect = UnixStream::connect(&path);
    let ((mut server, _), mut client) = futures::future::try_join(accept, connect).await?;
    // Write to the client.
    client.write_all(b"hello").await?;
    drop(client);
    // Read from the server.
    let mut buf = vec![];
    server.read_to_end(&mut buf).await?;
    assert_eq!(&buf, b"hello");
    let len = server.read(&mut buf).await?;
    assert_eq!(len, 0);
    let _ = std::fs::remove_file(&path);
    Ok(())
}

#[tokio::test]
async fn uds_datagram_echo_as_pathname() -> std::io::Result<()> {
    let dir = std::env::temp_dir();
    let server_path = dir.join(format!("compat-dg-srv-{}", std::process::id()));
    let client_path = dir.join(format!("compat-dg-cli-{}", std::process::id()));
    let _ = std::fs::remove_file(&server_path);
    let _ = std::fs::remove_file(&client_path);
    let mut server_socket = tokio::net::UnixDatagram::bind(&server_path)?;
    tokio::spawn(async move {
        let mut recv_buf = vec![0u8; 1024];
        let (len, addr) = server_socket.recv_from(&mut recv_buf[..]).await.unwrap();
        let addr = addr.as_pathname().unwrap();
        server_socket.send_to(&recv_buf[..len], addr).await.unwrap();
    });
    let mut socket = tokio::net::UnixDatagram::bind(&client_path)?;
    socket.connect(&server_path)?;
    socket.send(b"ECHO").await?;
    let mut recv_buf = [0u8; 16];
    let len = socket.recv(&mut recv_buf[..]).await?;
    assert_eq!(&recv_buf[..len], b"ECHO");
    let _ = std::fs::remove_file(&server_path);
    let _ = std::fs::remove_file(&client_path);
    Ok(())
}

#[test]
fn net_futures_are_send() {
    fn send<T: Send>(_: &T) {}
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        send(&TcpListener::bind("127.0.0.1:0"));
        send(&TcpStream::connect("127.0.0.1:1"));
        send(&UdpSocket::bind("127.0.0.1:0"));
        send(&UnixStream::connect("/nonexistent"));
        send(&tokio::net::lookup_host("localhost:1"));
        let mut l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        send(&l.accept());
        let mut u = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let mut buf = [0u8; 1];
        send(&u.recv_from(&mut buf));
        fn sync<T: Sync>() {}
        sync::<TcpStream>();
        sync::<TcpListener>();
        sync::<UdpSocket>();
        sync::<UnixStream>();
    });
}
