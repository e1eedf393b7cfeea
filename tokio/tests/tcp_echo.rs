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

/// A deterministic byte stream (xorshift64, one step per 8 bytes).
struct Pattern(u64);

impl Pattern {
    fn new(seed: u64) -> Pattern {
        Pattern(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn fill(&mut self, buf: &mut [u8]) {
        for word in buf.chunks_mut(8) {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let bytes = self.0.to_le_bytes();
            word.copy_from_slice(&bytes[..word.len()]);
        }
    }
}

/// A streaming, order-sensitive checksum over 8-byte words (cheap even unoptimised);
/// any split of the same bytes into chunks gives the same result.
#[derive(Default)]
struct Checksum {
    hash: u64,
    partial: [u8; 8],
    filled: usize,
    len: u64,
}

impl Checksum {
    fn word(&mut self, w: [u8; 8]) {
        self.hash = (self.hash ^ u64::from_le_bytes(w)).wrapping_mul(0x100_0000_01b3);
    }

    fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if self.filled > 0 {
            let take = (8 - self.filled).min(data.len());
            self.partial[self.filled..self.filled + take].copy_from_slice(&data[..take]);
            self.filled += take;
            data = &data[take..];
            if self.filled < 8 {
                return;
            }
            self.word(self.partial);
            self.filled = 0;
        }
        let mut words = data.chunks_exact(8);
        for w in &mut words {
            self.word(w.try_into().unwrap());
        }
        let rest = words.remainder();
        self.partial[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    fn finish(mut self) -> (u64, u64) {
        if self.filled > 0 {
            let mut last = [0u8; 8];
            last[..self.filled].copy_from_slice(&self.partial[..self.filled]);
            self.word(last);
        }
        (self.len, self.hash)
    }
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
/// task returns the `(bytes, checksum)` of everything it read.
async fn checksumming_server(
    conns: usize,
) -> (SocketAddr, tokio::task::JoinHandle<Vec<(u64, u64)>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let mut tasks = Vec::new();
        for _ in 0..conns {
            let (mut socket, _) = listener.accept().await.unwrap();
            tasks.push(tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                let mut sum = Checksum::default();
                loop {
                    let n = socket.read(&mut buf).await.unwrap();
                    if n == 0 {
                        break;
                    }
                    sum.update(&buf[..n]);
                    socket.write_all(&buf[..n]).await.unwrap();
                }
                socket.shutdown(std::net::Shutdown::Write).unwrap();
                sum.finish()
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
    const CHUNK: usize = 64 * 1024;
    let (addr, server) = checksumming_server(CONNS).await;
    let mut handles = Vec::new();
    for i in 0..CONNS {
        handles.push(tokio::spawn(async move {
            let stream = TcpStream::connect(addr).await.unwrap();
            let (mut r, mut w) = stream.into_split();
            let writer = tokio::spawn(async move {
                let mut pattern = Pattern::new(i as u64 + 1);
                let mut sum = Checksum::default();
                let mut chunk = vec![0u8; CHUNK];
                for _ in 0..LEN / CHUNK {
                    pattern.fill(&mut chunk);
                    sum.update(&chunk);
                    w.write_all(&chunk).await.unwrap();
                }
                w.shutdown().await.unwrap();
                sum.finish()
            });
            let mut sum = Checksum::default();
            let mut buf = vec![0u8; CHUNK];
            loop {
                let n = r.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                sum.update(&buf[..n]);
            }
            let sent = writer.await.unwrap();
            let got = sum.finish();
            assert_eq!(got.0, LEN as u64, "connection {i} lost bytes");
            assert_eq!(got, sent, "connection {i} corrupted on the way back");
            sent
        }));
    }
    let all = async {
        let mut client_sums = Vec::new();
        for h in handles {
            client_sums.push(h.await.unwrap());
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

#[test]
fn checksum_is_independent_of_chunking() {
    let mut data = vec![0u8; 1000];
    Pattern::new(9).fill(&mut data);
    let mut whole = Checksum::default();
    whole.update(&data);
    let mut pieces = Checksum::default();
    for piece in data.chunks(7) {
        pieces.update(piece);
    }
    assert_eq!(whole.finish(), pieces.finish());
}
