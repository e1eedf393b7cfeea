mod support;

use std::time::Duration;
use support::*;
use tokio_net::tcp::{TcpListener, TcpStream};

#[test]
fn peer_reset_mid_write_is_an_error_and_others_keep_working() {
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut victim = TcpStream::connect(addr).await.unwrap();
        let (server_victim, _) = listener.accept().await.unwrap();
        let mut healthy = TcpStream::connect(addr).await.unwrap();
        let (mut server_healthy, _) = listener.accept().await.unwrap();

        // Reset: SO_LINGER 0 then close sends RST.
        server_victim
            .set_linger(Some(Duration::from_secs(0)))
            .unwrap();
        drop(server_victim);

        let chunk = vec![0xabu8; 64 * 1024];
        let mut err = None;
        for _ in 0..1000 {
            if let Err(e) = write_all(&mut victim, &chunk).await {
                err = Some(e);
                break;
            }
        }
        let err = err.expect("writing to a reset peer must fail");
        assert!(
            matches!(
                err.kind(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
            ),
            "{err:?}"
        );
        // Reading reports the reset or EOF, never a hang or panic.
        let mut buf = [0u8; 16];
        let _ = read(&mut victim, &mut buf).await;

        // The other connection is unaffected.
        write_all(&mut healthy, b"still here").await.unwrap();
        let mut got = [0u8; 10];
        read_exact(&mut server_healthy, &mut got).await.unwrap();
        assert_eq!(&got, b"still here");
    });
}

#[test]
fn socket_options_round_trip() {
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let s = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        s.set_nodelay(true).unwrap();
        assert!(s.nodelay().unwrap());
        s.set_ttl(42).unwrap();
        assert_eq!(s.ttl().unwrap(), 42);
        s.set_linger(Some(Duration::from_secs(3))).unwrap();
        assert_eq!(s.linger().unwrap(), Some(Duration::from_secs(3)));
        s.set_linger(None).unwrap();
        assert_eq!(s.linger().unwrap(), None);
        s.set_keepalive(Some(Duration::from_secs(30))).unwrap();
        assert_eq!(s.keepalive().unwrap(), Some(Duration::from_secs(30)));
        s.set_keepalive(None).unwrap();
        assert_eq!(s.keepalive().unwrap(), None);
        s.set_recv_buffer_size(64 * 1024).unwrap();
        assert!(s.recv_buffer_size().unwrap() >= 64 * 1024);
        s.set_send_buffer_size(64 * 1024).unwrap();
        assert!(s.send_buffer_size().unwrap() >= 64 * 1024);
        listener.set_ttl(7).unwrap();
        assert_eq!(listener.ttl().unwrap(), 7);
    });
}

#[test]
fn peek_split_and_reunite() {
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut a = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (mut b, _) = listener.accept().await.unwrap();
        write_all(&mut a, b"abc").await.unwrap();
        let mut buf = [0u8; 3];
        let mut n = 0;
        while n < 3 {
            n = b.peek(&mut buf).await.unwrap();
        }
        assert_eq!(&buf, b"abc");
        {
            let (mut r, mut w) = b.split();
            let mut got = [0u8; 3];
            read_exact(&mut r, &mut got).await.unwrap();
            assert_eq!(&got, b"abc");
            write_all(&mut w, b"xyz").await.unwrap();
        }
        let mut got = [0u8; 3];
        read_exact(&mut a, &mut got).await.unwrap();
        assert_eq!(&got, b"xyz");

        let (r, w) = b.into_split();
        let (r2, w2) = a.into_split();
        let err = r.reunite(w2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tried to reunite halves that are not from the same socket"
        );
        let (r, w2) = (err.0, err.1);
        w2.forget();
        let b = w.reunite(r).unwrap();
        assert!(b.peer_addr().is_ok());
        drop(r2);
    });
}

#[test]
fn vectored_write_buf() {
    use bytes::Buf;
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut a = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (mut b, _) = listener.accept().await.unwrap();
        let mut buf = (&b"hello "[..]).chain(&b"world"[..]);
        while buf.has_remaining() {
            std::future::poll_fn(|cx| {
                tokio_io::AsyncWrite::poll_write_buf(std::pin::Pin::new(&mut a), cx, &mut buf)
            })
            .await
            .unwrap();
        }
        let mut got = [0u8; 11];
        read_exact(&mut b, &mut got).await.unwrap();
        assert_eq!(&got, b"hello world");
    });
}

#[test]
fn incoming_stream_and_lookup_host() {
    use futures::StreamExt;
    block_on(async {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut addrs = tokio_net::lookup_host(("localhost", addr.port()))
            .await
            .unwrap();
        assert!(addrs.any(|a| a.port() == addr.port()));
        let _c = TcpStream::connect(addr).await.unwrap();
        let mut incoming = listener.incoming();
        let s = incoming.next().await.unwrap().unwrap();
        assert!(s.local_addr().is_ok());
    });
}
