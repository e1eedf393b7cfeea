//! Runtime contexts: nested block_on, spawn outside a runtime, Handle::enter/current.

use std::panic::{catch_unwind, AssertUnwindSafe};
use tokio::runtime::{Builder, Handle, Runtime};

fn panic_message(f: impl FnOnce()) -> String {
    let err = catch_unwind(AssertUnwindSafe(f)).unwrap_err();
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap()
}

const NESTED: &str = "Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks.";

#[test]
fn nested_block_on_panics() {
    let rt = Runtime::new().unwrap();
    let inner = Runtime::new().unwrap();
    let msg = panic_message(|| rt.block_on(async { inner.block_on(async {}) }));
    assert_eq!(msg, NESTED);
    // The runtime is usable afterwards.
    assert_eq!(rt.block_on(async { 1 }), 1);
}

#[cfg(feature = "rt-core")]
#[test]
fn nested_handle_block_on_panics() {
    let rt = Runtime::new().unwrap();
    let h = rt.handle().clone();
    let msg = panic_message(|| rt.block_on(async { h.block_on(async {}) }));
    assert_eq!(msg, NESTED);
}

#[cfg(feature = "rt-core")]
#[test]
fn spawn_outside_runtime_panics() {
    let msg = panic_message(|| {
        drop(tokio::spawn(async {}));
    });
    assert_eq!(msg, "must be called from the context of a Tokio 0.2.x runtime configured with either `basic_scheduler` or `threaded_scheduler`");
}

#[cfg(feature = "blocking")]
#[test]
fn spawn_blocking_outside_runtime_panics() {
    let msg = panic_message(|| {
        drop(tokio::task::spawn_blocking(|| {}));
    });
    assert_eq!(msg, "not currently running on a Tokio 0.2.x runtime.");
}

#[test]
fn handle_current_outside_runtime() {
    assert_eq!(
        panic_message(|| {
            Handle::current();
        }),
        "not currently running on a Tokio 0.2.x runtime."
    );
    let err = Handle::try_current().unwrap_err();
    assert_eq!(err.to_string(), "no tokio Runtime has been initialized");
}

#[cfg(feature = "rt-core")]
#[test]
fn handle_enter_sets_contexts_and_restores() {
    let rt = Runtime::new().unwrap();
    let h = rt.handle().clone();
    let join = std::thread::spawn(move || {
        assert!(Handle::try_current().is_err());
        let jh = h.enter(|| {
            assert!(Handle::try_current().is_ok());
            tokio::spawn(async { 9 })
        });
        assert!(Handle::try_current().is_err());
        jh
    })
    .join()
    .unwrap();
    assert_eq!(rt.block_on(join).unwrap(), 9);
    rt.enter(|| {
        drop(tokio::spawn(async {}));
    });
}

#[cfg(feature = "rt-core")]
#[test]
fn nested_enter_restores_previous_runtime() {
    let a = Builder::new().basic_scheduler().build().unwrap();
    let b = Builder::new().basic_scheduler().build().unwrap();
    a.enter(|| {
        b.enter(|| {});
        // Still `a`'s context: this task runs on `a`.
        let h = tokio::spawn(async { 1 });
        drop(h);
    });
    let h = a.enter(|| tokio::spawn(async { 2 }));
    assert_eq!(a.block_on(h).unwrap(), 2);
}

#[cfg(feature = "rt-core")]
#[test]
fn dropping_runtime_in_async_context_panics() {
    let rt = Runtime::new().unwrap();
    let msg = panic_message(|| {
        rt.block_on(async {
            let inner = Builder::new().basic_scheduler().build().unwrap();
            drop(inner);
        })
    });
    assert_eq!(msg, "Cannot drop a runtime in a context where blocking is not allowed. This happens when a runtime is dropped from within an asynchronous context.");
    // shutdown_background is allowed there.
    rt.block_on(async {
        let inner = Builder::new().basic_scheduler().build().unwrap();
        inner.shutdown_background();
    });
}

#[cfg(feature = "time")]
#[test]
fn timers_work_on_both_schedulers() {
    for mut b in [Builder::new(), Builder::new()] {
        b.enable_all();
        let rt = b.build().unwrap();
        rt.block_on(async {
            tokio::time::delay_for(std::time::Duration::from_millis(5)).await;
        });
    }
    let rt = Runtime::new().unwrap();
    rt.block_on(async {
        tokio::spawn(tokio::time::delay_for(std::time::Duration::from_millis(5)))
            .await
            .unwrap();
    });
}

#[cfg(all(feature = "tcp", feature = "io-util", feature = "rt-core"))]
#[test]
fn tcp_echo_on_every_scheduler() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    let mut builders = vec![Builder::new(), Builder::new()];
    builders[0].basic_scheduler();
    #[cfg(feature = "rt-threaded")]
    builders[1].threaded_scheduler().core_threads(2);
    for mut b in builders {
        let rt = b.enable_all().build().unwrap();
        rt.block_on(async {
            // `accept` takes `&mut self` in 0.2.
            #[allow(unused_mut)]
            let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let server = tokio::spawn(async move {
                let (mut sock, _) = listener.accept().await.unwrap();
                let mut buf = [0u8; 5];
                sock.read_exact(&mut buf).await.unwrap();
                sock.write_all(&buf).await.unwrap();
            });
            let mut client = TcpStream::connect(addr).await.unwrap();
            client.write_all(b"hello").await.unwrap();
            let mut buf = [0u8; 5];
            client.read_exact(&mut buf).await.unwrap();
            assert_eq!(&buf, b"hello");
            server.await.unwrap();
        });
    }
}

#[test]
fn runtime_in_thread_local() {
    use std::cell::RefCell;
    thread_local!(static R: RefCell<Option<Runtime>> = const { RefCell::new(None) });
    std::thread::spawn(|| {
        R.with(|cell| *cell.borrow_mut() = Some(Runtime::new().unwrap()));
        let basic = Builder::new().enable_all().build().unwrap();
        R.with(|cell| {
            let rt = cell.borrow();
            assert_eq!(rt.as_ref().unwrap().block_on(async { 1 }), 1);
        });
        drop(basic);
    })
    .join()
    .unwrap();
}

#[cfg(feature = "rt-threaded")]
#[test]
fn drop_in_async_panic_payload_is_a_str() {
    let outer = Builder::new().threaded_scheduler().build().unwrap();
    let err = catch_unwind(AssertUnwindSafe(|| {
        outer.block_on(async {
            let _inner = Builder::new().basic_scheduler().build().unwrap();
        });
    }))
    .unwrap_err();
    let msg: &'static str = err.downcast_ref::<&'static str>().unwrap();
    assert!(msg.contains("Cannot drop a runtime"));
}
