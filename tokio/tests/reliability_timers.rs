//! Timers under volume: a great many delays inserted into the wheel and cancelled leave
//! the live heap at its baseline, and no delay ever completes before its deadline.

mod support;

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use support::alloc::{assert_back_to_baseline, live_bytes, Counting};
use support::scale::pick;
use tokio::runtime::Builder;

#[global_allocator]
static ALLOC: Counting = Counting;

/// Polls a future exactly once and reports whether it was pending.
struct PollOnce<'a, F>(Pin<&'a mut F>);

impl<F: Future> Future for PollOnce<'_, F> {
    type Output = bool;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        Poll::Ready(self.0.as_mut().poll(cx).is_pending())
    }
}

#[test]
fn million_delays_inserted_and_cancelled_leave_heap_at_baseline() {
    let _serial = support::serial();
    let n = pick(50_000, 300_000, 1_000_000);
    let rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        // Warm up: the wheel's own structures reach their steady size.
        let mut d = tokio::time::delay_for(Duration::from_secs(1));
        assert!(PollOnce(Pin::new(&mut d)).await);
        drop(d);
    });
    let baseline = live_bytes();
    rt.block_on(async {
        for chunk in 0..(n / 10_000).max(1) {
            let mut delays: Vec<_> = (0..10_000u64)
                .map(|i| {
                    tokio::time::delay_for(Duration::from_millis(
                        1_000 + (i * 7919 + chunk as u64) % 3_600_000,
                    ))
                })
                .collect();
            for d in delays.iter_mut() {
                // The first pending poll inserts the entry into the wheel.
                assert!(PollOnce(Pin::new(d)).await);
            }
            drop(delays);
        }
    });
    // Slack: the wheel may keep a bounded free list / slab capacity after the churn.
    assert_back_to_baseline(baseline, 2 * 1024 * 1024, "delays inserted and cancelled");
}

#[test]
fn no_delay_fires_early() {
    let _serial = support::serial();
    let count = pick(300, 2_000, 5_000);
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let handles: Vec<_> = (0..count as u64)
            .map(|i| {
                // Deterministic spread of 0..=40 ms, with sub-millisecond parts.
                let dur = Duration::from_micros((i * 104_729) % 40_000);
                tokio::spawn(async move {
                    let start = Instant::now();
                    tokio::time::delay_for(dur).await;
                    let took = start.elapsed();
                    assert!(
                        took >= dur,
                        "delay of {dur:?} completed after only {took:?}"
                    );
                })
            })
            .collect();
        for h in handles {
            h.await.unwrap();
        }
    });
}
