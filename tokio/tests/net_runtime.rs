#![cfg(feature = "full")]
//! Eager binding at the facade: creating a resource outside a runtime (or on one without
//! I/O) panics with the documented message for every constructor, and resources that
//! outlive their runtime return errors instead of hanging.

use std::convert::TryFrom;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream, UdpSocket, UnixDatagram, UnixListener, UnixStream};

const OLD_TEXT: &str =
    "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime";

fn panic_text(f: impl FnOnce()) -> String {
    let err = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .expect("string payload")
}

fn assert_reactor_panic(what: &str, f: impl FnOnce()) {
    let text = panic_text(f);
    assert!(text.contains(OLD_TEXT), "{what}: {text}");
    assert!(text.contains("no current reactor"), "{what}: {text}");
}

type Case = (&'static str, Box<dyn FnOnce()>);

fn every_constructor(label: &str) {
    let std_listener = || std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let l = std_listener();
    let addr = l.local_addr().unwrap();
    let cases: Vec<Case> = vec![
        (
            "TcpListener::from_std",
            Box::new(move || drop(TcpListener::from_std(std_listener()))),
        ),
        (
            "TcpListener::try_from",
            Box::new(move || drop(TcpListener::try_from(std_listener()))),
        ),
        (
            "TcpStream::from_std",
            Box::new(move || {
                drop(TcpStream::from_std(
                    std::net::TcpStream::connect(addr).unwrap(),
                ))
            }),
        ),
        (
            "TcpStream::try_from",
            Box::new(move || {
                drop(TcpStream::try_from(
                    std::net::TcpStream::connect(addr).unwrap(),
                ))
            }),
        ),
        (
            "UdpSocket::from_std",
            Box::new(|| {
                drop(UdpSocket::from_std(
                    std::net::UdpSocket::bind("127.0.0.1:0").unwrap(),
                ))
            }),
        ),
        (
            "UdpSocket::try_from",
            Box::new(|| {
                drop(UdpSocket::try_from(
                    std::net::UdpSocket::bind("127.0.0.1:0").unwrap(),
                ))
            }),
        ),
        ("UnixStream::pair", Box::new(|| drop(UnixStream::pair()))),
        (
            "UnixStream::from_std",
            Box::new(|| {
                drop(UnixStream::from_std(
                    std::os::unix::net::UnixStream::pair().unwrap().0,
                ))
            }),
        ),
        (
            "UnixStream::try_from",
            Box::new(|| {
                drop(UnixStream::try_from(
                    std::os::unix::net::UnixStream::pair().unwrap().0,
                ))
            }),
        ),
        (
            "UnixDatagram::pair",
            Box::new(|| drop(UnixDatagram::pair())),
        ),
        (
            "UnixDatagram::unbound",
            Box::new(|| drop(UnixDatagram::unbound())),
        ),
        (
            "UnixDatagram::from_std",
            Box::new(|| {
                drop(UnixDatagram::from_std(
                    std::os::unix::net::UnixDatagram::unbound().unwrap(),
                ))
            }),
        ),
        (
            "UnixListener::bind",
            Box::new(|| {
                let p = std::env::temp_dir().join(format!("tokio-net-rt-{}", std::process::id()));
                let _ = std::fs::remove_file(&p);
                let res = catch_unwind(|| drop(UnixListener::bind(&p)));
                let _ = std::fs::remove_file(&p);
                if let Err(e) = res {
                    std::panic::resume_unwind(e);
                }
            }),
        ),
        (
            "signal::unix::signal",
            Box::new(|| {
                drop(tokio::signal::unix::signal(
                    tokio::signal::unix::SignalKind::user_defined2(),
                ))
            }),
        ),
        (
            "TcpListener::bind (first poll)",
            Box::new(|| {
                drop(futures::executor::block_on(TcpListener::bind(
                    "127.0.0.1:0",
                )))
            }),
        ),
        (
            "TcpStream::connect (first poll)",
            Box::new(move || drop(futures::executor::block_on(TcpStream::connect(addr)))),
        ),
        (
            "UdpSocket::bind (first poll)",
            Box::new(|| drop(futures::executor::block_on(UdpSocket::bind("127.0.0.1:0")))),
        ),
    ];
    for (name, f) in cases {
        assert_reactor_panic(&format!("{label}: {name}"), f);
    }
    drop(l);
}

#[test]
fn creation_outside_a_runtime_panics_for_every_constructor() {
    every_constructor("no runtime");
}

#[test]
fn creation_on_a_runtime_without_io_panics() {
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_time()
        .build()
        .unwrap();
    rt.block_on(async { every_constructor("runtime without enable_io") });
}

#[test]
fn async_constructors_bind_on_first_poll_inside_block_on() {
    // The futures are created outside the runtime and polled inside: no panic.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fut = TcpListener::bind("127.0.0.1:0");
    let listener = rt.block_on(fut).unwrap();
    assert!(listener.local_addr().is_ok());
}

#[test]
fn resources_outliving_their_runtime_error_instead_of_hanging() {
    let rt = tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (udp, listener, stream) = rt.block_on(async {
        let udp = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let stream = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        (udp, listener, stream)
    });

    // A waiter on another thread, parked on the runtime's reactor when it goes away.
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let mut buf = [0u8; 8];
        let res = futures::executor::block_on(udp.recv_from(&mut buf));
        tx.send(res.is_err()).unwrap();
        udp
    });
    std::thread::sleep(Duration::from_millis(50));
    drop(rt);
    let woke_with_error = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("a waiter hung after its runtime was dropped");
    assert!(woke_with_error);
    let udp = waiter.join().unwrap();

    // Later operations fail at once.
    let mut buf = [0u8; 8];
    assert!(futures::executor::block_on(udp.recv_from(&mut buf)).is_err());
    assert!(futures::executor::block_on(listener.accept()).is_err());
    let mut stream = stream;
    use tokio::prelude::*;
    assert!(futures::executor::block_on(stream.read(&mut buf)).is_err());
}

#[test]
fn every_runtime_thread_has_the_reactor() {
    let rt = tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let std_socket = || std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    rt.block_on(async move {
        // The block_on thread.
        UdpSocket::from_std(std_socket()).unwrap();
        // A worker.
        tokio::spawn(async move { UdpSocket::from_std(std_socket()).map(drop) })
            .await
            .unwrap()
            .unwrap();
        // A blocking-pool thread.
        tokio::task::spawn_blocking(move || UdpSocket::from_std(std_socket()).map(drop))
            .await
            .unwrap()
            .unwrap();
    });
    // Inside `enter`.
    rt.enter(|| UdpSocket::from_std(std_socket()).map(drop))
        .unwrap();
    // And a basic-scheduler runtime's block_on thread.
    let basic = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_io()
        .build()
        .unwrap();
    basic
        .block_on(async { UdpSocket::from_std(std_socket()).map(drop) })
        .unwrap();
}
