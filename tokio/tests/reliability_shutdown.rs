//! Shutdown: a runtime dropped while it holds a great many unfinished tasks, in every place a
//! task can wait (never polled and still queued, parked on a waker nobody will use, blocked
//! on a socket read, blocked on a timer, just woken into a queue), drops each future exactly
//! once, promptly, and the live heap returns to its baseline.

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use support::alloc::{assert_back_to_baseline, live_bytes, Counting};
use support::scale::pick;
use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;
use tokio::runtime::{Builder, Runtime};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Counts its own drops.
struct Tracked(Arc<AtomicUsize>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

/// Pending forever, without keeping its waker.
struct Forever;

impl Future for Forever {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Pending
    }
}

/// Re-schedules itself on every poll: always sitting in a run queue.
struct Spin;

impl Future for Spin {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn load_and_drop(rt: Runtime) {
    let per_kind = pick(2_000, 20_000, 25_000);
    let drops = Arc::new(AtomicUsize::new(0));
    let mut spawned = 0usize;

    let (handles, _peer) = rt.block_on(async {
        let mut handles = Vec::new();
        // 1. Parked on a waker nobody will ever use.
        for _ in 0..per_kind {
            let t = Tracked(drops.clone());
            handles.push(tokio::spawn(async move {
                let _t = t;
                Forever.await
            }));
        }
        // 2. Blocked on timers an hour away.
        for _ in 0..per_kind {
            let t = Tracked(drops.clone());
            handles.push(tokio::spawn(async move {
                let _t = t;
                tokio::time::delay_for(Duration::from_secs(3600)).await
            }));
        }
        // 3. Blocked on socket reads that will never complete.
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let sockets = pick(20, 200, 500);
        let mut peers = Vec::new();
        for _ in 0..sockets {
            let client = TcpStream::connect(addr).await.unwrap();
            let (server, _) = listener.accept().await.unwrap();
            peers.push(server);
            let t = Tracked(drops.clone());
            handles.push(tokio::spawn(async move {
                let _t = t;
                let mut client = client;
                let mut buf = [0u8; 16];
                let _ = client.read(&mut buf).await;
            }));
        }
        // 4. Always runnable: sitting in local queues, the LIFO slot and the injector.
        for _ in 0..per_kind {
            let t = Tracked(drops.clone());
            handles.push(tokio::spawn(async move {
                let _t = t;
                Spin.await
            }));
        }
        // Let the pool start polling so tasks are spread over every kind of queue.
        tokio::task::yield_now().await;
        (handles, peers)
    });
    spawned += per_kind * 3 + pick(20, 200, 500);
    // 5. Spawned from outside and never polled.
    for _ in 0..per_kind {
        let t = Tracked(drops.clone());
        rt.spawn(async move {
            let _t = t;
        });
        spawned += 1;
    }

    let t0 = Instant::now();
    drop(rt);
    let took = t0.elapsed();
    eprintln!("figure: runtime with {spawned} unfinished tasks dropped in {took:?}");
    assert!(
        took < Duration::from_secs(5),
        "dropping the runtime took {took:?}"
    );
    // Every future dropped exactly once: the unpolled ones of kind 5 may also have run to
    // completion before the drop, which drops them once as well.
    assert_eq!(drops.load(SeqCst), spawned, "futures dropped vs spawned");

    // Every JoinHandle of an unfinished task now reports cancellation.
    let check = Builder::new().basic_scheduler().build().unwrap();
    check.block_on(async move {
        for h in handles {
            let err = h
                .await
                .expect_err("a task that never finished cannot succeed");
            assert!(
                err.is_cancelled(),
                "expected a cancelled JoinError, got {err:?}"
            );
        }
    });
}

fn warm_up() {
    let rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        drop(TcpListener::bind("127.0.0.1:0").await.unwrap());
        tokio::time::delay_for(Duration::from_millis(1)).await;
    });
}

#[test]
fn shutdown_with_pending_tasks_threaded() {
    let _serial = support::serial();
    warm_up();
    let baseline = live_bytes();
    load_and_drop(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .enable_all()
            .build()
            .unwrap(),
    );
    assert_back_to_baseline(baseline, 64 * 1024, "shutdown (threaded)");
}

#[test]
fn shutdown_with_pending_tasks_basic() {
    let _serial = support::serial();
    warm_up();
    let baseline = live_bytes();
    load_and_drop(
        Builder::new()
            .basic_scheduler()
            .enable_all()
            .build()
            .unwrap(),
    );
    assert_back_to_baseline(baseline, 64 * 1024, "shutdown (basic)");
}
