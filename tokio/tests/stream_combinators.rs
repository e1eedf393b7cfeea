//! Behaviour of every `StreamExt` combinator, driven with a plain executor.
#![cfg(feature = "stream")]

use futures::channel::mpsc;
use futures::executor::block_on;
use futures::task::noop_waker;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::stream::{self, Stream, StreamExt};

fn poll_once<S: Stream + Unpin>(s: &mut S) -> Poll<Option<S::Item>> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    Pin::new(s).poll_next(&mut cx)
}

#[test]
fn next_and_try_next() {
    block_on(async {
        let mut s = stream::iter(vec![1, 2]);
        assert_eq!(s.next().await, Some(1));
        assert_eq!(s.next().await, Some(2));
        assert_eq!(s.next().await, None);

        let mut r = stream::iter(vec![Ok(1), Err("e"), Ok(3)]);
        assert_eq!(r.try_next().await, Ok(Some(1)));
        assert_eq!(r.try_next().await, Err("e"));
        assert_eq!(r.try_next().await, Ok(Some(3)));
        assert_eq!(r.try_next().await, Ok::<_, &str>(None));
    });
}

#[test]
fn next_works_on_unsized_streams() {
    block_on(async {
        let mut boxed: Box<dyn Stream<Item = u8> + Unpin> = Box::new(stream::iter(vec![7]));
        assert_eq!(boxed.next().await, Some(7));
        let by_ref: &mut (dyn Stream<Item = u8> + Unpin) = &mut *boxed;
        assert_eq!(by_ref.next().await, None);
    });
}

#[test]
fn map_filter_filter_map() {
    block_on(async {
        let v: Vec<_> = stream::iter(1..=6).map(|n| n * 10).collect().await;
        assert_eq!(v, vec![10, 20, 30, 40, 50, 60]);
        let v: Vec<_> = stream::iter(1..=6).filter(|n| n % 2 == 1).collect().await;
        assert_eq!(v, vec![1, 3, 5]);
        let v: Vec<u32> = stream::iter(vec!["4", "x", "2"])
            .filter_map(|s| s.parse().ok())
            .collect()
            .await;
        assert_eq!(v, vec![4, 2]);
    });
}

#[test]
fn take_and_skip() {
    block_on(async {
        let s = stream::iter(1..=10).take(3);
        assert_eq!(s.size_hint(), (3, Some(3)));
        assert_eq!(s.collect::<Vec<_>>().await, vec![1, 2, 3]);
        let s = stream::iter(1..=5).skip(2);
        assert_eq!(s.size_hint(), (3, Some(3)));
        assert_eq!(s.collect::<Vec<_>>().await, vec![3, 4, 5]);
        let none: Vec<i32> = stream::iter(1..=5).skip(9).collect().await;
        assert!(none.is_empty());
        let zero: Vec<i32> = stream::iter(1..).take(0).collect().await;
        assert!(zero.is_empty());
    });
}

#[test]
fn take_stops_polling_the_inner_stream() {
    let (tx, rx) = mpsc::unbounded::<i32>();
    tx.unbounded_send(1).unwrap();
    let mut s = rx.take(1);
    assert_eq!(poll_once(&mut s), Poll::Ready(Some(1)));
    // The channel is still open and empty, but `take` is done.
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
}

#[test]
fn take_while_and_skip_while() {
    block_on(async {
        let mut calls = 0;
        let v: Vec<_> = stream::iter(vec![1, 2, 9, 3])
            .take_while(|n| {
                calls += 1;
                *n < 5
            })
            .collect()
            .await;
        assert_eq!(v, vec![1, 2]);
        assert_eq!(calls, 3, "take_while stops at the first false");

        let mut calls = 0;
        let v: Vec<_> = stream::iter(vec![1, 2, 9, 3])
            .skip_while(|n| {
                calls += 1;
                *n < 5
            })
            .collect()
            .await;
        assert_eq!(v, vec![9, 3]);
        assert_eq!(
            calls, 3,
            "skip_while's predicate is not called after the first false"
        );
    });
}

#[test]
fn all_and_any_stop_early() {
    block_on(async {
        let mut s = stream::iter(vec![2, 4, 5, 6]);
        assert!(!s.all(|n| n % 2 == 0).await);
        assert_eq!(s.next().await, Some(6), "all left the rest unconsumed");

        let mut s = stream::iter(vec![1, 4, 5]);
        assert!(s.any(|n| n % 2 == 0).await);
        assert_eq!(s.next().await, Some(5), "any left the rest unconsumed");

        assert!(stream::empty::<i32>().all(|_| false).await);
        assert!(!stream::empty::<i32>().any(|_| true).await);
    });
}

#[test]
fn chain_and_fold() {
    block_on(async {
        let s = stream::iter(vec![1, 2]).chain(stream::once(3));
        assert_eq!(s.size_hint(), (3, Some(3)));
        assert_eq!(s.collect::<Vec<_>>().await, vec![1, 2, 3]);
        let total = stream::iter(1..=4).fold(0, |acc, n| acc + n).await;
        assert_eq!(total, 10);
    });
}

#[test]
fn merge_interleaves_and_ends_when_both_end() {
    block_on(async {
        let v: Vec<_> = stream::iter(vec![1, 3, 5])
            .merge(stream::iter(vec![2, 4]))
            .collect()
            .await;
        assert_eq!(v, vec![1, 2, 3, 4, 5], "always-ready streams alternate");
    });

    let (tx, rx) = mpsc::unbounded::<i32>();
    let mut s = stream::iter(vec![1]).merge(rx);
    assert_eq!(poll_once(&mut s), Poll::Ready(Some(1)));
    assert_eq!(
        poll_once(&mut s),
        Poll::Pending,
        "the other stream is still open"
    );
    tx.unbounded_send(2).unwrap();
    assert_eq!(poll_once(&mut s), Poll::Ready(Some(2)));
    drop(tx);
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
}

#[test]
fn fuse_never_polls_after_end() {
    struct OnceThenPanic(bool);
    impl Stream for OnceThenPanic {
        type Item = ();
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> {
            assert!(!self.0, "polled after returning None");
            self.0 = true;
            Poll::Ready(None)
        }
    }
    let mut s = OnceThenPanic(false).fuse();
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
    assert_eq!(s.size_hint(), (0, Some(0)));
}

#[test]
fn adapters_work_on_pinned_unpin_free_streams() {
    // An `async`-built stream is `!Unpin`; the adapters must still work once pinned.
    let (tx, rx) = mpsc::unbounded::<i32>();
    let not_unpin = rx.map(|n| n + 1).chain(stream::once(100));
    let mut pinned = Box::pin(not_unpin.filter(|n| n % 2 == 0));
    for n in 0..4 {
        tx.unbounded_send(n).unwrap();
    }
    drop(tx);
    block_on(async {
        let mut got = Vec::new();
        while let Some(n) = pinned.next().await {
            got.push(n);
        }
        assert_eq!(got, vec![2, 4, 100]);
    });
}

#[test]
fn size_hints_combine() {
    let s = stream::iter(0..4).merge(stream::iter(0..3));
    assert_eq!(s.size_hint(), (7, Some(7)));
    let s = stream::iter(0..4).filter(|_| true);
    assert_eq!(s.size_hint(), (0, Some(4)));
    let s = stream::iter(0..4).map(|n| n);
    assert_eq!(s.size_hint(), (4, Some(4)));
}
