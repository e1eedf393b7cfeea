//! Loom models of the pool's run loop against shutdown and parking: tasks queued in a
//! worker's LIFO slot, its local queue and the injector are each dropped exactly once
//! when the pool shuts down (their handles report cancellation and every task is freed);
//! a task spawned from outside while the only worker goes to sleep is always run.

use crate::blocking::BlockingPool;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::park::ParkThread;
use crate::thread_pool::park::SharedDriver;
use crate::thread_pool::worker::{self, Shared, Worker};
use crate::util::driver;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending forever; counts its drops.
struct Pending(Arc<AtomicUsize>);

impl Future for Pending {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        Poll::Pending
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

fn pool(workers: usize) -> (BlockingPool, Arc<Shared>, Vec<Worker>) {
    let blocking = BlockingPool::builder().build();
    let (drv, unpark) = driver::boxed(ParkThread::new());
    let driver = Arc::new(SharedDriver::new(drv, unpark));
    let (shared, workers) = worker::create(workers, driver, blocking.spawner().clone());
    (blocking, shared, workers)
}

/// Every task holds a clone of the pool's shared state: a count of 1 means all were freed.
fn assert_all_freed(shared: Arc<Shared>) {
    assert_eq!(Arc::strong_count(&shared), 1, "a task leaked");
}

#[test]
fn loom_shutdown_drops_queued_tasks_once() {
    loom::model(|| {
        let (mut blocking, shared, mut workers) = pool(2);
        let drops: Vec<_> = (0..3).map(|_| Arc::new(AtomicUsize::new(0))).collect();
        let mut w0 = workers.remove(0);
        let w1 = workers.remove(0);
        let handles = vec![
            w0.spawn_local(Pending(drops[0].clone()), true),
            w0.spawn_local(Pending(drops[1].clone()), false),
            worker::spawn(&shared, Pending(drops[2].clone())),
        ];
        let th = thread::spawn(move || w0.run_core());
        shared.shutdown();
        // Worker 1 never started: its core goes to shutdown from here.
        drop(w1);
        th.join().unwrap();
        for (i, d) in drops.iter().enumerate() {
            assert_eq!(d.load(SeqCst), 1, "future {i} dropped once");
        }
        for h in handles {
            let err = loom::future::block_on(h).unwrap_err();
            assert!(err.is_cancelled(), "{err:?}");
        }
        assert_all_freed(shared);
        blocking.shutdown(None);
    });
}

#[test]
fn loom_remote_spawn_while_worker_parks() {
    loom::model(|| {
        let (mut blocking, shared, mut workers) = pool(1);
        let w0 = workers.remove(0);
        let th = thread::spawn(move || w0.run_core());
        let handle = worker::spawn(&shared, async { 7 });
        // A lost wake-up leaves this waiting forever: loom reports the deadlock.
        assert_eq!(loom::future::block_on(handle).unwrap(), 7);
        shared.shutdown();
        th.join().unwrap();
        assert_all_freed(shared);
        blocking.shutdown(None);
    });
}

#[test]
fn loom_shutdown_while_both_workers_run() {
    loom::model(|| {
        let (mut blocking, shared, mut workers) = pool(2);
        let drops: Vec<_> = (0..3).map(|_| Arc::new(AtomicUsize::new(0))).collect();
        let mut w0 = workers.remove(0);
        let mut w1 = workers.remove(0);
        let handles = vec![
            w0.spawn_local(Pending(drops[0].clone()), true),
            w1.spawn_local(Pending(drops[1].clone()), false),
            worker::spawn(&shared, Pending(drops[2].clone())),
        ];
        let t0 = thread::spawn(move || w0.run_core());
        let t1 = thread::spawn(move || w1.run_core());
        shared.shutdown();
        t0.join().unwrap();
        t1.join().unwrap();
        for (i, d) in drops.iter().enumerate() {
            assert_eq!(d.load(SeqCst), 1, "future {i} dropped once");
        }
        for h in handles {
            let err = loom::future::block_on(h).unwrap_err();
            assert!(err.is_cancelled(), "{err:?}");
        }
        assert_all_freed(shared);
        blocking.shutdown(None);
    });
}
