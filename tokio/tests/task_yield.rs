#![cfg(feature = "rt-core")]
//! yield_now lets other tasks run.

use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::Arc;
use tokio::runtime::Builder;

#[test]
fn yield_now_lets_others_run() {
    let rt = Builder::new().basic_scheduler().build().unwrap();
    rt.block_on(async {
        let flag = Arc::new(AtomicBool::new(false));
        let f = flag.clone();
        let spinner = tokio::spawn(async move {
            let mut spins = 0u32;
            while !f.load(SeqCst) {
                tokio::task::yield_now().await;
                spins += 1;
            }
            spins
        });
        let setter = tokio::spawn(async move { flag.store(true, SeqCst) });
        setter.await.unwrap();
        assert!(spinner.await.unwrap() >= 1);
    });
}

#[cfg(feature = "rt-threaded")]
#[test]
fn yield_many() {
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .build()
        .unwrap();
    rt.block_on(async {
        let handles: Vec<_> = (0..200)
            .map(|_| {
                tokio::spawn(async {
                    for _ in 0..1000 {
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
    });
}
