mod support;

use futures::future::join_all;
use support::*;
use tokio_net::tcp::{TcpListener, TcpStream};

#[test]
fn echo_one_connection() {
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = async {
            let (mut sock, peer) = listener.accept().await.unwrap();
            assert_eq!(peer.ip().to_string(), "127.0.0.1");
            let mut buf = vec![0u8; 5];
            read_exact(&mut sock, &mut buf).await.unwrap();
            write_all(&mut sock, &buf).await.unwrap();
        };
        let client = async {
            let mut sock = TcpStream::connect(addr).await.unwrap();
            write_all(&mut sock, b"hello").await.unwrap();
            let mut buf = [0u8; 5];
            read_exact(&mut sock, &mut buf).await.unwrap();
            assert_eq!(&buf, b"hello");
        };
        futures::join!(server, client);
    });
}

#[test]
fn echo_many_connections_large_payload() {
    const CONNS: usize = 20;
    const LEN: usize = 256 * 1024;
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = async {
            let mut conns = Vec::new();
            for _ in 0..CONNS {
                let (sock, _) = listener.accept().await.unwrap();
                conns.push(async move {
                    let (mut r, mut w) = sock.into_split();
                    let mut buf = vec![0u8; 16 * 1024];
                    loop {
                        let n = read(&mut r, &mut buf).await.unwrap();
                        if n == 0 {
                            break;
                        }
                        write_all(&mut w, &buf[..n]).await.unwrap();
                    }
                });
            }
            join_all(conns).await;
        };
        let clients = join_all((0..CONNS).map(|i| async move {
            let sock = TcpStream::connect(addr).await.unwrap();
            let data = pattern(LEN, i as u64 + 1);
            let (mut r, mut w) = sock.into_split();
            let writer = async {
                write_all(&mut w, &data).await.unwrap();
                drop(w); // shuts down the write direction
            };
            let reader = async {
                let mut got = Vec::new();
                read_to_end(&mut r, &mut got).await.unwrap();
                got
            };
            let ((), got) = futures::join!(writer, reader);
            assert_eq!(got.len(), LEN);
            assert!(got == data, "connection {i}: payload corrupted");
        }));
        futures::join!(server, clients);
    });
}

#[test]
fn connect_refused_is_an_error() {
    block_on(async {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let err = TcpStream::connect(("127.0.0.1", port)).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
    });
}
