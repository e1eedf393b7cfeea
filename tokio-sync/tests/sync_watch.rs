//! watch behaviour.

mod support;

use futures::executor::block_on;
use std::thread;
use support::spawn;
use tokio_sync::watch;

#[test]
fn first_recv_is_initial_then_waits() {
    let (tx, mut rx) = watch::channel(1);
    assert_eq!(block_on(rx.recv()), Some(1));
    {
        let mut t = spawn(rx.recv());
        assert!(t.poll().is_pending());
        tx.broadcast(2).unwrap();
        assert!(t.is_woken());
        assert_eq!(t.poll(), std::task::Poll::Ready(Some(2)));
    }
    assert_eq!(*rx.borrow(), 2);
}

#[test]
fn receivers_see_the_last_value() {
    let (tx, mut rx) = watch::channel(0);
    let mut rx2 = rx.clone();
    for i in 1..=10 {
        tx.broadcast(i).unwrap();
    }
    assert_eq!(block_on(rx.recv()), Some(10));
    assert_eq!(block_on(rx2.recv()), Some(10));
    drop(tx);
    assert_eq!(block_on(rx.recv()), None);
    assert_eq!(block_on(rx2.recv()), None);
}

#[test]
fn clone_inherits_seen_version() {
    let (tx, mut rx) = watch::channel("a");
    assert_eq!(block_on(rx.recv()), Some("a"));
    let mut rx2 = rx.clone();
    let mut t = spawn(rx2.recv());
    assert!(t.poll().is_pending());
    tx.broadcast("b").unwrap();
    assert_eq!(t.poll(), std::task::Poll::Ready(Some("b")));
}

#[test]
fn sender_drop_after_unseen_value_returns_value_then_none() {
    let (tx, mut rx) = watch::channel(0);
    assert_eq!(block_on(rx.recv()), Some(0));
    tx.broadcast(5).unwrap();
    drop(tx);
    assert_eq!(block_on(rx.recv()), Some(5));
    assert_eq!(block_on(rx.recv()), None);
}

#[test]
fn broadcast_fails_without_receivers_and_closed_resolves() {
    let (mut tx, rx) = watch::channel(0);
    let rx2 = rx.clone();
    {
        let mut closed = spawn(tx.closed());
        assert!(closed.poll().is_pending());
        drop(rx);
        assert!(closed.poll().is_pending());
        drop(rx2);
        assert!(closed.is_woken());
        assert!(closed.poll().is_ready());
    }
    let err = tx.broadcast(1).unwrap_err();
    assert_eq!(err.to_string(), "channel closed");
}

#[test]
fn cross_thread_last_value_wins() {
    let (tx, mut rx) = watch::channel(0u32);
    let h = thread::spawn(move || {
        for i in 1..=10_000 {
            tx.broadcast(i).unwrap();
        }
    });
    let mut last = 0;
    block_on(async {
        while let Some(v) = rx.recv().await {
            assert!(v >= last);
            last = v;
        }
    });
    h.join().unwrap();
    assert_eq!(last, 10_000);
}

#[test]
fn stream_impl() {
    use futures::StreamExt;
    let (tx, rx) = watch::channel(1);
    drop(tx);
    let v: Vec<i32> = block_on(rx.collect());
    assert_eq!(v, vec![1]);
}
