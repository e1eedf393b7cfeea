mod support;

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use support::*;
use tokio_net::driver::{set_default, PollEvented, Reactor, Registration};
use tokio_net::tcp::{TcpListener, TcpStream};
use tokio_net::udp::UdpSocket;
use tokio_net::unix::{UnixDatagram, UnixListener, UnixStream};

const OLD_TEXT: &str =
    "there is no reactor running, must be called from the context of a Tokio 0.2.x runtime";

fn panic_text(f: impl FnOnce()) -> String {
    let err = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    if let Some(s) = err.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = err.downcast_ref::<&str>() {
        s.to_string()
    } else {
        panic!("non-string panic payload")
    }
}

fn assert_no_reactor_panic(what: &str, f: impl FnOnce()) {
    let text = panic_text(f);
    assert!(text.contains(OLD_TEXT), "{what}: {text}");
    assert!(text.contains("no current reactor"), "{what}: {text}");
    assert!(text.contains("enable_io"), "{what}: {text}");
}

#[test]
fn every_constructor_panics_without_a_reactor() {
    let tcp_l = || std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    assert_no_reactor_panic("TcpListener::from_std", || {
        let _ = TcpListener::from_std(tcp_l());
    });
    assert_no_reactor_panic("TcpListener::try_from", || {
        let _ = TcpListener::try_from(tcp_l());
    });
    let l = tcp_l();
    let addr = l.local_addr().unwrap();
    assert_no_reactor_panic("TcpStream::from_std", || {
        let _ = TcpStream::from_std(std::net::TcpStream::connect(addr).unwrap());
    });
    assert_no_reactor_panic("TcpStream::try_from", || {
        let _ = TcpStream::try_from(std::net::TcpStream::connect(addr).unwrap());
    });
    let udp = || std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    assert_no_reactor_panic("UdpSocket::from_std", || {
        let _ = UdpSocket::from_std(udp());
    });
    assert_no_reactor_panic("UdpSocket::try_from", || {
        let _ = UdpSocket::try_from(udp());
    });
    assert_no_reactor_panic("UnixStream::pair", || {
        let _ = UnixStream::pair();
    });
    assert_no_reactor_panic("UnixStream::from_std", || {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let _ = UnixStream::from_std(a);
    });
    assert_no_reactor_panic("UnixDatagram::pair", || {
        let _ = UnixDatagram::pair();
    });
    assert_no_reactor_panic("UnixDatagram::unbound", || {
        let _ = UnixDatagram::unbound();
    });
    assert_no_reactor_panic("UnixDatagram::from_std", || {
        let _ = UnixDatagram::from_std(std::os::unix::net::UnixDatagram::unbound().unwrap());
    });
    let dir = std::env::temp_dir().join(format!("tokio-net-panic-{}", std::process::id()));
    let _ = std::fs::remove_file(&dir);
    assert_no_reactor_panic("UnixListener::bind", || {
        let _ = UnixListener::bind(&dir);
    });
    let _ = std::fs::remove_file(&dir);
    assert_no_reactor_panic("PollEvented::new", || {
        let s = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let _ = PollEvented::new(s);
    });
    assert_no_reactor_panic("Registration::new", || {
        let mut s = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let _ = Registration::new(&mut s);
    });
    // Async constructors bind (and so panic) on their first poll.
    assert_no_reactor_panic("TcpListener::bind", || {
        let _ = futures::executor::block_on(TcpListener::bind("127.0.0.1:0"));
    });
    assert_no_reactor_panic("TcpStream::connect", || {
        let _ = futures::executor::block_on(TcpStream::connect(addr));
    });
    assert_no_reactor_panic("UdpSocket::bind", || {
        let _ = futures::executor::block_on(UdpSocket::bind("127.0.0.1:0"));
    });
}

#[test]
fn async_constructor_panic_names_the_caller() {
    // The message of an async constructor names the user's line.
    let line = line!() + 2;
    let text = panic_text(|| {
        let _ = futures::executor::block_on(UdpSocket::bind("127.0.0.1:0"));
    });
    assert!(text.contains(&format!("net_driver.rs:{line}")), "{text}");
}

#[test]
fn sync_constructor_panic_points_at_the_caller() {
    use std::cell::RefCell;
    thread_local!(static AT: RefCell<Option<(String, u32)>> = const { RefCell::new(None) });
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        if let Some(loc) = info.location() {
            let at = (loc.file().to_string(), loc.line());
            AT.with(|a| *a.borrow_mut() = Some(at));
        }
    }));
    let line = line!() + 2;
    let res = catch_unwind(|| {
        let _ = UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap());
    });
    std::panic::set_hook(prev);
    assert!(res.is_err());
    let (file, at) = AT.with(|a| a.borrow_mut().take()).unwrap();
    assert!(file.ends_with("net_driver.rs"), "{file}");
    assert_eq!(at, line);
}

#[test]
fn set_default_guards_nest_and_restore() {
    let outer = Reactor::new().unwrap();
    let inner = Reactor::new().unwrap();
    {
        let _g1 = set_default(&outer.handle());
        {
            let _g2 = set_default(&inner.handle());
            assert!(UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap()).is_ok());
        }
        // The outer reactor is current again.
        assert!(UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap()).is_ok());
    }
    // And after both guards, none is.
    assert_no_reactor_panic("after guards", || {
        let _ = UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap());
    });
}

#[test]
fn from_std_switches_to_nonblocking() {
    let reactor = Reactor::new().unwrap();
    let _g = set_default(&reactor.handle());
    let std_l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let l = TcpListener::from_std(std_l).unwrap();
    use std::os::unix::io::AsRawFd;
    // SAFETY: fcntl(F_GETFL) on a valid, open fd only reads its flags.
    let flags = unsafe { libc::fcntl(l.as_raw_fd(), libc::F_GETFL) };
    assert!(flags & libc::O_NONBLOCK != 0);
    // Polling accept with no pending connection returns Pending instead of blocking.
    let waker = Waker::from(Arc::new(Counter::default()));
    let mut cx = Context::from_waker(&waker);
    assert!(l.poll_accept(&mut cx).is_pending());
}

#[derive(Default)]
struct Counter(AtomicUsize);

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn reactor_drop_wakes_waiters_and_later_ops_fail() {
    let reactor = Reactor::new().unwrap();
    let guard = set_default(&reactor.handle());
    let sock = UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap()).unwrap();
    let listener =
        TcpListener::from_std(std::net::TcpListener::bind("127.0.0.1:0").unwrap()).unwrap();
    drop(guard);

    let counter = Arc::new(Counter::default());
    let waker = Waker::from(counter.clone());
    let mut cx = Context::from_waker(&waker);
    let mut buf = [0u8; 8];
    let mut recv = pin!(sock.recv_from(&mut buf));
    assert!(recv.as_mut().poll(&mut cx).is_pending());
    let mut accept = pin!(listener.accept());
    assert!(accept.as_mut().poll(&mut cx).is_pending());

    drop(reactor);
    assert_eq!(
        counter.0.load(Ordering::SeqCst),
        2,
        "both waiters woken on shutdown"
    );
    match recv.as_mut().poll(&mut cx) {
        Poll::Ready(Err(e)) => assert!(e.to_string().contains("shut down"), "{e}"),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(matches!(accept.as_mut().poll(&mut cx), Poll::Ready(Err(_))));
    // Later operations fail at once instead of hanging.
    let mut buf2 = [0u8; 8];
    let later = futures::executor::block_on(sock.recv_from(&mut buf2));
    assert!(later.is_err());
    assert!(futures::executor::block_on(sock.send_to(b"x", sock.local_addr().unwrap())).is_err());
}

#[test]
fn registering_on_a_shut_down_reactor_is_an_error() {
    use tokio_executor::park::Park;
    let mut reactor = Reactor::new().unwrap();
    let handle = reactor.handle();
    reactor.shutdown();
    let _g = set_default(&handle);
    let err = UdpSocket::from_std(std::net::UdpSocket::bind("127.0.0.1:0").unwrap()).unwrap_err();
    assert!(err.to_string().contains("shut down"));
}

#[test]
fn slots_are_reused_without_cross_talk() {
    block_on(async {
        // Churn registrations so slots get freed and reused; each socket must only see
        // its own traffic.
        for round in 0..50u8 {
            let a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
            let b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
            a.send_to(&[round], b.local_addr().unwrap()).await.unwrap();
            let mut buf = [0u8; 1];
            let (n, _) = b.recv_from(&mut buf).await.unwrap();
            assert_eq!((n, buf[0]), (1, round));
        }
    });
}

#[test]
fn poll_evented_public_readiness_api() {
    block_on(async {
        let a = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let b = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let b_addr = b.local_addr().unwrap();
        let a = PollEvented::new(a).unwrap();
        let b = PollEvented::new(b).unwrap();
        let ready = std::future::poll_fn(|cx| a.poll_write_ready(cx))
            .await
            .unwrap();
        assert!(ready.is_writable());
        a.get_ref().send_to(b"hey", b_addr).unwrap();
        let mut buf = [0u8; 8];
        let n = std::future::poll_fn(|cx| {
            let ready = match b.poll_read_ready(cx, tokio_net::driver::Ready::readable()) {
                Poll::Ready(r) => r.unwrap(),
                Poll::Pending => return Poll::Pending,
            };
            assert!(ready.is_readable());
            match b.get_ref().recv(&mut buf) {
                Ok(n) => Poll::Ready(n),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    b.clear_read_ready(cx, ready).unwrap();
                    Poll::Pending
                }
                Err(e) => panic!("{e}"),
            }
        })
        .await;
        assert_eq!(&buf[..n], b"hey");
        let sock = b.into_inner().unwrap();
        assert_eq!(sock.local_addr().unwrap(), b_addr);
    });
}

/// Polls `io`'s read readiness in `mask` once, with a no-op waker.
fn poll_read_mask<E: mio::event::Source>(
    io: &PollEvented<E>,
    mask: tokio_net::driver::Ready,
) -> Poll<std::io::Result<tokio_net::driver::Ready>> {
    let mut cx = Context::from_waker(futures::task::noop_waker_ref());
    io.poll_read_ready(&mut cx, mask)
}

#[test]
fn poll_read_ready_honours_the_mask() {
    use tokio_net::driver::Ready;
    block_on(async {
        let a = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let b = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let b_addr = b.local_addr().unwrap();
        let b = PollEvented::new(b).unwrap();
        // No event yet: neither mask is satisfied.
        assert!(poll_read_mask(&b, Ready::priority()).is_pending());
        a.send_to(b"data", b_addr).unwrap();
        // Wait (through the reactor) until the datagram's readable event is delivered.
        let ready = std::future::poll_fn(|cx| b.poll_read_ready(cx, Ready::readable()))
            .await
            .unwrap();
        assert!(ready.is_readable());
        assert!(!ready.is_priority());
        // Readable is set, but a priority-only poll does not count it.
        assert!(poll_read_mask(&b, Ready::priority()).is_pending());
        // Both together: ready, and only the bits within the mask are reported.
        match poll_read_mask(&b, Ready::readable() | Ready::priority()) {
            Poll::Ready(Ok(r)) => assert!(r.is_readable() && !r.is_writable(), "{r:?}"),
            other => panic!("expected readable, got {other:?}"),
        }
        // The readiness was not consumed by the masked polls.
        let mut buf = [0u8; 8];
        assert_eq!(b.get_ref().recv(&mut buf).unwrap(), 4);
    });
}

#[test]
fn poll_read_ready_mask_always_counts_read_closed() {
    use tokio_net::driver::Ready;
    block_on(async {
        let (a, b) = mio::net::UnixStream::pair().unwrap();
        let b = PollEvented::new(b).unwrap();
        assert!(poll_read_mask(&b, Ready::priority()).is_pending());
        drop(a);
        // Waiting for priority data only still wakes when the peer hangs up.
        let ready = std::future::poll_fn(|cx| b.poll_read_ready(cx, Ready::priority()))
            .await
            .unwrap();
        assert!(ready.is_read_closed(), "{ready:?}");
        assert!(
            !ready.is_readable(),
            "readable is outside the mask: {ready:?}"
        );
    });
}

#[test]
fn poll_read_ready_rejects_write_in_the_mask() {
    use tokio_net::driver::Ready;
    block_on(async {
        let sock = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let io = PollEvented::new(sock).unwrap();
        let text = panic_text(|| {
            let _ = poll_read_mask(&io, Ready::readable() | Ready::writable());
        });
        assert!(text.contains("cannot poll for write readiness"), "{text}");
    });
}
