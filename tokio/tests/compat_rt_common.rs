//! tokio 0.2.25 compatibility: the shapes of 0.2.25's `rt_common.rs`, run on both
//! schedulers, plus `task_blocking.rs` / `task_local_set.rs` shapes.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut,
    clippy::let_unit_value
)]

macro_rules! rt_test {
    ($($name:ident: $rt:expr;)*) => {$(
        #[allow(unused_imports)]
        mod $name {
            use std::future::Future;
            use std::pin::Pin;
            use std::sync::atomic::{AtomicUsize, Ordering};
            use std::sync::{mpsc, Arc};
            use std::task::{Context, Poll};
            use std::thread;
            use std::time::{Duration, Instant};
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            use tokio::net::{TcpListener, TcpStream, UdpSocket};
            use tokio::runtime::Runtime;
            use tokio::sync::oneshot;
            use tokio::{task, time};
            use tokio_test::{assert_err, assert_ok};

            fn rt() -> Runtime {
                $rt
            }

            fn ms(n: u64) -> Duration {
                Duration::from_millis(n)
            }

            async fn yield_once() {
                let mut yielded = false;
                futures::future::poll_fn(|cx| {
                    if yielded {
                        return Poll::Ready(());
                    }
                    yielded = true;
                    cx.waker().wake_by_ref();
                    Poll::Pending
                })
                .await
            }

            #[test]
            fn block_on_sync() {
                let mut rt = rt();
                let mut win = false;
                rt.block_on(async {
                    win = true;
                });
                assert!(win);
            }

            #[test]
            fn block_on_async() {
                let mut rt = rt();
                let out = rt.block_on(async {
                    let (tx, rx) = oneshot::channel();
                    thread::spawn(move || {
                        thread::sleep(ms(20));
                        tx.send("ZOMG").unwrap();
                    });
                    assert_ok!(rx.await)
                });
                assert_eq!(out, "ZOMG");
            }

            #[test]
            fn spawn_one_bg() {
                let mut rt = rt();
                let out = rt.block_on(async {
                    let (tx, rx) = oneshot::channel();
                    tokio::spawn(async move {
                        tx.send("ZOMG").unwrap();
                    });
                    assert_ok!(rx.await)
                });
                assert_eq!(out, "ZOMG");
            }

            #[test]
            fn spawn_await_chain() {
                let mut rt = rt();
                let out = rt.block_on(async {
                    assert_ok!(tokio::spawn(async {
                        assert_ok!(tokio::spawn(async { "hello" }).await)
                    }).await)
                });
                assert_eq!(out, "hello");
            }

            #[test]
            fn outstanding_tasks_dropped() {
                let mut rt = rt();
                let cnt = Arc::new(());
                rt.block_on(async {
                    let cnt = cnt.clone();
                    tokio::spawn(futures::future::poll_fn(move |_| {
                        assert_eq!(2, Arc::strong_count(&cnt));
                        Poll::<()>::Pending
                    }));
                });
                assert_eq!(2, Arc::strong_count(&cnt));
                drop(rt);
                assert_eq!(1, Arc::strong_count(&cnt));
            }

            #[test]
            #[should_panic]
            fn nested_rt() {
                let mut rt1 = rt();
                let mut rt2 = rt();
                rt1.block_on(async { rt2.block_on(async { "hello" }) });
            }

            #[test]
            fn create_rt_in_block_on() {
                let mut rt1 = rt();
                let mut rt2 = rt1.block_on(async { rt() });
                let out = rt2.block_on(async { "ZOMG" });
                assert_eq!(out, "ZOMG");
            }

            #[test]
            fn complete_block_on_under_load() {
                let mut rt = rt();
                rt.block_on(async {
                    let (tx, rx) = oneshot::channel();
                    // Spin hard
                    tokio::spawn(async {
                        loop {
                            yield_once().await;
                        }
                    });
                    tokio::spawn(async move { tx.send(()).unwrap() });
                    assert_ok!(rx.await);
                });
            }

            #[test]
            fn complete_task_under_load() {
                let mut rt = rt();
                rt.block_on(async {
                    let (tx1, rx1) = oneshot::channel();
                    let (tx2, rx2) = oneshot::channel();
                    tokio::spawn(async move {
                        loop {
                            yield_once().await;
                        }
                    });
                    tokio::spawn(async move {
                        let _ = rx1.await;
                        tx2.send(()).unwrap();
                    });
                    tx1.send(()).unwrap();
                    assert_ok!(rx2.await);
                });
            }

            #[test]
            fn spawn_from_other_thread_idle() {
                let mut rt = rt();
                let handle = rt.handle().clone();
                let (tx, rx) = oneshot::channel();
                thread::spawn(move || {
                    thread::sleep(ms(50));
                    handle.spawn(async move {
                        assert_ok!(tx.send(()));
                    });
                });
                rt.block_on(async move {
                    assert_ok!(rx.await);
                });
            }

            #[test]
            fn spawn_from_other_thread_under_load() {
                let mut rt = rt();
                let handle = rt.handle().clone();
                let (tx, rx) = oneshot::channel();
                thread::spawn(move || {
                    handle.spawn(async move {
                        assert_ok!(tx.send(()));
                    });
                });
                rt.block_on(async move {
                    // Spin hard
                    tokio::spawn(async {
                        loop {
                            yield_once().await;
                        }
                    });
                    assert_ok!(rx.await);
                });
            }

            #[test]
            fn delay_at_root() {
                let mut rt = rt();
                let now = Instant::now();
                let dur = ms(50);
                rt.block_on(async move {
                    time::delay_for(dur).await;
                });
                assert!(now.elapsed() >= dur);
            }

            #[test]
            fn delay_in_spawn() {
                let mut rt = rt();
                let now = Instant::now();
                let dur = ms(50);
                rt.block_on(async move {
                    let (tx, rx) = oneshot::channel();
                    tokio::spawn(async move {
                        time::delay_for(dur).await;
                        assert_ok!(tx.send(()));
                    });
                    assert_ok!(rx.await);
                });
                assert!(now.elapsed() >= dur);
            }

            #[test]
            fn block_on_socket() {
                let mut rt = rt();
                rt.block_on(async move {
                    let (tx, rx) = oneshot::channel();
                    let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                    let addr = listener.local_addr().unwrap();
                    tokio::spawn(async move {
                        let _ = listener.accept().await;
                        tx.send(()).unwrap();
                    });
                    TcpStream::connect(&addr).await.unwrap();
                    rx.await.unwrap();
                });
            }

            #[test]
            fn spawn_from_blocking() {
                let mut rt = rt();
                let out = rt.block_on(async move {
                    let inner = assert_ok!(task::spawn_blocking(|| {
                        tokio::spawn(async move { "hello" })
                    }).await);
                    assert_ok!(inner.await)
                });
                assert_eq!(out, "hello")
            }

            #[test]
            fn spawn_blocking_from_blocking() {
                let mut rt = rt();
                let out = rt.block_on(async move {
                    let inner = assert_ok!(task::spawn_blocking(|| {
                        task::spawn_blocking(|| "hello")
                    }).await);
                    assert_ok!(inner.await)
                });
                assert_eq!(out, "hello")
            }

            #[test]
            fn delay_from_blocking() {
                let mut rt = rt();
                rt.block_on(async move {
                    assert_ok!(task::spawn_blocking(|| {
                        let now = std::time::Instant::now();
                        let dur = ms(1);
                        // use the futures' block_on fn to make sure we aren't setting
                        // any Tokio context
                        futures::executor::block_on(async {
                            time::delay_for(dur).await;
                        });
                        assert!(now.elapsed() >= dur);
                    }).await);
                });
            }

            #[test]
            fn socket_from_blocking() {
                let mut rt = rt();
                rt.block_on(async move {
                    let mut listener = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
                    let addr = assert_ok!(listener.local_addr());
                    let peer = tokio::task::spawn_blocking(move || {
                        // use the futures' block_on fn to make sure we aren't setting
                        // any Tokio context
                        futures::executor::block_on(async {
                            let mut stream = assert_ok!(TcpStream::connect(addr).await);
                            let res = stream.write_all(b"hello").await;
                            assert_ok!(res);
                        });
                    });
                    let (mut s, _) = assert_ok!(listener.accept().await);
                    let mut buf = [0u8; 5];
                    assert_ok!(s.read_exact(&mut buf).await);
                    assert_eq!(&buf, b"hello");
                    assert_ok!(peer.await);
                });
            }

            #[test]
            fn spawn_blocking_after_shutdown() {
                let rt = rt();
                let handle = rt.handle().clone();
                // Shutdown
                drop(rt);
                handle.enter(|| {
                    let res = futures::executor::block_on(task::spawn_blocking(|| unreachable!()));
                    assert!(res.is_err());
                });
            }

            #[test]
            fn client_server_block_on() {
                let mut rt = rt();
                let (tx, rx) = mpsc::channel();
                rt.block_on(async move {
                    let mut listener = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
                    let addr = listener.local_addr().unwrap();
                    tokio::spawn(async move {
                        let (mut s, _) = listener.accept().await.unwrap();
                        s.write_all(b"hello").await.unwrap();
                    });
                    let mut c = TcpStream::connect(addr).await.unwrap();
                    let mut v = Vec::new();
                    c.read_to_end(&mut v).await.unwrap();
                    tx.send(v).unwrap();
                });
                assert_eq!(rx.try_recv().unwrap(), b"hello");
            }

            #[test]
            fn panic_in_task() {
                let mut rt = rt();
                let (tx, rx) = oneshot::channel();
                struct Boom(Option<oneshot::Sender<()>>);
                impl Future for Boom {
                    type Output = ();
                    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
                        panic!();
                    }
                }
                impl Drop for Boom {
                    fn drop(&mut self) {
                        assert!(std::thread::panicking());
                        self.0.take().unwrap().send(()).unwrap();
                    }
                }
                rt.spawn(Boom(Some(tx)));
                assert_ok!(rt.block_on(rx));
            }

            #[test]
            #[should_panic]
            fn panic_in_block_on() {
                let mut rt = rt();
                rt.block_on(async { panic!() });
            }

            #[test]
            fn enter_and_spawn() {
                let mut rt = rt();
                let handle = rt.enter(|| tokio::spawn(async {}));
                assert_ok!(rt.block_on(handle));
            }

            #[test]
            fn eagerly_drops_futures_on_shutdown() {
                use std::sync::mpsc;
                struct Never {
                    drop_tx: mpsc::Sender<()>,
                }
                impl Future for Never {
                    type Output = ();
                    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
                        Poll::Pending
                    }
                }
                impl Drop for Never {
                    fn drop(&mut self) {
                        self.drop_tx.send(()).unwrap();
                    }
                }
                let mut rt = rt();
                let (drop_tx, drop_rx) = mpsc::channel();
                let (run_tx, run_rx) = oneshot::channel();
                rt.block_on(async move {
                    tokio::spawn(async move {
                        assert_ok!(run_tx.send(()));
                        Never { drop_tx }.await
                    });
                    assert_ok!(run_rx.await);
                });
                drop(rt);
                assert_ok!(drop_rx.recv_timeout(Duration::from_secs(5)));
            }

            #[test]
            fn wake_while_rt_is_dropping() {
                use tokio::task;
                struct OnDrop<F: FnMut()>(F);
                impl<F: FnMut()> Drop for OnDrop<F> {
                    fn drop(&mut self) {
                        (self.0)()
                    }
                }
                let (tx1, rx1) = oneshot::channel();
                let (tx2, rx2) = oneshot::channel();
                let (tx3, rx3) = oneshot::channel();
                let mut rt = rt();
                let h1 = rt.handle().clone();
                rt.handle().spawn(async move {
                    // Ensure a waker gets stored in oneshot 1.
                    let _ = rx1.await;
                    tx3.send(()).unwrap();
                });
                rt.handle().spawn(async move {
                    // When this task is dropped, we'll be "closing remotes".
                    // We spawn a new task that owns the `tx1`, to move its Drop
                    // out of here.
                    //
                    // Importantly, the oneshot 1 has a waker already stored, so
                    // the eventual drop here will try to re-schedule again.
                    let mut opt_tx1 = Some(tx1);
                    let _d = OnDrop(move || {
                        let tx1 = opt_tx1.take().unwrap();
                        h1.spawn(async move {
                            tx1.send(()).unwrap();
                        });
                    });
                    let _ = rx2.await;
                });
                rt.handle().spawn(async move {
                    let _ = rx3.await;
                    // We'll never get here, but once task 3 drops, this will
                    // force task 2 to re-schedule since it's waiting on oneshot 2.
                    tx2.send(()).unwrap();
                });
                // Tick the loop
                rt.block_on(async {
                    task::yield_now().await;
                });
                // Drop the rt
                drop(rt);
            }

            #[test]
            fn io_notify_while_shutting_down() {
                use std::net::Ipv6Addr;
                for _ in 1..10 {
                    let mut runtime = rt();
                    runtime.block_on(async {
                        let socket = UdpSocket::bind((Ipv6Addr::LOCALHOST, 0)).await;
                        let socket = match socket {
                            Ok(s) => s,
                            Err(_) => UdpSocket::bind("127.0.0.1:0").await.unwrap(),
                        };
                        let addr = socket.local_addr().unwrap();
                        let (mut recv_half, mut send_half) = socket.split();
                        tokio::spawn(async move {
                            let mut buf = [0];
                            loop {
                                recv_half.recv_from(&mut buf).await.unwrap();
                                std::thread::sleep(Duration::from_millis(1));
                            }
                        });
                        tokio::spawn(async move {
                            let buf = [0];
                            loop {
                                send_half.send_to(&buf, &addr).await.unwrap();
                                tokio::time::delay_for(Duration::from_millis(1)).await;
                            }
                        });
                        tokio::time::delay_for(Duration::from_millis(5)).await;
                    });
                }
            }

            #[test]
            fn shutdown_timeout() {
                let (tx, rx) = oneshot::channel();
                let mut runtime = rt();
                runtime.block_on(async move {
                    task::spawn_blocking(move || {
                        tx.send(()).unwrap();
                        thread::sleep(Duration::from_secs(10_000));
                    });
                    rx.await.unwrap();
                });
                runtime.shutdown_timeout(Duration::from_millis(100));
            }

            #[test]
            fn runtime_in_thread_local() {
                use std::cell::RefCell;
                thread_local!(
                    static R: RefCell<Option<Runtime>> = RefCell::new(None);
                );
                thread::spawn(|| {
                    R.with(|cell| {
                        *cell.borrow_mut() = Some(rt());
                    });
                    let _rt = rt();
                })
                .join()
                .unwrap();
            }

            #[test]
            fn local_set_block_on_socket() {
                let mut rt = rt();
                let local = task::LocalSet::new();
                local.block_on(&mut rt, async move {
                    let (tx, rx) = oneshot::channel();
                    let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                    let addr = listener.local_addr().unwrap();
                    task::spawn_local(async move {
                        let _ = listener.accept().await;
                        tx.send(()).unwrap();
                    });
                    TcpStream::connect(&addr).await.unwrap();
                    rx.await.unwrap();
                });
            }

            #[test]
            fn local_set_client_server_block_on() {
                let mut rt = rt();
                let (tx, rx) = mpsc::channel();
                let local = task::LocalSet::new();
                local.block_on(&mut rt, async move {
                    let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                    let addr = listener.local_addr().unwrap();
                    task::spawn_local(async move {
                        let (mut s, _) = listener.accept().await.unwrap();
                        s.write_all(b"hi").await.unwrap();
                    });
                    let mut c = TcpStream::connect(addr).await.unwrap();
                    let mut v = Vec::new();
                    c.read_to_end(&mut v).await.unwrap();
                    tx.send(v).unwrap();
                });
                assert_eq!(rx.try_recv().unwrap(), b"hi");
            }

            #[test]
            fn coop() {
                use std::task::Poll::Ready;
                let mut rt = rt();
                rt.block_on(async {
                    // Create a bunch of tasks
                    let mut tasks = (0..1_000)
                        .map(|_| tokio::spawn(async {}))
                        .collect::<Vec<_>>();
                    // Hope that all the tasks complete...
                    time::delay_for(Duration::from_millis(100)).await;
                    futures::future::poll_fn(|cx| {
                        // At least one response should return pending.
                        for task in &mut tasks {
                            if Pin::new(task).poll(cx).is_pending() {
                                return Ready(());
                            }
                        }
                        panic!("did not yield");
                    })
                    .await;
                });
            }

            #[test]
            fn ping_pong_saturation() {
                let mut rt = rt();
                rt.block_on(async {
                    let (spawned_tx, mut spawned_rx) = tokio::sync::mpsc::unbounded_channel();
                    let mut tasks = vec![];
                    // Spawn a bunch of tasks that ping ping between each other to
                    // saturate the runtime.
                    for _ in 0..100 {
                        let (mut tx1, mut rx1) = tokio::sync::mpsc::channel::<()>(1);
                        let (mut tx2, mut rx2) = tokio::sync::mpsc::channel::<()>(1);
                        let spawned_tx = spawned_tx.clone();
                        tasks.push(tokio::spawn(async move {
                            spawned_tx.send(()).unwrap();
                            tx1.send(()).await.unwrap();
                            for _ in 0..100 {
                                rx2.recv().await.unwrap();
                                tx1.send(()).await.unwrap();
                            }
                        }));
                        tasks.push(tokio::spawn(async move {
                            for _ in 0..100 {
                                rx1.recv().await.unwrap();
                                tx2.send(()).await.unwrap();
                            }
                            let _ = rx1.recv().await;
                        }));
                    }
                    for _ in 0..100 {
                        spawned_rx.recv().await.unwrap();
                    }
                    for t in tasks {
                        t.await.unwrap();
                    }
                });
            }
        }
    )*};
}

rt_test! {
    basic_scheduler: tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    threaded_scheduler_4_threads: tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(4)
        .enable_all()
        .build()
        .unwrap();
    threaded_scheduler_1_thread: tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(1)
        .enable_all()
        .build()
        .unwrap();
}

mod under_load {
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::runtime::{Builder, Runtime};
    use tokio_test::assert_ok;

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
            .core_threads(4)
            .enable_all()
            .build()
            .unwrap()
    }

    // 0.2.25 rt_common `io_driver_called_when_under_load`
    fn io_driver_called_when_under_load(mut rt: Runtime) {
        // Create a lot of constant load. The scheduler will always be busy.
        for _ in 0..5 {
            rt.spawn(async {
                loop {
                    tokio::task::yield_now().await;
                }
            });
        }
        // Do some I/O work
        rt.block_on(async {
            let mut listener = assert_ok!(TcpListener::bind("127.0.0.1:0").await);
            let addr = assert_ok!(listener.local_addr());
            let srv = tokio::spawn(async move {
                let (mut stream, _) = assert_ok!(listener.accept().await);
                assert_ok!(stream.write_all(b"hello world").await);
            });
            let cli = tokio::spawn(async move {
                let mut stream = assert_ok!(TcpStream::connect(addr).await);
                let mut dst = vec![0; 11];
                assert_ok!(stream.read_exact(&mut dst).await);
                assert_eq!(dst, b"hello world");
            });
            assert_ok!(srv.await);
            assert_ok!(cli.await);
        });
    }

    fn timer_fires_under_load(mut rt: Runtime) {
        rt.block_on(async {
            for _ in 0..5 {
                tokio::spawn(async {
                    loop {
                        tokio::task::yield_now().await;
                    }
                });
            }
            tokio::time::delay_for(Duration::from_millis(10)).await
        });
    }

    /// Runs `f` on another thread and fails instead of hanging forever.
    fn bounded(f: impl FnOnce() + Send + 'static) {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            f();
            let _ = tx.send(());
        });
        rx.recv_timeout(Duration::from_secs(10))
            .expect("hung: the driver is never polled while tasks are always runnable");
    }

    #[test]
    fn io_driver_called_when_under_load_threaded() {
        bounded(|| io_driver_called_when_under_load(threaded()));
    }

    #[test]
    fn io_driver_called_when_under_load_basic() {
        bounded(|| io_driver_called_when_under_load(basic()));
    }

    #[test]
    fn timer_fires_under_load_threaded() {
        bounded(|| timer_fires_under_load(threaded()));
    }

    #[test]
    fn timer_fires_under_load_basic() {
        bounded(|| timer_fires_under_load(basic()));
    }
}
