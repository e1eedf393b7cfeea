//! `tokio::time::interval`: first tick at once, period spacing, Stream impl.
#![allow(unused_mut)] // 0.2 code: `block_on(&mut self)`; this runtime takes `&self`.

use std::time::Duration;
use tokio::stream::StreamExt;
use tokio::time::{self, Instant};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[tokio::test]
async fn first_tick_immediate_then_periodic() {
    let start = Instant::now();
    let mut iv = time::interval(ms(10));
    let t0 = iv.tick().await;
    assert!(Instant::now() - start < ms(10));
    let t1 = iv.tick().await;
    assert_eq!(t1 - t0, ms(10));
    assert!(Instant::now() >= t1);
}

#[tokio::test]
async fn interval_is_a_stream() {
    let iv = time::interval_at(Instant::now(), ms(2));
    let ticks: Vec<Instant> = iv.take(3).collect().await;
    assert_eq!(ticks[2] - ticks[0], ms(4));
}

#[tokio::test]
async fn missed_ticks_burst() {
    let start = Instant::now();
    let mut iv = time::interval_at(start, ms(20));
    iv.tick().await;
    std::thread::sleep(ms(70));
    let before = std::time::Instant::now();
    for k in 1..=3 {
        assert_eq!(iv.tick().await, start + ms(20 * k));
    }
    assert!(before.elapsed() < ms(15));
}

#[test]
#[should_panic(expected = "`period` must be non-zero.")]
fn zero_period_panics() {
    let mut rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let _ = time::interval(ms(0));
    });
}
