//! The stream constructors: `iter`, `once`, `empty`, `pending`.
#![cfg(feature = "stream")]

use futures::task::noop_waker;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::stream::{self, Empty, Pending, Stream};

fn poll_once<S: Stream + Unpin>(s: &mut S) -> Poll<Option<S::Item>> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    Pin::new(s).poll_next(&mut cx)
}

#[test]
fn iter_is_always_ready() {
    let mut s = stream::iter(vec![1, 2]);
    assert_eq!(s.size_hint(), (2, Some(2)));
    assert_eq!(poll_once(&mut s), Poll::Ready(Some(1)));
    assert_eq!(poll_once(&mut s), Poll::Ready(Some(2)));
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
}

#[test]
fn once_yields_one_item() {
    let mut s = stream::once("x");
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_eq!(poll_once(&mut s), Poll::Ready(Some("x")));
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
}

#[test]
fn empty_and_pending() {
    const EMPTY: Empty<String> = stream::empty();
    const PENDING: Pending<String> = stream::pending();
    let mut e = EMPTY;
    assert_eq!(poll_once(&mut e), Poll::Ready(None));
    assert_eq!(e.size_hint(), (0, Some(0)));
    let mut p = PENDING;
    assert_eq!(poll_once(&mut p), Poll::Pending);
    assert_eq!(p.size_hint(), (0, None));
    assert_eq!(format!("{:?}", e), "Empty");
    assert_eq!(format!("{:?}", p), "Pending");
}

#[cfg(feature = "rt-core")]
#[test]
fn iter_yields_cooperatively_inside_a_runtime() {
    tokio_test::block_on(async {
        let mut s = tokio_test::task::spawn(stream::iter(std::iter::repeat(1)));
        let mut ready = 0;
        while s.poll_next().is_ready() {
            ready += 1;
            assert!(ready <= 1000, "never yielded");
        }
        assert_eq!(ready, 128);
        assert!(s.is_woken(), "the yield wakes the task at once");
        assert_eq!(s.poll_next(), Poll::Ready(Some(1)));
    });
}

#[test]
fn iter_never_yields_outside_a_runtime() {
    let mut s = stream::iter(0..1000);
    for i in 0..1000 {
        assert_eq!(poll_once(&mut s), Poll::Ready(Some(i)));
    }
    assert_eq!(poll_once(&mut s), Poll::Ready(None));
}

#[cfg(feature = "rt-core")]
#[test]
fn long_iter_streams_still_complete_on_a_runtime() {
    use tokio::stream::StreamExt;
    let sum: u64 = tokio_test::block_on(stream::iter(0..10_000u64).fold(0, |a, b| a + b));
    assert_eq!(sum, 49_995_000);
}
