//! tokio 0.2.25 compatibility: shapes of 0.2.25's `task_blocking.rs`, `task_local_set.rs`,
//! `task_local.rs` and `rt_basic.rs`.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::runtime::{self, Runtime};
use tokio::sync::{mpsc, oneshot};
use tokio::task::{self, LocalSet};
use tokio::time;

fn rt() -> Runtime {
    runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn yes_block_in_threaded_block_on() {
    let mut rt = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    rt.block_on(async {
        task::block_in_place(|| {});
    });
}

#[test]
#[should_panic]
fn no_block_in_basic_block_on() {
    let mut rt = runtime::Builder::new().basic_scheduler().build().unwrap();
    rt.block_on(async {
        task::block_in_place(|| {});
    });
}

#[test]
fn can_enter_basic_rt_from_within_block_in_place() {
    let mut outer = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    outer.block_on(async {
        task::block_in_place(|| {
            let mut inner = runtime::Builder::new().basic_scheduler().build().unwrap();
            inner.block_on(async {})
        })
    });
}

#[test]
fn useful_panic_message_when_dropping_rt_in_rt() {
    let mut outer = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outer.block_on(async {
            let _ = runtime::Builder::new().basic_scheduler().build().unwrap();
        });
    }));
    assert!(result.is_err());
    let err = result.unwrap_err();
    let err: &'static str = err.downcast_ref::<&'static str>().unwrap();
    assert!(
        err.contains("Cannot drop a runtime in a context where blocking is not allowed."),
        "Wrong panic message: {:?}",
        err
    );
}

#[test]
fn nested_block_on_panic_payload_is_str() {
    let mut outer = rt();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outer.block_on(async {
            let mut inner = runtime::Builder::new().basic_scheduler().build().unwrap();
            inner.block_on(async {});
        });
    }));
    let err = result.unwrap_err();
    let msg = err
        .downcast_ref::<&'static str>()
        .map(|s| s.to_string())
        .or_else(|| err.downcast_ref::<String>().cloned())
        .unwrap();
    assert!(
        msg.starts_with("Cannot start a runtime from within a runtime."),
        "{}",
        msg
    );
}

#[test]
fn can_shutdown_with_zero_timeout_in_runtime() {
    let mut outer = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    outer.block_on(async {
        let rt = runtime::Builder::new().basic_scheduler().build().unwrap();
        rt.shutdown_timeout(Duration::from_nanos(0));
    });
}

#[test]
fn can_shutdown_now_in_runtime() {
    let mut outer = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    outer.block_on(async {
        let rt = runtime::Builder::new().basic_scheduler().build().unwrap();
        rt.shutdown_background();
    });
}

#[test]
fn spawned_task_does_not_progress_without_block_on() {
    let (tx, mut rx) = oneshot::channel();
    let mut rt = rt();
    rt.spawn(async move {
        assert!(tx.send("hello").is_ok());
    });
    std::thread::sleep(Duration::from_millis(50));
    assert!(rx.try_recv().is_err());
    let out = rt.block_on(async { rx.await.unwrap() });
    assert_eq!(out, "hello");
}

thread_local! {
    static ON_RT_THREAD: Cell<bool> = const { Cell::new(false) };
}

#[tokio::test(basic_scheduler)]
async fn local_basic_scheduler() {
    LocalSet::new()
        .run_until(async {
            task::spawn_local(async {}).await.unwrap();
        })
        .await;
}

#[tokio::test(threaded_scheduler)]
async fn local_threadpool() {
    ON_RT_THREAD.with(|cell| cell.set(true));
    LocalSet::new()
        .run_until(async {
            assert!(ON_RT_THREAD.with(|cell| cell.get()));
            task::spawn_local(async {
                assert!(ON_RT_THREAD.with(|cell| cell.get()));
            })
            .await
            .unwrap();
        })
        .await;
}

#[tokio::test(threaded_scheduler)]
async fn localset_future_timers() {
    static RAN1: AtomicBool = AtomicBool::new(false);
    static RAN2: AtomicBool = AtomicBool::new(false);
    let local = LocalSet::new();
    local.spawn_local(async move {
        time::delay_for(Duration::from_millis(10)).await;
        RAN1.store(true, Ordering::SeqCst);
    });
    local.spawn_local(async move {
        time::delay_for(Duration::from_millis(20)).await;
        RAN2.store(true, Ordering::SeqCst);
    });
    local.await;
    assert!(RAN1.load(Ordering::SeqCst));
    assert!(RAN2.load(Ordering::SeqCst));
}

#[tokio::test(threaded_scheduler)]
async fn local_threadpool_blocking_run() {
    ON_RT_THREAD.with(|cell| cell.set(true));
    LocalSet::new()
        .run_until(async {
            let join = task::spawn_local(async move {
                assert!(ON_RT_THREAD.with(|cell| cell.get()));
                task::spawn_blocking(|| {
                    assert!(!ON_RT_THREAD.with(|cell| cell.get()));
                    std::thread::sleep(Duration::from_millis(5));
                })
                .await
                .unwrap();
                assert!(ON_RT_THREAD.with(|cell| cell.get()));
            });
            join.await.unwrap();
        })
        .await;
}

#[tokio::test(threaded_scheduler)]
async fn all_spawns_are_local() {
    ON_RT_THREAD.with(|cell| cell.set(true));
    LocalSet::new()
        .run_until(async {
            let handles = (0..128)
                .map(|_| {
                    task::spawn_local(async {
                        assert!(ON_RT_THREAD.with(|cell| cell.get()));
                    })
                })
                .collect::<Vec<_>>();
            for joined in futures::future::join_all(handles).await {
                joined.unwrap();
            }
        })
        .await;
}

#[test]
#[should_panic]
fn local_threadpool_blocking_in_place() {
    let mut rt = runtime::Builder::new()
        .threaded_scheduler()
        .enable_all()
        .build()
        .unwrap();
    LocalSet::new().block_on(&mut rt, async {
        let join = task::spawn_local(async move {
            task::block_in_place(|| {});
        });
        join.await.unwrap();
    });
}

#[test]
fn join_local_future_elsewhere() {
    ON_RT_THREAD.with(|cell| cell.set(true));
    let mut rt = runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap();
    let local = LocalSet::new();
    local.block_on(&mut rt, async move {
        let (tx, rx) = oneshot::channel();
        let join = task::spawn_local(async move {
            assert!(ON_RT_THREAD.with(|cell| cell.get()));
            rx.await.unwrap();
            "hello world"
        });
        let join2 = task::spawn(async move {
            assert!(!ON_RT_THREAD.with(|cell| cell.get()));
            tx.send(()).expect("task shouldn't have ended yet");
            join.await.expect("task should complete successfully")
        });
        assert_eq!(join2.await.unwrap(), "hello world")
    });
}

#[test]
fn drop_cancels_tasks() {
    use std::rc::Rc;
    let mut rt = rt();
    let rc1 = Rc::new(());
    let rc2 = rc1.clone();
    let (started_tx, started_rx) = oneshot::channel();
    let local = LocalSet::new();
    local.spawn_local(async move {
        let _rc2 = rc2;
        started_tx.send(()).unwrap();
        loop {
            time::delay_for(Duration::from_secs(3600)).await;
        }
    });
    local.block_on(&mut rt, async {
        started_rx.await.unwrap();
    });
    drop(local);
    drop(rt);
    assert_eq!(1, Rc::strong_count(&rc1));
}

#[test]
fn drop_cancels_remote_tasks() {
    let (tx, mut rx) = mpsc::channel::<()>(1024);
    let mut rt = rt();
    let local = LocalSet::new();
    local.spawn_local(async move { while let Some(_val) = rx.recv().await {} });
    local.block_on(&mut rt, async {
        time::delay_for(Duration::from_millis(1)).await;
    });
    drop(tx);
    drop(local);
}

#[test]
fn local_tasks_wake_join_all() {
    let mut rt = rt();
    let set = LocalSet::new();
    let mut handles = Vec::new();
    for _ in 1..=128 {
        handles.push(set.spawn_local(async move {
            task::spawn_local(async move {}).await.unwrap();
        }));
    }
    rt.block_on(set.run_until(futures::future::join_all(handles)));
}

tokio::task_local! {
    static REQ_ID: u32;
    pub static FOO: bool;
}

#[tokio::test(threaded_scheduler)]
async fn task_local_0_2_shape() {
    let j1 = tokio::spawn(REQ_ID.scope(1, async move {
        assert_eq!(REQ_ID.get(), 1);
        assert_eq!(REQ_ID.get(), 1);
    }));
    let j2 = tokio::spawn(REQ_ID.scope(2, async move {
        REQ_ID.with(|v| {
            assert_eq!(REQ_ID.get(), 2);
            assert_eq!(*v, 2);
        });
        time::delay_for(Duration::from_millis(10)).await;
        assert_eq!(REQ_ID.get(), 2);
    }));
    let j3 = tokio::spawn(FOO.scope(true, async move {
        assert!(FOO.get());
    }));
    j1.await.unwrap();
    j2.await.unwrap();
    j3.await.unwrap();
}

#[test]
fn handle_block_on_threaded_from_other_thread() {
    let rt = runtime::Builder::new()
        .threaded_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let h = rt.handle().clone();
    let v = std::thread::spawn(move || {
        h.block_on(async {
            time::delay_for(Duration::from_millis(5)).await;
            tokio::spawn(async { 5 }).await.unwrap()
        })
    })
    .join()
    .unwrap();
    assert_eq!(v, 5);
}
