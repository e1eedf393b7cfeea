#![cfg(feature = "rt-core")]
//! JoinHandle::abort cancels a pending task and drops its future.

use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use tokio::runtime::{Builder, Runtime};

struct DropCounter(Arc<AtomicUsize>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

fn check(rt: Runtime) {
    let drops = Arc::new(AtomicUsize::new(0));
    let g = DropCounter(drops.clone());
    rt.block_on(async move {
        let h = tokio::spawn(async move {
            let _g = g;
            std::future::pending::<()>().await;
        });
        tokio::task::yield_now().await;
        h.abort();
        let err = h.await.unwrap_err();
        assert!(err.is_cancelled());
    });
    assert_eq!(drops.load(SeqCst), 1);
    // Aborting a task that already returned its output changes nothing.
    rt.block_on(async {
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let d = done.clone();
        let h = tokio::spawn(async move {
            d.store(true, SeqCst);
            3
        });
        while !done.load(SeqCst) {
            tokio::task::yield_now().await;
        }
        h.abort();
        assert_eq!(h.await.unwrap(), 3);
    });
}

#[test]
fn abort_on_basic_scheduler() {
    check(Builder::new().basic_scheduler().build().unwrap());
}

#[cfg(feature = "rt-threaded")]
#[test]
fn abort_on_threaded_scheduler() {
    check(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .build()
            .unwrap(),
    );
}

#[test]
fn join_error_conversions() {
    let rt = Builder::new().basic_scheduler().build().unwrap();
    rt.block_on(async {
        let h = tokio::spawn(std::future::pending::<()>());
        h.abort();
        let err = h.await.unwrap_err();
        assert_eq!(format!("{err:?}"), "JoinError::Cancelled");
        assert_eq!(err.to_string(), "cancelled");
        let err = err.try_into_panic().unwrap_err();
        let io: std::io::Error = err.into();
        assert_eq!(io.to_string(), "task was cancelled");
        let err = tokio::spawn(async { panic!() }).await.unwrap_err();
        assert_eq!(format!("{err:?}"), "JoinError::Panic(...)");
        assert_eq!(err.to_string(), "panic");
    });
}
