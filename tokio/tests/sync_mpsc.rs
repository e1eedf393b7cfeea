#![cfg(all(feature = "sync", feature = "rt-threaded"))]
//! `tokio::sync::mpsc` on the multi-thread runtime.

use std::time::Duration;
use tokio::runtime::{Builder, Runtime};
use tokio::sync::mpsc;

fn rt() -> Runtime {
    Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn four_producers_100k_each_received_once_in_order() {
    const PER: usize = 100_000;
    let rt = rt();
    rt.block_on(async {
        let (tx, mut rx) = mpsc::channel::<(usize, usize)>(256);
        for p in 0..4 {
            let mut tx = tx.clone();
            tokio::spawn(async move {
                for i in 0..PER {
                    tx.send((p, i)).await.unwrap();
                }
            });
        }
        drop(tx);
        let mut next = [0usize; 4];
        while let Some((p, i)) = rx.recv().await {
            assert_eq!(next[p], i, "producer {} out of order", p);
            next[p] += 1;
        }
        assert_eq!(next, [PER; 4]);
    });
}

#[test]
fn unbounded_four_producers_on_runtime() {
    const PER: usize = 100_000;
    let rt = rt();
    rt.block_on(async {
        let (tx, mut rx) = mpsc::unbounded_channel::<(usize, usize)>();
        for p in 0..4 {
            let tx = tx.clone();
            tokio::spawn(async move {
                for i in 0..PER {
                    tx.send((p, i)).unwrap();
                    if i % 1000 == 0 {
                        tokio::task::yield_now().await;
                    }
                }
            });
        }
        drop(tx);
        let mut next = [0usize; 4];
        while let Some((p, i)) = rx.recv().await {
            assert_eq!(next[p], i);
            next[p] += 1;
        }
        assert_eq!(next, [PER; 4]);
    });
}

#[test]
fn back_pressure_sender_waits_until_a_slot_frees() {
    let rt = rt();
    rt.block_on(async {
        let (mut tx, mut rx) = mpsc::channel(2);
        tx.send(1).await.unwrap();
        tx.send(2).await.unwrap();
        let sender = tokio::spawn(async move {
            tx.send(3).await.unwrap();
        });
        tokio::time::delay_for(Duration::from_millis(50)).await;
        // Still waiting: only two slots.
        assert_eq!(rx.try_recv(), Ok(1));
        sender.await.unwrap();
        assert_eq!(rx.recv().await, Some(2));
        assert_eq!(rx.recv().await, Some(3));
        assert_eq!(rx.recv().await, None);
    });
}

#[test]
fn send_cancelled_by_timeout_releases_its_place() {
    let rt = rt();
    rt.block_on(async {
        let (mut tx, mut rx) = mpsc::channel(1);
        let mut tx2 = tx.clone();
        tx.send(0).await.unwrap();
        let res = tokio::time::timeout(Duration::from_millis(20), tx.send(1)).await;
        assert!(res.is_err(), "send must still be waiting");
        assert_eq!(rx.recv().await, Some(0));
        // The cancelled send left the queue: the other sender gets the slot at once.
        tx2.try_send(2).unwrap();
        assert_eq!(rx.recv().await, Some(2));
    });
}

#[test]
fn send_cancelled_by_select_releases_its_place() {
    let rt = rt();
    rt.block_on(async {
        let (mut tx, mut rx) = mpsc::channel(1);
        let mut tx2 = tx.clone();
        tx.send(0).await.unwrap();
        tokio::select! {
            _ = tx.send(1) => panic!("channel is full"),
            _ = tokio::time::delay_for(Duration::from_millis(10)) => {}
        }
        assert_eq!(rx.recv().await, Some(0));
        tx2.try_send(2).unwrap();
        assert_eq!(rx.recv().await, Some(2));
    });
}

#[test]
fn send_timeout_times_out_and_succeeds() {
    let rt = rt();
    rt.block_on(async {
        let (mut tx, mut rx) = mpsc::channel(1);
        tx.send_timeout(1, Duration::from_millis(10)).await.unwrap();
        match tx.send_timeout(2, Duration::from_millis(10)).await {
            Err(mpsc::error::SendTimeoutError::Timeout(2)) => {}
            other => panic!("expected timeout, got {:?}", other),
        }
        assert_eq!(rx.recv().await, Some(1));
        tx.send_timeout(3, Duration::from_millis(10)).await.unwrap();
        assert_eq!(rx.recv().await, Some(3));
        drop(rx);
        match tx.send_timeout(4, Duration::from_millis(10)).await {
            Err(mpsc::error::SendTimeoutError::Closed(4)) => {}
            other => panic!("expected closed, got {:?}", other),
        }
    });
}

#[test]
fn receiver_dropped_fails_senders_with_value() {
    let rt = rt();
    rt.block_on(async {
        let (mut tx, rx) = mpsc::channel::<String>(1);
        tx.send("a".into()).await.unwrap();
        let waiting = tokio::spawn(async move { tx.send("b".into()).await });
        tokio::time::delay_for(Duration::from_millis(20)).await;
        drop(rx);
        let err = waiting.await.unwrap().unwrap_err();
        assert_eq!(err.0, "b");
    });
}
