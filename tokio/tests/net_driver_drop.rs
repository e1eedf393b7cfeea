#![cfg(feature = "full")]
//! Dropping the runtime wakes tasks waiting on its reactor; their I/O then fails.

use tokio::net::TcpListener;
use tokio::runtime;
use tokio_test::{assert_pending, assert_ready, task};

fn rt() -> runtime::Runtime {
    runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn tcp_accept_fails_after_runtime_drop() {
    let rt = rt();
    let listener = rt.enter(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        TcpListener::from_std(listener).unwrap()
    });
    let mut task = task::spawn(async move {
        assert!(listener.accept().await.is_err());
    });
    assert_pending!(task.poll());
    drop(rt);
    assert!(task.is_woken());
    assert_ready!(task.poll());
}

#[test]
fn drop_wakes_a_waiting_udp_task() {
    let rt = rt();
    let sock = rt.enter(|| {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        tokio::net::UdpSocket::from_std(s).unwrap()
    });
    let mut task = task::spawn(async move {
        let mut buf = [0u8; 4];
        sock.recv_from(&mut buf).await
    });
    assert_pending!(task.poll());
    drop(rt);
    assert!(task.is_woken());
    assert!(assert_ready!(task.poll()).is_err());
}
