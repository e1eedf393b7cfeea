#![cfg(all(feature = "sync", feature = "rt-threaded"))]
//! `tokio::sync` locks and semaphore on the multi-thread runtime.

use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};
use tokio::sync::{Mutex, RwLock, Semaphore};

fn rt() -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn mutex_contended_by_8_tasks() {
    let rt = rt();
    rt.block_on(async {
        let m = Arc::new(Mutex::new(0u64));
        let inside = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let m = m.clone();
                let inside = inside.clone();
                tokio::spawn(async move {
                    for i in 0..5_000 {
                        let mut g = m.lock().await;
                        assert_eq!(inside.fetch_add(1, SeqCst), 0);
                        *g += 1;
                        if i % 100 == 0 {
                            tokio::task::yield_now().await;
                        }
                        inside.fetch_sub(1, SeqCst);
                    }
                })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
        assert_eq!(*m.lock().await, 40_000);
    });
}

#[test]
fn lock_cancelled_by_timeout_does_not_block_others() {
    let rt = rt();
    rt.block_on(async {
        let m = Arc::new(Mutex::new(()));
        let g = m.lock().await;
        assert!(tokio::time::timeout(Duration::from_millis(10), m.lock())
            .await
            .is_err());
        drop(g);
        // Nobody is left in the queue.
        assert!(m.try_lock().is_ok());
    });
}

#[test]
fn semaphore_never_over_issues_with_cancelled_acquires() {
    let rt = rt();
    rt.block_on(async {
        let s = Arc::new(Semaphore::new(3));
        let inside = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let s = s.clone();
                let inside = inside.clone();
                tokio::spawn(async move {
                    for i in 0..500 {
                        if (i + t) % 4 == 0 {
                            let _ =
                                tokio::time::timeout(Duration::from_micros(1), s.acquire()).await;
                            continue;
                        }
                        let _p = s.acquire().await;
                        assert!(inside.fetch_add(1, SeqCst) < 3);
                        tokio::task::yield_now().await;
                        inside.fetch_sub(1, SeqCst);
                    }
                })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
        assert_eq!(s.available_permits(), 3);
    });
}

#[test]
fn rwlock_readers_and_writers() {
    let rt = rt();
    rt.block_on(async {
        let l = Arc::new(RwLock::new(0u64));
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let l = l.clone();
                tokio::spawn(async move {
                    for _ in 0..1000 {
                        if t % 2 == 0 {
                            *l.write().await += 1;
                        } else {
                            let v = *l.read().await;
                            assert!(v <= 4000);
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
        assert_eq!(*l.read().await, 4000);
    });
}
