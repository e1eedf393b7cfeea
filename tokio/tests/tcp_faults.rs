#![cfg(feature = "full")]
//! Faults from the outside world are `io::Error`s, never panics or hangs.

use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;
use tokio::time::timeout;

#[tokio::test]
async fn connect_to_closed_port_is_connection_refused() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let res = timeout(
        Duration::from_secs(5),
        TcpStream::connect(("127.0.0.1", port)),
    )
    .await
    .expect("connect hung");
    assert_eq!(res.unwrap_err().kind(), io::ErrorKind::ConnectionRefused);
}

#[tokio::test(threaded_scheduler)]
async fn peer_reset_mid_write_errors_and_other_connections_work() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut victim = TcpStream::connect(addr).await.unwrap();
    let (server_victim, _) = listener.accept().await.unwrap();
    let mut healthy = TcpStream::connect(addr).await.unwrap();
    let (mut server_healthy, _) = listener.accept().await.unwrap();

    server_victim
        .set_linger(Some(Duration::from_secs(0)))
        .unwrap();
    drop(server_victim); // RST

    let chunk = vec![1u8; 64 * 1024];
    let res = timeout(Duration::from_secs(10), async {
        loop {
            if let Err(e) = victim.write_all(&chunk).await {
                return e;
            }
        }
    })
    .await
    .expect("writing to a reset peer hung");
    assert!(
        matches!(
            res.kind(),
            io::ErrorKind::ConnectionReset | io::ErrorKind::BrokenPipe
        ),
        "{res:?}"
    );

    healthy.write_all(b"ok?").await.unwrap();
    let mut buf = [0u8; 3];
    server_healthy.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"ok?");
}

#[test]
fn socket_keeps_working_when_its_task_migrates() {
    // Tasks that yield after every round trip get re-queued and stolen across 4 workers;
    // each keeps using the socket it registered on its first worker.
    let rt = tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(4)
        .enable_all()
        .build()
        .unwrap();
    let seen = rt.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let mut tasks = Vec::new();
            for _ in 0..8 {
                let (mut s, _) = listener.accept().await.unwrap();
                tasks.push(tokio::spawn(async move {
                    let mut buf = [0u8; 64];
                    loop {
                        let n = s.read(&mut buf).await.unwrap();
                        if n == 0 {
                            return;
                        }
                        s.write_all(&buf[..n]).await.unwrap();
                    }
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
        });
        let mut clients = Vec::new();
        for c in 0..8u8 {
            clients.push(tokio::spawn(async move {
                let mut s = TcpStream::connect(addr).await.unwrap();
                let mut threads = std::collections::HashSet::new();
                for i in 0..200u8 {
                    threads.insert(std::thread::current().id());
                    s.write_all(&[c, i]).await.unwrap();
                    let mut buf = [0u8; 2];
                    s.read_exact(&mut buf).await.unwrap();
                    assert_eq!(buf, [c, i]);
                    tokio::task::yield_now().await;
                }
                threads
            }));
        }
        let mut seen = std::collections::HashSet::new();
        for c in clients {
            seen.extend(c.await.unwrap());
        }
        timeout(Duration::from_secs(10), server)
            .await
            .unwrap()
            .unwrap();
        seen
    });
    // The I/O tasks really ran on more than one worker.
    assert!(seen.len() >= 2, "all client tasks ran on one thread");
}

#[test]
fn a_socket_that_always_has_data_does_not_starve_other_tasks() {
    // Current-thread runtime: one task reads 512 KiB already queued on its socket, one
    // byte at a time; another task on the same thread must get to run long before the
    // reader drains the socket (the I/O budget makes the reader yield). The runtime runs
    // on its own thread so a failure is reported, not hung on.
    use std::sync::atomic::{AtomicUsize, Ordering};
    const QUEUED: usize = 512 * 1024;
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new()
            .basic_scheduler()
            .enable_all()
            .build()
            .unwrap();
        let read_when_other_ran = rt.block_on(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let (written_tx, written_rx) = std::sync::mpsc::channel();
            let client = std::net::TcpStream::connect(addr).unwrap();
            let (mut sock, _) = listener.accept().await.unwrap();
            sock.set_recv_buffer_size(2 * QUEUED).unwrap();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut client = client;
                client.write_all(&vec![7u8; QUEUED]).unwrap();
                written_tx.send(client).unwrap(); // keep the connection open
            });
            let _client = written_rx
                .recv_timeout(Duration::from_secs(10))
                .expect("could not queue 512 KiB on loopback");
            // One read first, so the socket's readiness is known before the race starts.
            let mut first = [0u8; 1];
            assert_eq!(sock.read(&mut first).await.unwrap(), 1);
            let count = std::sync::Arc::new(AtomicUsize::new(0));
            let reader_count = count.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 1];
                while sock.read(&mut buf).await.map(|n| n > 0).unwrap_or(false) {
                    reader_count.fetch_add(1, Ordering::Relaxed);
                }
            });
            let (tx, rx) = tokio::sync::oneshot::channel();
            tokio::spawn(async move {
                for _ in 0..10 {
                    tokio::task::yield_now().await;
                }
                let _ = tx.send(count.load(Ordering::Relaxed));
            });
            rx.await.unwrap()
        });
        let _ = done_tx.send(read_when_other_ran);
    });
    let read = done_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("a task starved behind a socket that always has data");
    assert!(
        read < QUEUED / 8,
        "the other task only ran after {read} bytes were read"
    );
}
