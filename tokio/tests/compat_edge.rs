//! tokio 0.2.25 compatibility: smaller observable behaviours from API-0.2.md §12/§13.
#![allow(unused_mut, clippy::unnecessary_mut_passed, clippy::io_other_error)]

use std::io;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::runtime::{Builder, Runtime};
use tokio::time::{self, Instant};
use tokio_test::{assert_pending, assert_ready, assert_ready_ok, task};

fn basic() -> Runtime {
    Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

fn threaded() -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn block_on_inside_enter_is_allowed() {
    let rt = basic();
    let v = rt.enter(|| {
        let mut rt2 = basic();
        rt2.block_on(async { 3 })
    });
    assert_eq!(v, 3);
    let h = rt.handle().clone();
    let v = h.enter(|| futures::executor::block_on(async { 4 }));
    assert_eq!(v, 4);
}

#[test]
fn spawn_inside_enter_threaded_runs_on_workers() {
    let rt = threaded();
    let (tx, rx) = std::sync::mpsc::channel();
    rt.enter(|| {
        tokio::spawn(async move {
            tx.send(std::thread::current().name().map(str::to_owned))
                .unwrap();
        });
    });
    let name = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(name.as_deref(), Some("tokio-runtime-worker"));
}

#[test]
fn zero_delay_ready_on_first_poll() {
    let mut rt = basic();
    rt.block_on(async {
        let mut d = task::spawn(time::delay_for(Duration::from_millis(0)));
        assert_ready!(d.poll());
        let mut d = task::spawn(time::delay_until(Instant::now() - Duration::from_millis(5)));
        assert_ready!(d.poll());
    });
}

#[test]
fn instant_now_reads_paused_runtime_clock() {
    let mut rt = basic();
    rt.block_on(async {
        time::pause();
        let before = Instant::now();
        time::advance(Duration::from_secs(3600)).await;
        let after = Instant::now();
        assert!(after - before >= Duration::from_secs(3600));
        // the std clock did not move an hour
        let std_now = Instant::from_std(std::time::Instant::now());
        assert!(after > std_now + Duration::from_secs(3000));
    });
}

#[test]
fn pause_allowed_on_threaded_runtime() {
    let mut rt = threaded();
    rt.block_on(async {
        time::pause();
        let start = Instant::now();
        time::advance(Duration::from_secs(10)).await;
        assert!(Instant::now() - start >= Duration::from_secs(10));
    });
}

#[test]
fn semaphore_fifo_no_barging() {
    let s = Arc::new(tokio::sync::Semaphore::new(1));
    let p = s.try_acquire().unwrap();
    let s2 = s.clone();
    let mut waiter = task::spawn(async move {
        let _p = s2.acquire().await;
    });
    assert_pending!(waiter.poll());
    drop(p);
    // the released permit belongs to the queued waiter
    assert!(
        s.try_acquire().is_err(),
        "try_acquire must not barge past a queued waiter"
    );
    assert!(waiter.is_woken());
    assert_ready!(waiter.poll());
    assert!(s.try_acquire().is_ok());
}

#[test]
fn mutex_fifo_no_barging() {
    let m = Arc::new(tokio::sync::Mutex::new(0));
    let g = m.try_lock().unwrap();
    let m2 = m.clone();
    let mut waiter = task::spawn(async move {
        *m2.lock().await += 1;
    });
    assert_pending!(waiter.poll());
    drop(g);
    assert!(
        m.try_lock().is_err(),
        "try_lock must not barge past a queued waiter"
    );
    assert_ready!(waiter.poll());
    assert_eq!(*m.try_lock().unwrap(), 1);
}

#[test]
fn duplex_dropped_peer_writes_fill_then_pend() {
    let mut rt = basic();
    rt.block_on(async {
        let (mut a, b) = tokio::io::duplex(4);
        drop(b);
        let mut buf = [0u8; 1];
        assert_eq!(a.read(&mut buf).await.unwrap(), 0);
        let mut t = task::spawn(a.write(b"12345678"));
        let n = assert_ready_ok!(t.poll());
        assert_eq!(n, 4);
        drop(t);
        let mut t = task::spawn(a.write(b"x"));
        assert_pending!(t.poll());
    });
}

#[test]
fn mock_read_pending_when_next_action_is_write() {
    let mut rt = basic();
    rt.block_on(async {
        let mut mock = tokio_test::io::Builder::new()
            .write(b"first")
            .read(b"then")
            .build();
        let mut buf = [0u8; 8];
        {
            let mut t = task::spawn(mock.read(&mut buf));
            assert_pending!(t.poll());
        }
        mock.write_all(b"first").await.unwrap();
        let n = mock.read(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"then");
    });
}

#[test]
fn mock_write_skips_interleaved_reads_and_stops_at_wait() {
    let mut rt = basic();
    rt.block_on(async {
        let mut mock = tokio_test::io::Builder::new()
            .write(b"ab")
            .read(b"r")
            .write(b"cd")
            .build();
        // one write may consume several Write actions, skipping the Read in between
        let n = mock.write(b"abcd").await.unwrap();
        assert_eq!(n, 4);
        let mut buf = [0u8; 2];
        let n = mock.read(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"r");
    });
}

#[test]
fn mock_read_never_spans_two_actions() {
    let mut rt = basic();
    rt.block_on(async {
        let mut mock = tokio_test::io::Builder::new()
            .read(b"ab")
            .read(b"cd")
            .build();
        let mut buf = [0u8; 8];
        assert_eq!(mock.read(&mut buf).await.unwrap(), 2);
        assert_eq!(mock.read(&mut buf).await.unwrap(), 2);
        assert_eq!(mock.read(&mut buf).await.unwrap(), 0);
    });
}

#[test]
fn mock_write_error_and_broken_pipe() {
    let mut rt = basic();
    rt.block_on(async {
        let mut mock = tokio_test::io::Builder::new()
            .write_error(io::Error::new(io::ErrorKind::Other, "cruel"))
            .build();
        let e = mock.write(b"x").await.unwrap_err();
        assert_eq!(e.to_string(), "cruel");
        let e = mock.write(b"x").await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    });
}

#[test]
fn local_set_drop_cancels_join_handles() {
    let mut rt = basic();
    let local = tokio::task::LocalSet::new();
    let jh = local.spawn_local(async {
        futures::future::pending::<()>().await;
    });
    drop(local);
    let err = rt.block_on(jh).unwrap_err();
    assert!(err.is_cancelled());
}

#[test]
fn runtime_drop_waits_for_running_blocking() {
    let rt = basic();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let d2 = done.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    rt.handle().spawn_blocking(move || {
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        d2.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    rx.recv().unwrap();
    drop(rt);
    assert!(done.load(std::sync::atomic::Ordering::SeqCst));
}

#[test]
fn shutdown_background_does_not_wait() {
    let rt = basic();
    let (tx, rx) = std::sync::mpsc::channel();
    rt.handle().spawn_blocking(move || {
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(2));
    });
    rx.recv().unwrap();
    let start = std::time::Instant::now();
    rt.shutdown_background();
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn io_after_runtime_drop_errors_not_hangs() {
    let mut rt = basic();
    let (mut a, b) = rt.block_on(async {
        let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        let c = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (s, _) = l.accept().await.unwrap();
        (c, s)
    });
    drop(rt);
    let mut rt2 = basic();
    let r = rt2.block_on(async {
        let mut buf = [0u8; 1];
        tokio::time::timeout(Duration::from_secs(2), a.read(&mut buf)).await
    });
    match r {
        Ok(Err(_)) => {}
        other => panic!(
            "expected an io::Error, got {:?}",
            other.map(|r| r.map(|_| ()))
        ),
    }
    drop(b);
}

#[test]
fn watch_ref_blocks_broadcast_is_std_rwlock() {
    // Only checks that borrow + broadcast on another thread works once the Ref is dropped.
    let (tx, rx) = tokio::sync::watch::channel(1);
    {
        let r = rx.borrow();
        assert_eq!(*r, 1);
    }
    tx.broadcast(2).unwrap();
    assert_eq!(*rx.borrow(), 2);
}

#[test]
fn broadcast_capacity_rounds_up_to_power_of_two() {
    let (tx, mut rx) = tokio::sync::broadcast::channel::<u32>(3);
    for i in 0..4 {
        tx.send(i).unwrap();
    }
    // capacity 3 -> 4: nothing lagged yet
    assert_eq!(rx.try_recv().unwrap(), 0);
}

#[tokio::test]
async fn tcp_connect_tries_each_address() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let good = l.local_addr().unwrap();
    let dead = {
        let d = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        d.local_addr().unwrap()
    };
    let addrs = [dead, good];
    let s = tokio::net::TcpStream::connect(&addrs[..]).await.unwrap();
    assert_eq!(s.peer_addr().unwrap(), good);
}

#[tokio::test]
async fn unix_listener_bind_existing_path_errors() {
    let p = std::env::temp_dir().join(format!("compat-edge-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&p);
    let _l = tokio::net::UnixListener::bind(&p).unwrap();
    let e = tokio::net::UnixListener::bind(&p).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
    let _ = std::fs::remove_file(&p);
}

#[test]
fn semaphore_max_permits_boundary() {
    let s = tokio::sync::Semaphore::new(usize::MAX >> 3);
    assert_eq!(s.available_permits(), usize::MAX >> 3);
    let r = std::panic::catch_unwind(|| tokio::sync::Semaphore::new((usize::MAX >> 3) + 1));
    assert!(r.is_err());
}

#[test]
fn rwlock_is_write_preferring() {
    let l = tokio::sync::RwLock::new(0);
    let mut r1 = task::spawn(l.read());
    let g1 = assert_ready!(r1.poll());
    let mut w = task::spawn(l.write());
    assert_pending!(w.poll());
    // a queued writer blocks new readers (FIFO)
    let mut r2 = task::spawn(l.read());
    assert_pending!(r2.poll());
    drop(g1);
    assert!(w.is_woken());
    let gw = assert_ready!(w.poll());
    assert_pending!(r2.poll());
    drop(gw);
    assert!(r2.is_woken());
    assert_ready!(r2.poll());
}

#[tokio::test]
async fn tcp_listener_sets_reuseaddr() {
    // Leave the server side of a connection in TIME_WAIT, then rebind the same port.
    let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (s, _) = l.accept().await.unwrap();
    drop(s); // server closes first -> TIME_WAIT on the listening port
    let mut buf = [0u8; 1];
    assert_eq!(c.read(&mut buf).await.unwrap(), 0);
    drop(c);
    drop(l);
    let l2 = tokio::net::TcpListener::bind(addr).await;
    assert!(
        l2.is_ok(),
        "rebinding failed: {:?} (0.2 sets SO_REUSEADDR)",
        l2.err()
    );
}
