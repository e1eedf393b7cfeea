//! Wake-up behaviour of the combinators over channels, observed through the mock task.
#![cfg(all(feature = "stream", feature = "sync"))]

use tokio::stream::{self, StreamExt, StreamMap};
use tokio::sync::mpsc;
use tokio_test::{assert_pending, assert_ready, assert_ready_eq, task};

#[test]
fn chain_moves_to_the_second_stream_and_wakes() {
    let (tx1, rx1) = mpsc::unbounded_channel::<u8>();
    let (tx2, rx2) = mpsc::unbounded_channel::<u8>();
    let mut s = task::spawn(rx1.chain(rx2));
    assert_pending!(s.poll_next());

    tx2.send(2).unwrap();
    assert!(
        !s.is_woken(),
        "the second stream is not polled before the first ends"
    );
    tx1.send(1).unwrap();
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), Some(1));
    assert_pending!(s.poll_next());

    drop(tx1);
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), Some(2));
    assert_pending!(s.poll_next());
    drop(tx2);
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), None);
}

#[test]
fn merge_wakes_on_either_stream() {
    let (tx1, rx1) = mpsc::unbounded_channel::<u8>();
    let (tx2, rx2) = mpsc::unbounded_channel::<u8>();
    let mut s = task::spawn(rx1.merge(rx2));
    assert_pending!(s.poll_next());
    tx2.send(2).unwrap();
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), Some(2));
    tx1.send(1).unwrap();
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), Some(1));
    drop(tx1);
    assert_pending!(s.poll_next(), "one side is still open");
    drop(tx2);
    assert!(s.is_woken());
    assert_ready_eq!(s.poll_next(), None);
}

#[test]
fn collect_waits_for_the_end_of_the_stream() {
    let (tx, rx) = mpsc::unbounded_channel::<&str>();
    let mut fut = task::spawn(rx.collect::<String>());
    assert_pending!(fut.poll());
    tx.send("hello ").unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send("world").unwrap();
    drop(tx);
    assert!(fut.is_woken());
    assert_eq!(assert_ready!(fut.poll()), "hello world");
}

#[test]
fn stream_map_wakes_when_any_member_is_ready() {
    let (tx_a, rx_a) = mpsc::unbounded_channel::<u8>();
    let (tx_b, rx_b) = mpsc::unbounded_channel::<u8>();
    let mut map = StreamMap::new();
    map.insert("a", rx_a);
    map.insert("b", rx_b);
    let mut map = task::spawn(map);
    assert_pending!(map.poll_next());
    tx_b.send(7).unwrap();
    assert!(map.is_woken());
    assert_ready_eq!(map.poll_next(), Some(("b", 7)));
    drop(tx_b);
    assert_pending!(map.poll_next());
    assert_eq!(map.len(), 1, "the finished stream was removed");
    drop(tx_a);
    assert_ready_eq!(map.poll_next(), None);
}

#[test]
fn fold_and_all_over_channels() {
    let (tx, rx) = mpsc::unbounded_channel::<u32>();
    let mut fut = task::spawn(rx.fold(0, |acc, n| acc + n));
    for n in 1..=4 {
        tx.send(n).unwrap();
    }
    assert_pending!(fut.poll());
    drop(tx);
    assert_eq!(assert_ready!(fut.poll()), 10);

    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    tx.send(2).unwrap();
    let mut all = task::spawn(rx.all(|n| n % 2 == 0));
    assert_pending!(all.poll());
    tx.send(3).unwrap();
    assert!(all.is_woken());
    assert!(!assert_ready!(all.poll()));
    drop(all);
    let v: Vec<u32> = futures::executor::block_on(stream::iter(vec![1]).collect());
    assert_eq!(v, vec![1]);
}
