//! Peer faults: a peer that resets mid-write or mid-read, one that half-closes, one that
//! stops reading, and delivery through a fault-injecting proxy (delays, byte-at-a-time).
//! Errors are `io::Error`s — never a panic or a SIGPIPE death — and an unrelated connection
//! served by the same runtime keeps working throughout.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;
use tokio::runtime::{Builder, Runtime};

fn rt() -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Makes the next close of `s` send a RST instead of a FIN.
fn reset_on_close(s: &std::net::TcpStream) {
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: the fd is open for the lifetime of `s`; `linger` is a valid option value of
    // the size passed.
    let rc = unsafe {
        libc::setsockopt(
            std::os::unix::io::AsRawFd::as_raw_fd(s),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            &linger as *const libc::linger as *const libc::c_void,
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        )
    };
    assert_eq!(rc, 0);
}

/// An echo server for the bystander connection; returns its address.
async fn bystander_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                while let Ok(n) = s.read(&mut buf).await {
                    if n == 0 || s.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    addr
}

async fn assert_bystander_ok(stream: &mut TcpStream, round: u8) {
    let msg = [round; 64];
    stream.write_all(&msg).await.unwrap();
    let mut back = [0u8; 64];
    stream.read_exact(&mut back).await.unwrap();
    assert_eq!(back, msg, "the unrelated connection was disturbed");
}

#[test]
fn peer_reset_mid_write_and_mid_read() {
    rt().block_on(async {
        let baddr = bystander_server().await;
        let mut bystander = TcpStream::connect(baddr).await.unwrap();
        assert_bystander_ok(&mut bystander, 1).await;

        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();

        // Mid-write: we stream data, the peer reads a little then resets.
        let peer = std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            let mut buf = [0u8; 4096];
            s.read_exact(&mut buf).unwrap();
            reset_on_close(&s);
        });
        let (mut ours, _) = listener.accept().await.unwrap();
        let chunk = vec![7u8; 64 * 1024];
        let err = loop {
            match tokio::time::timeout(Duration::from_secs(10), ours.write_all(&chunk)).await {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => break e,
                Err(_) => panic!("write to a reset peer hung"),
            }
        };
        assert!(
            matches!(
                err.kind(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
            ),
            "unexpected error kind: {err:?}"
        );
        peer.join().unwrap();
        assert_bystander_ok(&mut bystander, 2).await;

        // Mid-read: the peer sends a little, then resets while we wait for more.
        let peer = std::thread::spawn(move || {
            let s = std::net::TcpStream::connect(addr).unwrap();
            (&s).write_all(b"partial").unwrap();
            std::thread::sleep(Duration::from_millis(50));
            reset_on_close(&s);
        });
        let (mut ours, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 7];
        ours.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"partial");
        let mut more = [0u8; 16];
        let res = tokio::time::timeout(Duration::from_secs(10), ours.read(&mut more))
            .await
            .expect("read from a reset peer hung");
        let err = res.expect_err("a reset must surface as an error");
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err:?}");
        peer.join().unwrap();
        assert_bystander_ok(&mut bystander, 3).await;
    });
}

#[test]
fn peer_half_close() {
    rt().block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let peer = std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.write_all(b"request").unwrap();
            s.shutdown(Shutdown::Write).unwrap();
            let mut reply = Vec::new();
            s.read_to_end(&mut reply).unwrap();
            reply
        });
        let (mut ours, _) = listener.accept().await.unwrap();
        let mut req = Vec::new();
        ours.read_to_end(&mut req).await.unwrap();
        assert_eq!(req, b"request");
        // The peer only closed its sending side: we can still answer.
        ours.write_all(b"response").await.unwrap();
        ours.shutdown(Shutdown::Write).unwrap();
        assert_eq!(peer.join().unwrap(), b"response");
    });
}

#[test]
fn peer_that_stops_reading_parks_our_writes_until_it_reads() {
    rt().block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let start_reading = Arc::new(AtomicBool::new(false));
        let flag = start_reading.clone();
        let total = 8 * 1024 * 1024;
        let peer = std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            while !flag.load(SeqCst) {
                std::thread::sleep(Duration::from_millis(5));
            }
            let mut got = 0usize;
            let mut buf = vec![0u8; 64 * 1024];
            while got < total {
                let n = s.read(&mut buf).unwrap();
                assert!(n > 0, "early EOF after {got} bytes");
                assert!(buf[..n].iter().all(|&b| b == 0x5a));
                got += n;
            }
            got
        });
        let (mut ours, _) = listener.accept().await.unwrap();
        let data = vec![0x5au8; total];
        let writer = tokio::spawn(async move {
            ours.write_all(&data).await.unwrap();
            ours
        });
        // The peer is not reading: socket buffers fill and our write parks.
        tokio::time::delay_for(Duration::from_millis(200)).await;
        start_reading.store(true, SeqCst);
        let _ours = tokio::time::timeout(Duration::from_secs(20), writer)
            .await
            .expect("the parked write never resumed")
            .unwrap();
        assert_eq!(peer.join().unwrap(), total);
    });
}

/// A TCP proxy that forwards client→server bytes one at a time with a short pause each,
/// and server→client bytes with a fixed delay per chunk.
async fn faulty_proxy(upstream: SocketAddr) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let server = TcpStream::connect(upstream).await.unwrap();
            let (mut cr, mut cw) = client.into_split();
            let (mut sr, mut sw) = server.into_split();
            tokio::spawn(async move {
                let mut b = [0u8; 1];
                while let Ok(1) = cr.read(&mut b).await {
                    tokio::time::delay_for(Duration::from_micros(200)).await;
                    if sw.write_all(&b).await.is_err() {
                        break;
                    }
                }
            });
            tokio::spawn(async move {
                let mut buf = [0u8; 512];
                while let Ok(n) = sr.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    tokio::time::delay_for(Duration::from_millis(2)).await;
                    if cw.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    addr
}

#[test]
fn echo_through_a_byte_at_a_time_proxy() {
    rt().block_on(async {
        let server = bystander_server().await;
        let proxy = faulty_proxy(server).await;
        let mut s = TcpStream::connect(proxy).await.unwrap();
        let msg: Vec<u8> = (0..2_000u32).map(|i| (i * 31 % 251) as u8).collect();
        let (mut rd, mut wr) = s.split();
        let w = async {
            wr.write_all(&msg).await.unwrap();
        };
        let r = async {
            let mut back = vec![0u8; msg.len()];
            rd.read_exact(&mut back).await.unwrap();
            back
        };
        let (_, back) = tokio::time::timeout(Duration::from_secs(20), async { tokio::join!(w, r) })
            .await
            .expect("proxied echo hung");
        assert_eq!(back, msg);
    });
}
