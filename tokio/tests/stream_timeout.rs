//! `StreamExt::timeout` on the paused clock.
#![cfg(all(
    feature = "stream",
    feature = "time",
    feature = "sync",
    feature = "rt-core"
))]

use std::time::Duration;
use tokio::stream::{self, StreamExt};
use tokio::sync::mpsc;
use tokio::time::{self, Instant};
use tokio_test::{assert_elapsed, assert_pending, assert_ready, task};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn items_in_time_pass_through_as_ok() {
    tokio_test::block_on(async {
        time::pause();
        let mut s = stream::iter(vec![1, 2]).timeout(ms(10));
        assert_eq!(s.next().await, Some(Ok(1)));
        assert_eq!(s.next().await, Some(Ok(2)));
        assert_eq!(s.next().await, None);
    });
}

#[test]
fn a_gap_yields_one_elapsed_then_waits_for_the_next_item() {
    tokio_test::block_on(async {
        time::pause();
        let (tx, rx) = mpsc::unbounded_channel::<u8>();
        let mut s = task::spawn(rx.timeout(ms(100)));
        tx.send(1).unwrap();
        assert_eq!(assert_ready!(s.poll_next()), Some(Ok(1)));

        let start = Instant::now();
        let item = s.next().await;
        assert!(matches!(item, Some(Err(_))), "{:?}", item);
        assert_elapsed!(start, ms(100));

        // Disarmed until the next item: time passing yields nothing more.
        time::advance(ms(1000)).await;
        assert_pending!(s.poll_next());

        tx.send(2).unwrap();
        assert_eq!(assert_ready!(s.poll_next()), Some(Ok(2)));
        // Re-armed by the item.
        let start = Instant::now();
        assert!(matches!(s.next().await, Some(Err(_))));
        assert_elapsed!(start, ms(100));

        drop(tx);
        assert_eq!(s.next().await, None);
    });
}

#[test]
fn the_first_deadline_counts_from_construction() {
    tokio_test::block_on(async {
        time::pause();
        let start = Instant::now();
        let mut s = stream::pending::<()>().timeout(ms(50));
        time::advance(ms(20)).await;
        let err = s.next().await.unwrap().unwrap_err();
        assert_eq!(err.to_string(), "deadline has elapsed");
        assert_elapsed!(start, ms(50));
    });
}

#[test]
fn a_ready_item_wins_over_an_expired_deadline() {
    tokio_test::block_on(async {
        time::pause();
        let (tx, rx) = mpsc::unbounded_channel::<u8>();
        let mut s = task::spawn(rx.timeout(ms(10)));
        time::advance(ms(50)).await;
        tx.send(9).unwrap();
        assert_eq!(assert_ready!(s.poll_next()), Some(Ok(9)));
    });
}

#[test]
#[should_panic(expected = "there is no timer running")]
fn timeout_outside_a_runtime_panics() {
    let _ = stream::iter(vec![1]).timeout(ms(1));
}
