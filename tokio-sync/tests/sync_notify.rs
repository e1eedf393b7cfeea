//! Notify and Barrier behaviour.

mod support;

use futures::executor::block_on;
use std::sync::Arc;
use std::thread;
use support::spawn;
use tokio_sync::{Barrier, Notify};

#[test]
fn stored_permit_coalesces() {
    let n = Notify::new();
    n.notify();
    n.notify();
    let mut a = spawn(n.notified());
    assert!(a.poll().is_ready());
    let mut b = spawn(n.notified());
    assert!(b.poll().is_pending());
}

#[test]
fn notify_wakes_one_in_order() {
    let n = Notify::new();
    let mut a = spawn(n.notified());
    let mut b = spawn(n.notified());
    assert!(a.poll().is_pending());
    assert!(b.poll().is_pending());
    n.notify();
    assert!(a.is_woken());
    assert!(!b.is_woken());
    assert!(a.poll().is_ready());
    assert!(b.poll().is_pending());
}

#[test]
fn dropped_notified_passes_notification_on() {
    let n = Notify::new();
    let mut a = spawn(n.notified());
    let mut b = spawn(n.notified());
    assert!(a.poll().is_pending());
    assert!(b.poll().is_pending());
    n.notify();
    drop(a);
    assert!(b.is_woken());
    assert!(b.poll().is_ready());
}

#[test]
fn dropped_notified_with_no_one_else_stores_permit() {
    let n = Notify::new();
    let mut a = spawn(n.notified());
    assert!(a.poll().is_pending());
    n.notify();
    drop(a);
    let mut b = spawn(n.notified());
    assert!(b.poll().is_ready());
}

#[test]
fn cross_thread_ping_pong() {
    let ping = Arc::new(Notify::new());
    let pong = Arc::new(Notify::new());
    let (p2, q2) = (ping.clone(), pong.clone());
    let h = thread::spawn(move || {
        block_on(async {
            for _ in 0..10_000 {
                p2.notified().await;
                q2.notify();
            }
        })
    });
    block_on(async {
        for _ in 0..10_000 {
            ping.notify();
            pong.notified().await;
        }
    });
    h.join().unwrap();
}

#[test]
fn barrier_one_leader_per_generation() {
    let b = Arc::new(Barrier::new(4));
    for _ in 0..20 {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let b = b.clone();
                thread::spawn(move || block_on(b.wait()).is_leader())
            })
            .collect();
        let leaders = handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|&l| l)
            .count();
        assert_eq!(leaders, 1);
    }
}

#[test]
fn barrier_zero_is_one() {
    let b = Barrier::new(0);
    assert!(block_on(b.wait()).is_leader());
    assert!(block_on(b.wait()).is_leader());
}

#[test]
fn barrier_waits_for_all() {
    let b = Barrier::new(2);
    let mut a = spawn(b.wait());
    assert!(a.poll().is_pending());
    let mut c = spawn(b.wait());
    assert!(matches!(c.poll(), std::task::Poll::Ready(r) if r.is_leader()));
    assert!(a.is_woken());
    assert!(matches!(a.poll(), std::task::Poll::Ready(r) if !r.is_leader()));
}
