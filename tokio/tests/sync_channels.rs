#![cfg(all(feature = "sync", feature = "rt-threaded"))]
//! oneshot, watch, broadcast, Notify and Barrier on the multi-thread runtime.

use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};
use tokio::sync::{broadcast, oneshot, watch, Barrier, Notify};

fn rt() -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn oneshot_across_tasks() {
    let rt = rt();
    rt.block_on(async {
        for i in 0..1000 {
            let (tx, rx) = oneshot::channel();
            tokio::spawn(async move { tx.send(i).unwrap() });
            assert_eq!(rx.await, Ok(i));
        }
    });
}

#[test]
fn watch_receivers_see_last_value() {
    let rt = rt();
    rt.block_on(async {
        let (tx, rx) = watch::channel(0u32);
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let mut rx = rx.clone();
                tokio::spawn(async move {
                    let mut last = 0;
                    while let Some(v) = rx.recv().await {
                        assert!(v >= last);
                        last = v;
                    }
                    last
                })
            })
            .collect();
        drop(rx);
        for i in 1..=1000 {
            tx.broadcast(i).unwrap();
            if i % 100 == 0 {
                tokio::task::yield_now().await;
            }
        }
        drop(tx);
        for h in handles {
            assert_eq!(h.await.unwrap(), 1000);
        }
    });
}

#[test]
fn broadcast_lag_reported_and_resumes() {
    let rt = rt();
    rt.block_on(async {
        let (tx, mut rx) = broadcast::channel(8);
        for i in 0..20 {
            tx.send(i).unwrap();
        }
        assert_eq!(rx.recv().await, Err(broadcast::RecvError::Lagged(12)));
        assert_eq!(rx.recv().await, Ok(12));
    });
}

#[test]
fn broadcast_fan_out() {
    let rt = rt();
    rt.block_on(async {
        let (tx, _) = broadcast::channel(64);
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let mut rx = tx.subscribe();
                tokio::spawn(async move {
                    let mut n = 0u64;
                    loop {
                        match rx.recv().await {
                            Ok(_) => n += 1,
                            Err(broadcast::RecvError::Lagged(k)) => n += k,
                            Err(broadcast::RecvError::Closed) => return n,
                        }
                    }
                })
            })
            .collect();
        for i in 0..10_000 {
            tx.send(i).unwrap();
            if i % 32 == 0 {
                tokio::task::yield_now().await;
            }
        }
        drop(tx);
        for h in handles {
            assert_eq!(h.await.unwrap(), 10_000);
        }
    });
}

#[test]
fn notify_across_tasks_and_cancelled_waiter() {
    let rt = rt();
    rt.block_on(async {
        let n = Arc::new(Notify::new());
        assert!(
            tokio::time::timeout(Duration::from_millis(10), n.notified())
                .await
                .is_err()
        );
        let n2 = n.clone();
        let waiter = tokio::spawn(async move { n2.notified().await });
        tokio::time::delay_for(Duration::from_millis(10)).await;
        n.notify();
        waiter.await.unwrap();
    });
}

#[test]
fn barrier_releases_groups_with_one_leader() {
    let rt = rt();
    rt.block_on(async {
        let b = Arc::new(Barrier::new(5));
        let handles: Vec<_> = (0..10)
            .map(|_| {
                let b = b.clone();
                tokio::spawn(async move { b.wait().await.is_leader() })
            })
            .collect();
        let mut leaders = 0;
        for h in handles {
            leaders += h.await.unwrap() as usize;
        }
        assert_eq!(leaders, 2);
    });
}
