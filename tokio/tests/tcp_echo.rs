#![cfg(feature = "full")]
//! Echo over the facade runtime: the README server unchanged, and 200 concurrent
//! connections each moving 1 MiB with checksums at both ends.

use std::net::SocketAddr;
use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;

/// The README's echo server, verbatim apart from the address and a signal that it is
/// listening (the body between `bind` and the loop is unchanged).
#[allow(unused_mut, clippy::redundant_guards)]
async fn readme_server(
    addr: String,
    ready: tokio::sync::oneshot::Sender<SocketAddr>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut listener = TcpListener::bind(&addr).await?;
    let _ = ready.send(listener.local_addr()?);

    loop {
        let (mut socket, _) = listener.accept().await?;

        tokio::spawn(async move {
            let mut buf = [0; 1024];

            // In a loop, read data from the socket and write the data back.
            loop {
                let n = match socket.read(&mut buf).await {
                    // socket closed
                    Ok(n) if n == 0 => return,
                    Ok(n) => n,
                    Err(e) => {
                        eprintln!("failed to read from socket; err = {:?}", e);
                        return;
                    }
                };

                // Write the data back
                if let Err(e) = socket.write_all(&buf[0..n]).await {
                    eprintln!("failed to write to socket; err = {:?}", e);
                    return;
                }
            }
        });
    }
}

fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn checksum(data: &[u8]) -> u64 {
    // FNV-1a
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

async fn start_readme_server() -> SocketAddr {
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let _ = readme_server("127.0.0.1:0".to_string(), tx).await;
    });
    rx.await.unwrap()
}

#[tokio::test(threaded_scheduler)]
async fn readme_echo_server_echoes() {
    let addr = start_readme_server().await;
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(b"hello tokio").await.unwrap();
    let mut buf = [0u8; 11];
    c.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"hello tokio");
}

/// An echo server with 64 KiB buffers that checksums what it receives; each connection's
/// task returns `(bytes, checksum)` of everything it read.
async fn checksumming_server(
    conns: usize,
) -> (SocketAddr, tokio::task::JoinHandle<Vec<(usize, u64)>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let mut tasks = Vec::new();
        for _ in 0..conns {
            let (mut socket, _) = listener.accept().await.unwrap();
            tasks.push(tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                let mut received = Vec::new();
                loop {
                    let n = socket.read(&mut buf).await.unwrap();
                    if n == 0 {
                        break;
                    }
                    received.extend_from_slice(&buf[..n]);
                    socket.write_all(&buf[..n]).await.unwrap();
                }
                socket.shutdown(std::net::Shutdown::Write).unwrap();
                (received.len(), checksum(&received))
            }));
        }
        let mut sums = Vec::new();
        for t in tasks {
            sums.push(t.await.unwrap());
        }
        sums
    });
    (addr, server)
}

#[tokio::test(threaded_scheduler)]
async fn two_hundred_connections_one_mib_each() {
    const CONNS: usize = 200;
    const LEN: usize = 1 << 20;
    let (addr, server) = checksumming_server(CONNS).await;
    let mut handles = Vec::new();
    for i in 0..CONNS {
        handles.push(tokio::spawn(async move {
            let data = pattern(LEN, i as u64 + 1);
            let sent_sum = checksum(&data);
            let stream = TcpStream::connect(addr).await.unwrap();
            let (mut r, mut w) = stream.into_split();
            let writer = tokio::spawn(async move {
                w.write_all(&data).await.unwrap();
                w.shutdown().await.unwrap();
            });
            let mut got = Vec::with_capacity(LEN);
            r.read_to_end(&mut got).await.unwrap();
            writer.await.unwrap();
            assert_eq!(got.len(), LEN, "connection {i} lost bytes");
            assert_eq!(
                checksum(&got),
                sent_sum,
                "connection {i} corrupted on the way back"
            );
            sent_sum
        }));
    }
    let all = async {
        let mut client_sums = Vec::new();
        for h in handles {
            client_sums.push((LEN, h.await.unwrap()));
        }
        let mut server_sums = server.await.unwrap();
        client_sums.sort_unstable();
        server_sums.sort_unstable();
        assert_eq!(
            server_sums, client_sums,
            "the server did not receive exactly what was sent"
        );
    };
    tokio::time::timeout(std::time::Duration::from_secs(90), all)
        .await
        .expect("200 x 1 MiB echo took more than 90 s");
}
