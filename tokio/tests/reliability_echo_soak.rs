//! Echo soak: many concurrent connections each move a block of bytes through an echo server
//! on both schedulers. Every byte is checksummed at both ends (zero lost, zero reordered),
//! the whole run is bounded in time, and the live heap (a counting allocator) returns to
//! its baseline once the runtime is gone.
//!
//! Sizes: default 200 connections × 256 KiB; `TOKIO_TEST_SCALE=full` (ci/soak) 1,000 × 1 MiB.

mod support;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::alloc::{assert_back_to_baseline, live_bytes, Counting};
use support::scale::pick;
use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;
use tokio::runtime::{Builder, Runtime};

#[global_allocator]
static ALLOC: Counting = Counting;

/// FNV-1a, folded over a stream in pieces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// Deterministic bytes for connection `id`: a xorshift stream.
fn fill(id: u64, offset: u64, buf: &mut [u8]) {
    let mut x = (id + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ offset;
    for b in buf.iter_mut() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *b = x as u8;
    }
}

async fn echo_server(listener: TcpListener, conns: usize, seen: Arc<Mutex<Vec<(u64, Fnv)>>>) {
    let mut handles = Vec::with_capacity(conns);
    for _ in 0..conns {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let seen = seen.clone();
        handles.push(tokio::spawn(async move {
            let mut buf = vec![0u8; 16 * 1024];
            let mut sum = Fnv::new();
            let mut total = 0u64;
            loop {
                let n = socket.read(&mut buf).await.expect("server read");
                if n == 0 {
                    break;
                }
                sum.update(&buf[..n]);
                total += n as u64;
                socket.write_all(&buf[..n]).await.expect("server write");
            }
            seen.lock().unwrap().push((total, sum));
        }));
    }
    for h in handles {
        h.await.expect("server task");
    }
}

async fn client(addr: SocketAddr, id: u64, bytes: u64) -> (u64, Fnv) {
    let stream = TcpStream::connect(addr).await.expect("connect");
    let (mut rd, mut wr) = stream.into_split();
    let writer = tokio::spawn(async move {
        let mut buf = vec![0u8; 8 * 1024];
        let mut sum = Fnv::new();
        let mut off = 0u64;
        while off < bytes {
            let n = (bytes - off).min(buf.len() as u64) as usize;
            fill(id, off, &mut buf[..n]);
            sum.update(&buf[..n]);
            wr.write_all(&buf[..n]).await.expect("client write");
            off += n as u64;
        }
        wr.shutdown().await.expect("client shutdown");
        sum
    });
    let mut buf = vec![0u8; 8 * 1024];
    let mut got = Fnv::new();
    let mut total = 0u64;
    loop {
        let n = rd.read(&mut buf).await.expect("client read");
        if n == 0 {
            break;
        }
        got.update(&buf[..n]);
        total += n as u64;
    }
    let sent = writer.await.expect("writer task");
    assert_eq!(total, bytes, "connection {id}: echoed byte count");
    assert_eq!(
        got, sent,
        "connection {id}: echoed bytes differ from the bytes sent"
    );
    (total, sent)
}

fn soak(rt: Runtime) {
    let conns = pick(20, 200, 1000);
    let bytes = pick(32 * 1024, 256 * 1024, 1024 * 1024) as u64;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server_seen = seen.clone();
    let t0 = std::time::Instant::now();
    let mut sent = rt.block_on(async move {
        tokio::time::timeout(Duration::from_secs(60), async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let addr = listener.local_addr().unwrap();
            let server = tokio::spawn(echo_server(listener, conns, server_seen));
            let clients: Vec<_> = (0..conns as u64)
                .map(|id| tokio::spawn(client(addr, id, bytes)))
                .collect();
            let mut sent = Vec::with_capacity(conns);
            for c in clients {
                sent.push(c.await.expect("client task"));
            }
            server.await.expect("server");
            sent
        })
        .await
        .expect("the soak did not finish within 60 s")
    });
    drop(rt);
    eprintln!(
        "figure: echo soak, {conns} connections x {bytes} B echoed and checksummed in {:?}",
        t0.elapsed()
    );
    // The server's view of every connection matches what some client sent.
    let mut seen = std::mem::take(&mut *seen.lock().unwrap());
    assert_eq!(seen.len(), conns);
    let key = |e: &(u64, Fnv)| (e.0, e.1 .0);
    seen.sort_by_key(key);
    sent.sort_by_key(key);
    assert_eq!(
        seen, sent,
        "server-side checksums differ from client-side ones"
    );
}

fn warm_up() {
    // First use of the runtime, the resolver and std's lazy statics allocates once.
    let rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        drop(l);
        tokio::time::delay_for(Duration::from_millis(1)).await;
    });
}

#[test]
fn echo_soak_threaded() {
    let _serial = support::serial();
    warm_up();
    let baseline = live_bytes();
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    soak(rt);
    assert_back_to_baseline(baseline, 64 * 1024, "echo soak (threaded)");
}

#[test]
fn echo_soak_basic() {
    let _serial = support::serial();
    warm_up();
    let baseline = live_bytes();
    let rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    soak(rt);
    assert_back_to_baseline(baseline, 64 * 1024, "echo soak (basic)");
}
