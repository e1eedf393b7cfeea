#![cfg(feature = "rt-core")]
//! The current-thread scheduler and the scheduler-less ("shell") runtime.

use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::thread;
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};

fn rt() -> Runtime {
    Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn many_tasks_complete() {
    let rt = rt();
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    rt.block_on(async move {
        let mut handles = Vec::with_capacity(100_000);
        for _ in 0..100_000 {
            let c = c.clone();
            handles.push(tokio::spawn(async move {
                c.fetch_add(1, SeqCst);
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
    });
    assert_eq!(count.load(SeqCst), 100_000);
}

#[test]
fn tasks_run_on_the_block_on_thread() {
    let rt = rt();
    let me = thread::current().id();
    let id = rt.block_on(async {
        tokio::spawn(async { thread::current().id() })
            .await
            .unwrap()
    });
    assert_eq!(id, me);
}

#[test]
fn remote_spawn_wakes_block_on() {
    let rt = rt();
    let handle = rt.handle().clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let t = thread::spawn(move || {
        thread::sleep(Duration::from_millis(20));
        tx.send(handle.spawn(async { 5 })).unwrap();
    });
    let v = rt.block_on(async move {
        let h = loop {
            if let Ok(h) = rx.try_recv() {
                break h;
            }
            tokio::task::yield_now().await;
        };
        h.await.unwrap()
    });
    assert_eq!(v, 5);
    t.join().unwrap();
}

#[test]
fn panicking_task_is_reported() {
    let rt = rt();
    let err = rt.block_on(async { tokio::spawn(async { panic!("x") }).await.unwrap_err() });
    assert!(err.is_panic());
    assert_eq!(
        rt.block_on(async { tokio::spawn(async { 1 }).await.unwrap() }),
        1
    );
}

struct DropCounter(Arc<AtomicUsize>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

#[test]
fn drop_runtime_drops_pending_futures_once() {
    let rt = rt();
    let drops = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for i in 0..20 {
        let guard = DropCounter(drops.clone());
        handles.push(rt.spawn(async move {
            let _g = guard;
            if i % 2 == 0 {
                std::future::pending::<()>().await;
            }
        }));
    }
    // Run half of them to completion (their guards drop then), poll the rest once.
    rt.block_on(async {
        for _ in 0..3 {
            tokio::task::yield_now().await;
        }
    });
    assert_eq!(drops.load(SeqCst), 10);
    let queued = DropCounter(drops.clone());
    handles.push(rt.spawn(async move {
        let _g = queued;
    }));
    drop(rt);
    assert_eq!(drops.load(SeqCst), 21);
    let rt2 = Builder::new().build().unwrap();
    let cancelled = handles
        .into_iter()
        .map(|h| rt2.block_on(h))
        .filter(|r| matches!(r, Err(e) if e.is_cancelled()))
        .count();
    assert_eq!(cancelled, 11);
}

#[test]
fn shell_runtime_blocks_on_but_cannot_spawn() {
    let rt = Builder::new().build().unwrap();
    assert_eq!(rt.block_on(async { 3 }), 3);
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rt.block_on(async {
            drop(tokio::spawn(async {}));
        })
    }));
    let msg = res.unwrap_err();
    assert_eq!(
        msg.downcast_ref::<&str>().copied(),
        Some("spawning not enabled for runtime")
    );
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        drop(rt.spawn(async {}));
    }));
    assert_eq!(
        res.unwrap_err().downcast_ref::<&str>().copied(),
        Some("task execution disabled")
    );
}

#[cfg(all(feature = "blocking", feature = "rt-threaded"))]
#[test]
#[should_panic(expected = "can call blocking only when running on the multi-threaded runtime")]
fn block_in_place_panics_on_basic_scheduler() {
    rt().block_on(async {
        tokio::task::block_in_place(|| {});
    });
}

#[cfg(feature = "blocking")]
#[test]
fn spawn_blocking_on_basic_scheduler() {
    let rt = rt();
    let v = rt.block_on(async { tokio::task::spawn_blocking(|| 4).await.unwrap() });
    assert_eq!(v, 4);
}

#[test]
fn panicking_future_is_dropped_while_unwinding() {
    struct Boom(Option<std::sync::mpsc::Sender<bool>>);
    impl std::future::Future for Boom {
        type Output = ();
        fn poll(
            self: std::pin::Pin<&mut Self>,
            _cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<()> {
            panic!("boom");
        }
    }
    impl Drop for Boom {
        fn drop(&mut self) {
            let _ = self.0.take().unwrap().send(std::thread::panicking());
        }
    }
    let rt = rt();
    let (tx, rx) = std::sync::mpsc::channel();
    let h = rt.spawn(Boom(Some(tx)));
    assert!(rt.block_on(h).unwrap_err().is_panic());
    assert!(rx.recv().unwrap());
}

#[cfg(feature = "time")]
#[test]
fn timers_fire_while_tasks_stay_runnable() {
    use std::sync::atomic::AtomicBool;
    let rt = rt();
    let stop = Arc::new(AtomicBool::new(false));
    let s = stop.clone();
    rt.block_on(async move {
        let spinner = tokio::spawn(async move {
            while !s.load(SeqCst) {
                tokio::task::yield_now().await;
            }
        });
        tokio::time::delay_for(Duration::from_millis(10)).await;
        stop.store(true, SeqCst);
        spinner.await.unwrap();
    });
}
