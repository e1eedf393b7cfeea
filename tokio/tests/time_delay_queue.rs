//! `tokio::time::DelayQueue`: deadline order with removals and resets.

use std::time::Duration;
use tokio::stream::StreamExt;
use tokio::time::delay_queue::{DelayQueue, Expired, Key};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[tokio::test]
async fn deadline_order_with_removals_and_resets() {
    let mut q = DelayQueue::new();
    let keys: Vec<Key> = (0..6u64).map(|i| q.insert(i, ms(5 + 5 * i))).collect();
    q.remove(&keys[2]);
    q.reset(&keys[5], ms(1));
    q.reset(&keys[0], ms(60));
    let mut out = Vec::new();
    while let Some(e) = q.next().await {
        let e: Expired<u64> = e.unwrap();
        out.push(e.into_inner());
    }
    assert_eq!(out, vec![5, 1, 3, 4, 0]);
}

#[tokio::test]
async fn reexported_at_time_root() {
    let mut q: tokio::time::DelayQueue<&str> = tokio::time::DelayQueue::with_capacity(4);
    q.insert("a", ms(1));
    assert_eq!(q.len(), 1);
    assert_eq!(q.next().await.unwrap().unwrap().into_inner(), "a");
    assert!(q.is_empty());
}
