mod support;

use std::sync::Arc;
use support::*;
use tokio_net::udp::UdpSocket;

#[test]
fn send_to_recv_from_preserves_boundaries() {
    block_on(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b_addr = b.local_addr().unwrap();
        a.send_to(b"one", b_addr).await.unwrap();
        a.send_to(b"two!", &b_addr).await.unwrap();
        let mut buf = [0u8; 64];
        let (n, from) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"one");
        assert_eq!(from, a.local_addr().unwrap());
        let (n, _) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"two!");
    });
}

#[test]
fn oversized_datagram_is_truncated() {
    block_on(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        a.send_to(&[7u8; 1000], b.local_addr().unwrap())
            .await
            .unwrap();
        a.send_to(b"next", b.local_addr().unwrap()).await.unwrap();
        let mut small = [0u8; 10];
        let (n, _) = b.recv_from(&mut small).await.unwrap();
        assert_eq!(n, 10);
        assert_eq!(small, [7u8; 10]);
        // The rest of the big datagram is gone; the next one is intact.
        let mut buf = [0u8; 64];
        let (n, _) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"next");
    });
}

#[test]
fn connected_send_recv_and_try_ops() {
    block_on(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        a.connect(b.local_addr().unwrap()).await.unwrap();
        b.connect(a.local_addr().unwrap()).await.unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(
            b.try_recv(&mut buf).unwrap_err().kind(),
            std::io::ErrorKind::WouldBlock
        );
        assert_eq!(a.send(b"ping").await.unwrap(), 4);
        assert_eq!(b.recv(&mut buf).await.unwrap(), 4);
        assert_eq!(&buf[..4], b"ping");
        assert_eq!(b.try_send(b"pong").unwrap(), 4);
        assert_eq!(a.recv(&mut buf).await.unwrap(), 4);
        assert_eq!(&buf[..4], b"pong");
    });
}

#[test]
fn ping_pong_shared_through_arc() {
    block_on(async {
        let a = Arc::new(UdpSocket::bind("127.0.0.1:0").await.unwrap());
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let a_addr = a.local_addr().unwrap();
        let echo = async {
            let mut buf = [0u8; 8];
            for _ in 0..200 {
                let (n, from) = b.recv_from(&mut buf).await.unwrap();
                b.send_to(&buf[..n], from).await.unwrap();
            }
        };
        let client = async {
            let target = b.local_addr().unwrap();
            let mut buf = [0u8; 8];
            for i in 0u32..200 {
                a.send_to(&i.to_be_bytes(), target).await.unwrap();
                let (n, from) = a.recv_from(&mut buf).await.unwrap();
                assert_eq!(n, 4);
                assert_eq!(from, target);
                assert_eq!(u32::from_be_bytes(buf[..4].try_into().unwrap()), i);
            }
        };
        futures::join!(echo, client);
        assert_eq!(a.local_addr().unwrap(), a_addr);
    });
}

#[test]
fn split_and_reunite() {
    block_on(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let b_addr = b.local_addr().unwrap();
        let (mut recv, mut send) = a.split();
        send.send_to(b"x", &b_addr).await.unwrap();
        let mut buf = [0u8; 4];
        let (_, from) = b.recv_from(&mut buf).await.unwrap();
        b.send_to(b"y", from).await.unwrap();
        let (n, _) = recv.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"y");

        let c = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let (c_recv, c_send) = c.split();
        let err = recv.reunite(c_send).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tried to reunite halves that are not from the same socket"
        );
        let (c_send, recv) = (err.0, err.1);
        let _c = c_recv.reunite(c_send).unwrap();
        let a = send.reunite(recv).unwrap();
        assert!(a.local_addr().is_ok());
    });
}

#[test]
fn send_to_unresolvable_target_is_invalid_input() {
    block_on(async {
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let empty: &[std::net::SocketAddr] = &[];
        let err = a.send_to(b"x", empty).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "no addresses to send data to");
    });
}

#[test]
fn icmp_refused_on_connected_socket_is_an_error_then_pending() {
    block_on(async {
        let closed = {
            let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
            s.local_addr().unwrap()
        };
        let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        a.connect(closed).await.unwrap();
        a.send(b"anyone?").await.unwrap();
        let mut buf = [0u8; 16];
        let err = a.recv(&mut buf).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
        // The error was reported once; the socket is quiet now (no busy loop, no hang).
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(a.poll_recv(&mut cx, &mut buf).is_pending());
    });
}
