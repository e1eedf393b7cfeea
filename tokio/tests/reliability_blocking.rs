//! The blocking pool: more `spawn_blocking` calls than the thread cap all complete, and
//! never more threads than the cap run closures at once.

use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::Builder;

fn run(rt: tokio::runtime::Runtime, cap: usize, jobs: usize) {
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let done = rt.block_on(async {
        let handles: Vec<_> = (0..jobs)
            .map(|i| {
                let running = running.clone();
                let peak = peak.clone();
                tokio::task::spawn_blocking(move || {
                    let now = running.fetch_add(1, SeqCst) + 1;
                    peak.fetch_max(now, SeqCst);
                    std::thread::sleep(Duration::from_millis(5));
                    running.fetch_sub(1, SeqCst);
                    i
                })
            })
            .collect();
        let mut done = Vec::new();
        for h in handles {
            done.push(h.await.unwrap());
        }
        done
    });
    assert_eq!(
        done,
        (0..jobs).collect::<Vec<_>>(),
        "every closure ran once, results in order"
    );
    let peak = peak.load(SeqCst);
    assert!(
        peak <= cap,
        "{peak} closures ran at once with a cap of {cap}"
    );
    assert!(
        peak >= 2,
        "the pool never ran two closures at once (peak {peak})"
    );
}

#[test]
fn more_blocking_calls_than_the_cap_basic() {
    let cap = 4;
    let rt = Builder::new()
        .basic_scheduler()
        .max_threads(cap)
        .build()
        .unwrap();
    run(rt, cap, 100);
}

#[test]
fn more_blocking_calls_than_the_cap_threaded() {
    // 0.2's max_threads counts the workers too: 6 - 2 workers = 4 blocking threads.
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .max_threads(6)
        .build()
        .unwrap();
    run(rt, 4, 100);
}
