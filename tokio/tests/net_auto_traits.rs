#![cfg(feature = "full")]
//! Compile-time checks of the auto traits of every public net type and future.

use tokio::net::{tcp, udp, unix};
use tokio::net::{TcpListener, TcpStream, UdpSocket, UnixDatagram, UnixListener, UnixStream};

fn send_sync_unpin<T: Send + Sync + Unpin>() {}
fn send<T: Send>(_: &T) {}

#[test]
fn types_are_send_sync_unpin() {
    send_sync_unpin::<TcpListener>();
    send_sync_unpin::<TcpStream>();
    send_sync_unpin::<UdpSocket>();
    send_sync_unpin::<UnixListener>();
    send_sync_unpin::<UnixStream>();
    send_sync_unpin::<UnixDatagram>();
    send_sync_unpin::<tcp::OwnedReadHalf>();
    send_sync_unpin::<tcp::OwnedWriteHalf>();
    send_sync_unpin::<tcp::ReadHalf<'static>>();
    send_sync_unpin::<tcp::WriteHalf<'static>>();
    send_sync_unpin::<tcp::ReuniteError>();
    send_sync_unpin::<tcp::Incoming<'static>>();
    send_sync_unpin::<udp::RecvHalf>();
    send_sync_unpin::<udp::SendHalf>();
    send_sync_unpin::<udp::ReuniteError>();
    send_sync_unpin::<unix::OwnedReadHalf>();
    send_sync_unpin::<unix::OwnedWriteHalf>();
    send_sync_unpin::<unix::ReadHalf<'static>>();
    send_sync_unpin::<unix::WriteHalf<'static>>();
    send_sync_unpin::<unix::Incoming<'static>>();
    send_sync_unpin::<unix::UCred>();
    send_sync_unpin::<unix::datagram::OwnedRecvHalf>();
    send_sync_unpin::<unix::datagram::OwnedSendHalf>();
    send_sync_unpin::<unix::datagram::RecvHalf<'static>>();
    send_sync_unpin::<unix::datagram::SendHalf<'static>>();
    send_sync_unpin::<tokio::signal::unix::Signal>();
}

#[allow(dead_code, unused_mut)]
async fn futures_are_send(
    mut l: TcpListener,
    mut s: TcpStream,
    mut u: UdpSocket,
    mut d: UnixDatagram,
    mut ul: UnixListener,
) {
    let addr: std::net::SocketAddr = "127.0.0.1:1".parse().unwrap();
    let mut buf = [0u8; 4];
    send(&TcpListener::bind("127.0.0.1:0"));
    send(&TcpListener::bind(addr));
    send(&TcpStream::connect("localhost:1"));
    send(&UdpSocket::bind(("127.0.0.1", 0)));
    send(&UnixStream::connect("/tmp/x"));
    send(&l.accept());
    send(&s.peek(&mut buf));
    send(&u.recv_from(&mut buf));
    send(&u.send_to(b"x", "127.0.0.1:1"));
    send(&u.connect(addr));
    send(&d.recv(&mut buf));
    send(&d.send_to(b"x", "/tmp/x"));
    send(&ul.accept());
    send(&tokio::net::lookup_host("localhost:1"));
    send(&tokio::signal::ctrl_c());
}

#[test]
fn futures_are_send_compiles() {
    // The checks are in `futures_are_send`, which only needs to type-check.
    let _ = futures_are_send;
}
