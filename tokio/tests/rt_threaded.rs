#![cfg(feature = "rt-threaded")]
//! The multi-thread scheduler: work distribution, volume, panics, shutdown.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};
use tokio::runtime::{Builder, Runtime};

fn rt(workers: usize) -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(workers)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn burst_spawned_tasks_run_on_every_worker() {
    let rt = rt(4);
    let ids = Arc::new(Mutex::new(HashSet::new()));
    let ids2 = ids.clone();
    rt.block_on(async move {
        tokio::spawn(async move {
            let mut handles = Vec::new();
            for _ in 0..400 {
                let ids = ids2.clone();
                handles.push(tokio::spawn(async move {
                    // Long enough that idle workers steal the rest.
                    thread::sleep(Duration::from_millis(2));
                    ids.lock().unwrap().insert(thread::current().id());
                }));
            }
            for h in handles {
                h.await.unwrap();
            }
        })
        .await
        .unwrap();
    });
    assert_eq!(ids.lock().unwrap().len(), 4);
}

#[test]
fn many_tasks_complete() {
    let rt = rt(2);
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
fn many_remote_spawns_complete() {
    let rt = rt(2);
    let handles: Vec<_> = (0..10_000u32).map(|i| rt.spawn(async move { i })).collect();
    let sum = rt.block_on(async move {
        let mut sum = 0u64;
        for h in handles {
            sum += u64::from(h.await.unwrap());
        }
        sum
    });
    assert_eq!(sum, (0..10_000u64).sum());
}

#[test]
fn chained_spawn_and_ping_pong() {
    fn chain(n: usize, tx: std::sync::mpsc::Sender<()>) {
        if n == 0 {
            tx.send(()).unwrap();
            return;
        }
        tokio::spawn(async move { chain(n - 1, tx) });
    }
    let rt = rt(2);
    let (tx, rx) = std::sync::mpsc::channel();
    rt.spawn(async move { chain(1000, tx) });
    rx.recv_timeout(Duration::from_secs(10)).unwrap();
}

#[test]
fn panicking_task_keeps_runtime_alive() {
    let rt = rt(2);
    rt.block_on(async {
        let err = tokio::spawn(async { panic!("task failed") })
            .await
            .unwrap_err();
        assert!(err.is_panic());
        assert!(!err.is_cancelled());
        assert_eq!(*err.into_panic().downcast::<&str>().unwrap(), "task failed");
        // Every worker still runs tasks.
        for i in 0..100 {
            assert_eq!(tokio::spawn(async move { i }).await.unwrap(), i);
        }
    });
}

struct DropCounter(Arc<AtomicUsize>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

#[test]
fn drop_runtime_drops_pending_futures_once() {
    let rt = rt(2);
    let drops = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..50 {
        let guard = DropCounter(drops.clone());
        handles.push(rt.spawn(async move {
            let _g = guard;
            std::future::pending::<()>().await;
        }));
    }
    // Let some of them be polled (idle), some stay queued.
    rt.block_on(tokio::task::yield_now());
    drop(rt);
    assert_eq!(drops.load(SeqCst), 50);
    let rt2 = self::rt(1);
    for h in handles {
        let err = rt2.block_on(h).unwrap_err();
        assert!(err.is_cancelled());
    }
}

#[test]
fn block_in_place_keeps_other_tasks_running() {
    let rt = rt(2);
    rt.block_on(async {
        let (tx, rx) = std::sync::mpsc::channel();
        let blocker = tokio::spawn(async move {
            tokio::task::block_in_place(|| rx.recv_timeout(Duration::from_secs(10)).unwrap());
        });
        // Progress elsewhere while the worker blocks.
        for _ in 0..10 {
            tokio::spawn(async {}).await.unwrap();
        }
        tx.send(()).unwrap();
        blocker.await.unwrap();
    });
}

#[test]
fn threads_are_named_and_callbacks_run() {
    let started = Arc::new(AtomicUsize::new(0));
    let stopped = Arc::new(AtomicUsize::new(0));
    let (s, t) = (started.clone(), stopped.clone());
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .thread_name("custom-name")
        .on_thread_start(move || {
            s.fetch_add(1, SeqCst);
        })
        .on_thread_stop(move || {
            t.fetch_add(1, SeqCst);
        })
        .build()
        .unwrap();
    let name = rt.block_on(async {
        tokio::spawn(async { thread::current().name().map(str::to_owned) })
            .await
            .unwrap()
    });
    assert_eq!(name.as_deref(), Some("custom-name"));
    drop(rt);
    assert!(started.load(SeqCst) >= 2);
    assert_eq!(started.load(SeqCst), stopped.load(SeqCst));
}

#[test]
fn shutdown_timeout_returns_while_blocking_task_sleeps() {
    let rt = rt(1);
    let barrier = Arc::new(Barrier::new(2));
    let b = barrier.clone();
    rt.handle().spawn_blocking(move || {
        b.wait();
        thread::sleep(Duration::from_secs(5));
    });
    barrier.wait();
    let start = Instant::now();
    rt.shutdown_timeout(Duration::from_millis(100));
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(90), "{took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn shutdown_background_does_not_wait() {
    let rt = rt(1);
    rt.handle()
        .spawn_blocking(|| thread::sleep(Duration::from_secs(5)));
    let start = Instant::now();
    rt.shutdown_background();
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn spawn_blocking_beyond_the_cap_completes_within_the_cap() {
    // max_threads includes the worker.
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(1)
        .max_threads(4)
        .build()
        .unwrap();
    let live = Arc::new(AtomicUsize::new(0));
    let max_seen = Arc::new(AtomicUsize::new(0));
    let names = Arc::new(Mutex::new(HashSet::new()));
    let handles: Vec<_> = (0..40)
        .map(|_| {
            let (live, max_seen, names) = (live.clone(), max_seen.clone(), names.clone());
            rt.handle().spawn_blocking(move || {
                let now = live.fetch_add(1, SeqCst) + 1;
                max_seen.fetch_max(now, SeqCst);
                names.lock().unwrap().insert(thread::current().id());
                thread::sleep(Duration::from_millis(5));
                live.fetch_sub(1, SeqCst);
            })
        })
        .collect();
    rt.block_on(async {
        for h in handles {
            h.await.unwrap();
        }
    });
    assert!(max_seen.load(SeqCst) <= 3, "{}", max_seen.load(SeqCst));
    assert!(names.lock().unwrap().len() <= 3);
}

#[test]
fn handle_spawn_from_outside_thread() {
    let rt = rt(2);
    let handle = rt.handle().clone();
    let h = thread::spawn(move || handle.spawn(async { 11 }))
        .join()
        .unwrap();
    assert_eq!(rt.block_on(h).unwrap(), 11);
}

#[test]
#[should_panic(expected = "Core threads number cannot be above max limit")]
fn core_above_max_panics() {
    let _ = Builder::new()
        .threaded_scheduler()
        .core_threads(4)
        .max_threads(2)
        .build();
}

#[test]
#[should_panic(expected = "Core threads cannot be zero")]
fn zero_core_threads_panics() {
    Builder::new().core_threads(0);
}

#[test]
#[should_panic(expected = "Thread limit cannot be zero")]
fn zero_max_threads_panics() {
    Builder::new().max_threads(0);
}

#[test]
fn no_lost_wakeups_while_workers_go_idle() {
    let rt = rt(4);
    for i in 0..3_000 {
        let (tx, rx) = std::sync::mpsc::channel();
        if i % 2 == 0 {
            rt.spawn(async move { tx.send(()).unwrap() });
        } else {
            // A task spawned from a worker, while the others fall asleep.
            rt.spawn(async move {
                tokio::spawn(async move { tx.send(()).unwrap() });
            });
        }
        rx.recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|_| panic!("task {i} never ran"));
    }
}

#[test]
fn remote_wake_of_idle_task_is_not_lost() {
    let rt = rt(2);
    for _ in 0..1_000 {
        let (wake_tx, wake_rx) = std::sync::mpsc::channel::<std::task::Waker>();
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        let flag = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let f = flag.clone();
        rt.spawn(async move {
            std::future::poll_fn(|cx| {
                if f.load(SeqCst) {
                    return std::task::Poll::Ready(());
                }
                wake_tx.send(cx.waker().clone()).unwrap();
                std::task::Poll::Pending
            })
            .await;
            done_tx.send(()).unwrap();
        });
        let waker = wake_rx.recv_timeout(Duration::from_secs(5)).unwrap();
        flag.store(true, SeqCst);
        waker.wake();
        done_rx.recv_timeout(Duration::from_secs(5)).unwrap();
    }
}

#[test]
fn repeated_runtime_drop_joins_threads_and_drops_futures() {
    for _ in 0..200 {
        let started = Arc::new(AtomicUsize::new(0));
        let stopped = Arc::new(AtomicUsize::new(0));
        let drops = Arc::new(AtomicUsize::new(0));
        let (s, t) = (started.clone(), stopped.clone());
        let rt = Builder::new()
            .threaded_scheduler()
            .enable_all()
            .on_thread_start(move || {
                s.fetch_add(1, SeqCst);
            })
            .on_thread_stop(move || {
                t.fetch_add(1, SeqCst);
            })
            .build()
            .unwrap();
        let guard = DropCounter(drops.clone());
        drop(rt.spawn(async move {
            let _g = guard;
            std::future::pending::<()>().await;
        }));
        drop(rt);
        assert!(started.load(SeqCst) >= 1);
        assert_eq!(started.load(SeqCst), stopped.load(SeqCst));
        assert_eq!(drops.load(SeqCst), 1);
    }
}
