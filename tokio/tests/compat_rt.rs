//! tokio 0.2.25 compatibility: `tokio::runtime` and `tokio::task`, written the way 0.2 code
//! writes them (`let mut rt`, `Builder::new().basic_scheduler()`, closure `enter`, ...).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut,
    clippy::let_unit_value
)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::{self, Builder, Handle, Runtime};
use tokio::task::{self, JoinError, JoinHandle, LocalSet};

fn panic_msg<R>(f: impl FnOnce() -> R) -> String {
    let err = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(e) => e,
    };
    if let Some(s) = err.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = err.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".to_string()
    }
}

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
fn runtime_new_block_on_mut() {
    let mut rt = Runtime::new().unwrap();
    let v = rt.block_on(async { tokio::spawn(async { 40 + 2 }).await.unwrap() });
    assert_eq!(v, 42);
    let v = rt.block_on(async { 7 });
    assert_eq!(v, 7);
}

#[test]
fn builder_basic_and_threaded() {
    let mut rt = basic();
    assert_eq!(
        rt.block_on(async { tokio::spawn(async { 1 }).await.unwrap() }),
        1
    );
    let mut rt = threaded();
    assert_eq!(
        rt.block_on(async { tokio::spawn(async { 2 }).await.unwrap() }),
        2
    );
}

#[test]
fn builder_all_options_and_callbacks() {
    let starts = Arc::new(AtomicUsize::new(0));
    let stops = Arc::new(AtomicUsize::new(0));
    let (s1, s2) = (starts.clone(), stops.clone());
    let mut rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .max_threads(8)
        .thread_name("compat-worker")
        .thread_stack_size(4 * 1024 * 1024)
        .on_thread_start(move || {
            s1.fetch_add(1, Ordering::SeqCst);
        })
        .on_thread_stop(move || {
            s2.fetch_add(1, Ordering::SeqCst);
        })
        .enable_io()
        .enable_time()
        .build()
        .unwrap();
    let name = rt.block_on(async {
        tokio::spawn(async { std::thread::current().name().map(str::to_owned) })
            .await
            .unwrap()
    });
    assert_eq!(name.as_deref(), Some("compat-worker"));
    drop(rt);
    assert!(starts.load(Ordering::SeqCst) >= 2);
    assert_eq!(starts.load(Ordering::SeqCst), stops.load(Ordering::SeqCst));
}

#[test]
fn default_thread_name() {
    let mut rt = threaded();
    let name = rt.block_on(async {
        tokio::spawn(async { std::thread::current().name().map(str::to_owned) })
            .await
            .unwrap()
    });
    assert_eq!(name.as_deref(), Some("tokio-runtime-worker"));
    let name = rt.block_on(async {
        task::spawn_blocking(|| std::thread::current().name().map(str::to_owned))
            .await
            .unwrap()
    });
    assert_eq!(name.as_deref(), Some("tokio-runtime-worker"));
}

#[test]
#[allow(deprecated)]
fn builder_num_threads_deprecated() {
    let mut rt = Builder::new()
        .threaded_scheduler()
        .num_threads(2)
        .enable_all()
        .build()
        .unwrap();
    assert_eq!(
        rt.block_on(async { tokio::spawn(async { 3 }).await.unwrap() }),
        3
    );
}

#[test]
fn builder_default_and_debug() {
    let mut b = Builder::default();
    let _ = format!("{:?}", b);
    let mut rt = b.basic_scheduler().build().unwrap();
    let _ = format!("{:?}", rt);
    let _ = format!("{:?}", rt.handle());
    let h: Handle = rt.handle().clone();
    let _ = h;
    assert_eq!(rt.block_on(async { 5 }), 5);
}

#[test]
fn core_threads_zero_panics() {
    let msg = panic_msg(|| {
        Builder::new().core_threads(0);
    });
    assert!(msg.contains("Core threads cannot be zero"), "{}", msg);
}

#[test]
fn max_threads_zero_panics() {
    let msg = panic_msg(|| {
        Builder::new().max_threads(0);
    });
    assert!(msg.contains("Thread limit cannot be zero"), "{}", msg);
}

#[test]
fn core_above_max_panics() {
    let msg = panic_msg(|| {
        Builder::new()
            .threaded_scheduler()
            .core_threads(4)
            .max_threads(2)
            .build()
    });
    assert!(
        msg.contains("Core threads number cannot be above max limit"),
        "{}",
        msg
    );
}

#[test]
fn shell_runtime_block_on_but_no_spawn() {
    let mut rt = Builder::new().build().unwrap();
    assert_eq!(rt.block_on(async { 9 }), 9);
    let msg = panic_msg(|| {
        rt.block_on(async {
            let _ = tokio::spawn(async {});
        })
    });
    assert!(msg.contains("spawning not enabled for runtime"), "{}", msg);
    let msg = panic_msg(|| {
        let _ = rt.spawn(async {});
    });
    assert!(msg.contains("task execution disabled"), "{}", msg);
}

#[test]
fn spawn_outside_runtime_panics() {
    let msg = panic_msg(|| {
        let _ = tokio::spawn(async {});
    });
    assert_eq!(
        msg,
        "must be called from the context of a Tokio 0.2.x runtime configured with either `basic_scheduler` or `threaded_scheduler`"
    );
}

#[test]
fn handle_current_outside_panics() {
    let msg = panic_msg(Handle::current);
    assert_eq!(msg, "not currently running on a Tokio 0.2.x runtime.");
    let err = Handle::try_current().unwrap_err();
    assert_eq!(err.to_string(), "no tokio Runtime has been initialized");
    let _: &dyn std::error::Error = &err;
    let _ = format!("{:?}", err);
    let _e: runtime::TryCurrentError = err;
}

#[test]
fn spawn_blocking_outside_panics() {
    let msg = panic_msg(|| {
        let _ = task::spawn_blocking(|| ());
    });
    assert_eq!(msg, "not currently running on a Tokio 0.2.x runtime.");
}

#[test]
fn enter_closure_form() {
    let rt = basic();
    let v = rt.enter(|| {
        let h = Handle::current();
        let _ = h;
        Handle::try_current().is_ok()
    });
    assert!(v);
    let h = rt.handle().clone();
    let v: u32 = h.enter(|| 11);
    assert_eq!(v, 11);
    // timers can be created inside enter
    rt.enter(|| {
        let _d = tokio::time::delay_for(Duration::from_millis(1));
    });
}

#[test]
fn handle_spawn_and_block_on_threaded() {
    let rt = threaded();
    let h = rt.handle().clone();
    let jh = h.spawn(async { 5 });
    let v = h.block_on(jh).unwrap();
    assert_eq!(v, 5);
    let jh = h.spawn_blocking(|| 6);
    assert_eq!(h.block_on(jh).unwrap(), 6);
    let jh = rt.spawn(async { 7 });
    assert_eq!(h.block_on(jh).unwrap(), 7);
}

#[test]
fn nested_block_on_panics() {
    let mut rt = basic();
    let msg = rt.block_on(async {
        let inner = Builder::new().basic_scheduler().build().unwrap();
        let m = panic_msg(|| {
            let mut inner = inner;
            inner.block_on(async {})
        });
        m
    });
    assert!(
        msg.starts_with("Cannot start a runtime from within a runtime."),
        "{}",
        msg
    );
}

#[test]
fn drop_runtime_in_async_context_panics() {
    let mut rt = basic();
    let msg = rt.block_on(async {
        let inner = Builder::new()
            .threaded_scheduler()
            .core_threads(1)
            .build()
            .unwrap();
        panic_msg(move || drop(inner))
    });
    assert!(
        msg.starts_with("Cannot drop a runtime in a context where blocking is not allowed."),
        "{}",
        msg
    );
}

#[test]
fn shutdown_background_in_async_ok() {
    let mut rt = basic();
    rt.block_on(async {
        let inner = threaded();
        inner.shutdown_background();
    });
}

#[test]
fn shutdown_timeout_returns() {
    let rt = threaded();
    rt.spawn(async {
        tokio::time::delay_for(Duration::from_secs(60)).await;
    });
    let start = std::time::Instant::now();
    rt.shutdown_timeout(Duration::from_millis(100));
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn drop_runtime_cancels_tasks() {
    let mut rt = basic();
    let jh: JoinHandle<()> = rt.block_on(async {
        tokio::spawn(async {
            futures::future::pending::<()>().await;
        })
    });
    drop(rt);
    let err = futures::executor::block_on(jh).unwrap_err();
    assert!(err.is_cancelled());
    assert!(!err.is_panic());
    assert_eq!(err.to_string(), "cancelled");
    assert!(format!("{:?}", err).contains("Cancelled"), "{:?}", err);
    let io: std::io::Error = err.into();
    assert_eq!(io.kind(), std::io::ErrorKind::Other);
    assert_eq!(io.to_string(), "task was cancelled");
}

#[test]
fn join_error_panic() {
    let mut rt = basic();
    let err = rt
        .block_on(async { tokio::spawn(async { panic!("boom") }).await })
        .map(|_: ()| ())
        .unwrap_err();
    assert!(err.is_panic());
    assert!(!err.is_cancelled());
    assert_eq!(err.to_string(), "panic");
    assert!(
        format!("{:?}", err).starts_with("JoinError::Panic"),
        "{:?}",
        err
    );
    let payload = err.into_panic();
    assert_eq!(*payload.downcast_ref::<&str>().unwrap(), "boom");

    let err = rt
        .block_on(async { tokio::spawn(async { panic!("boom2") }).await })
        .map(|_: ()| ())
        .unwrap_err();
    let io: std::io::Error = err.into();
    assert_eq!(io.to_string(), "task panicked");

    let err = rt
        .block_on(async { tokio::spawn(async { panic!("boom3") }).await })
        .map(|_: ()| ())
        .unwrap_err();
    assert!(err.try_into_panic().is_ok());
    // runtime still usable
    assert_eq!(
        rt.block_on(async { tokio::spawn(async { 1 }).await.unwrap() }),
        1
    );
}

#[test]
#[allow(deprecated)]
fn join_error_hidden_ctors_and_into_panic_cancelled() {
    let err = JoinError::cancelled();
    assert!(err.is_cancelled());
    let err = match err.try_into_panic() {
        Ok(_) => panic!("not a panic"),
        Err(e) => e,
    };
    let msg = panic_msg(move || err.into_panic());
    // 0.2 panics through `expect`, so the message is followed by ": JoinError::Cancelled"
    assert!(
        msg.starts_with("`JoinError` reason is not a panic."),
        "{}",
        msg
    );
    let p = JoinError::panic(Box::new("x"));
    assert!(p.is_panic());
}

#[test]
fn join_handle_poll_after_completion_panics() {
    let mut rt = basic();
    let msg = rt.block_on(async {
        let mut jh = tokio::spawn(async { 1 });
        assert_eq!((&mut jh).await.unwrap(), 1);
        let msg = panic_msg(move || {
            let mut jh = jh;
            let waker = futures::task::noop_waker();
            let mut cx = std::task::Context::from_waker(&waker);
            let _ = std::pin::Pin::new(&mut jh).poll_unpin_compat(&mut cx);
        });
        msg
    });
    assert_eq!(msg, "polling after `JoinHandle` already completed");
}

trait PollCompat: std::future::Future {
    fn poll_unpin_compat(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        self.poll(cx)
    }
}
impl<F: std::future::Future> PollCompat for F {}

#[test]
fn join_handle_auto_traits() {
    fn send_sync_unpin<T: Send + Sync + Unpin>() {}
    send_sync_unpin::<JoinHandle<u32>>();
    fn debug<T: std::fmt::Debug>() {}
    debug::<JoinHandle<u32>>();
    debug::<JoinError>();
    fn error<T: std::error::Error>() {}
    error::<JoinError>();
}

#[test]
fn join_handle_drop_detaches() {
    let mut rt = basic();
    let (tx, rx) = std::sync::mpsc::channel();
    rt.block_on(async move {
        drop(tokio::spawn(async move {
            tokio::task::yield_now().await;
            tx.send(1).unwrap();
        }));
        tokio::time::delay_for(Duration::from_millis(20)).await;
    });
    assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), 1);
}

#[test]
fn yield_now_works() {
    let mut rt = basic();
    rt.block_on(async {
        let flag = Arc::new(AtomicUsize::new(0));
        let f2 = flag.clone();
        tokio::spawn(async move {
            f2.store(1, Ordering::SeqCst);
        });
        task::yield_now().await;
        assert_eq!(flag.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn basic_scheduler_tasks_only_run_inside_block_on() {
    let mut rt = basic();
    let flag = Arc::new(AtomicUsize::new(0));
    let f2 = flag.clone();
    let jh = rt.spawn(async move {
        f2.store(1, Ordering::SeqCst);
    });
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(flag.load(Ordering::SeqCst), 0);
    rt.block_on(jh).unwrap();
    assert_eq!(flag.load(Ordering::SeqCst), 1);
}

#[test]
fn spawn_blocking_and_block_in_place() {
    let mut rt = threaded();
    let v = rt.block_on(async {
        let a = task::spawn_blocking(|| 3).await.unwrap();
        let b = tokio::spawn(async { task::block_in_place(|| 4) })
            .await
            .unwrap();
        a + b
    });
    assert_eq!(v, 7);
    // outside a runtime block_in_place just runs f
    assert_eq!(task::block_in_place(|| 8), 8);
}

#[test]
fn block_in_place_on_basic_panics() {
    let mut rt = basic();
    let msg = rt.block_on(async { panic_msg(|| task::block_in_place(|| ())) });
    assert_eq!(
        msg,
        "can call blocking only when running on the multi-threaded runtime"
    );
}

#[test]
fn local_set_block_on_mut_runtime() {
    let mut rt = basic();
    let local = LocalSet::new();
    let v = local.block_on(&mut rt, async {
        let rc = std::rc::Rc::new(5);
        let jh = task::spawn_local(async move { *rc + 1 });
        jh.await.unwrap()
    });
    assert_eq!(v, 6);
}

#[test]
fn local_set_run_until_and_await() {
    let mut rt = threaded();
    rt.block_on(async {
        let local = LocalSet::default();
        let out = local
            .run_until(async {
                let rc = std::rc::Rc::new(1);
                task::spawn_local(async move { *rc }).await.unwrap()
            })
            .await;
        assert_eq!(out, 1);

        let local = LocalSet::new();
        let hits = std::rc::Rc::new(std::cell::Cell::new(0));
        for _ in 0..3 {
            let h = hits.clone();
            local.spawn_local(async move {
                task::yield_now().await;
                h.set(h.get() + 1);
            });
        }
        let _ = format!("{:?}", local);
        local.await;
        assert_eq!(hits.get(), 3);
    });
}

#[test]
fn spawn_local_outside_local_set_panics() {
    let mut rt = basic();
    let msg = rt.block_on(async {
        panic_msg(|| {
            let _ = task::spawn_local(async {});
        })
    });
    assert_eq!(
        msg,
        "`spawn_local` called from outside of a `task::LocalSet`"
    );
}

#[test]
fn block_in_place_in_local_set_panics() {
    let mut rt = threaded();
    let local = LocalSet::new();
    let msg = local.block_on(&mut rt, async { panic_msg(|| task::block_in_place(|| ())) });
    assert_eq!(
        msg,
        "can call blocking only when running on the multi-threaded runtime"
    );
}

tokio::task_local! {
    static NUMBER: u32;
    pub static NAME: String;
}

#[test]
fn task_local_scope_with_get() {
    let mut rt = basic();
    rt.block_on(async {
        NUMBER
            .scope(1, async {
                assert_eq!(NUMBER.get(), 1);
                assert_eq!(NUMBER.with(|v| *v), 1);
                NUMBER
                    .scope(2, async {
                        assert_eq!(NUMBER.get(), 2);
                    })
                    .await;
                assert_eq!(NUMBER.get(), 1);
            })
            .await;
        NAME.scope("x".to_string(), async {
            assert_eq!(NAME.with(|s| s.clone()), "x");
        })
        .await;
        let err = NUMBER.try_with(|v| *v).unwrap_err();
        assert_eq!(err.to_string(), "task-local value not set");
        let e2 = err;
        assert_eq!(err, e2);
        let _: &dyn std::error::Error = &err;
        let _ = format!("{:?}", NUMBER);
    });
}

#[test]
fn task_local_with_unset_panics() {
    let msg = panic_msg(|| NUMBER.with(|v| *v));
    assert_eq!(
        msg,
        "cannot access a Task Local Storage value without setting it via `LocalKey::set`"
    );
}

#[test]
fn task_local_across_spawn_and_threads() {
    let mut rt = threaded();
    rt.block_on(async {
        let jh = tokio::spawn(NUMBER.scope(9, async {
            task::yield_now().await;
            NUMBER.get()
        }));
        assert_eq!(jh.await.unwrap(), 9);
    });
}

#[test]
fn runtime_handle_is_clone_send_sync() {
    fn ss<T: Send + Sync + Clone>() {}
    ss::<Handle>();
    fn s<T: Send>() {}
    s::<Runtime>();
}

#[test]
fn threaded_block_on_runs_on_calling_thread() {
    let mut rt = threaded();
    let me = std::thread::current().id();
    let there = rt.block_on(async { std::thread::current().id() });
    assert_eq!(me, there);
}

#[test]
fn many_tasks_threaded() {
    let mut rt = threaded();
    let total = rt.block_on(async {
        let mut hs = Vec::new();
        for i in 0..1000u64 {
            hs.push(tokio::spawn(async move { i }));
        }
        let mut sum = 0;
        for h in hs {
            sum += h.await.unwrap();
        }
        sum
    });
    assert_eq!(total, 999 * 1000 / 2);
}
