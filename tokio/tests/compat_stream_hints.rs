//! tokio 0.2 compatibility: `size_hint` of every stream constructor and adapter, merge's
//! strict alternation, chain's overflow, fuse after `None`, and `StreamMap` hints and
//! readiness (shapes of 0.2.25's stream_*.rs tests).
#![allow(
    clippy::unused_io_amount,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::drop_non_drop,
    clippy::eq_op,
    clippy::bool_assert_comparison,
    clippy::clone_on_copy,
    clippy::redundant_clone,
    clippy::unit_cmp,
    clippy::op_ref,
    clippy::identity_op,
    clippy::needless_return,
    clippy::manual_async_fn,
    clippy::useless_conversion,
    clippy::needless_borrow,
    clippy::explicit_auto_deref,
    clippy::unnecessary_literal_unwrap,
    clippy::bind_instead_of_map,
    clippy::zero_prefixed_literal,
    clippy::map_identity,
    clippy::let_underscore_lock
)]

use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::stream::{self, Stream, StreamExt, StreamMap};
use tokio::sync::mpsc;
use tokio_test::{assert_pending, assert_ready, task};

fn pin_box<T: Stream<Item = U> + 'static, U>(s: T) -> Pin<Box<dyn Stream<Item = U>>> {
    Box::pin(s)
}

#[test]
fn constructor_hints() {
    assert_eq!(stream::iter(vec![1, 2]).size_hint(), (2, Some(2)));
    let mut once = task::spawn(stream::once(1));
    assert_eq!(once.size_hint(), (1, Some(1)));
    assert_eq!(assert_ready!(once.poll_next()), Some(1));
    assert_eq!(once.size_hint(), (0, Some(0)));
    assert_eq!(assert_ready!(once.poll_next()), None);
    assert_eq!(stream::empty::<u8>().size_hint(), (0, Some(0)));
    let mut p = task::spawn(stream::pending::<u8>());
    assert_eq!(p.size_hint(), (0, None));
    assert_pending!(p.poll_next());
}

#[test]
fn adapter_hints() {
    let s = || stream::iter(vec![1, 2, 3, 4]);
    assert_eq!(s().map(|x| x).size_hint(), (4, Some(4)));
    assert_eq!(s().filter(|_| true).size_hint(), (0, Some(4)));
    assert_eq!(s().filter_map(Some).size_hint(), (0, Some(4)));
    assert_eq!(s().take(2).size_hint(), (2, Some(2)));
    assert_eq!(s().take(10).size_hint(), (4, Some(4)));
    assert_eq!(s().skip(1).size_hint(), (3, Some(3)));
    assert_eq!(s().skip(10).size_hint(), (0, Some(0)));
    assert_eq!(s().fuse().size_hint(), (4, Some(4)));
    assert_eq!(s().take_while(|_| true).size_hint(), (0, Some(4)));
    assert_eq!(s().skip_while(|_| true).size_hint(), (0, Some(4)));
    assert_eq!(s().chain(s()).size_hint(), (8, Some(8)));
    assert_eq!(s().merge(s()).size_hint(), (8, Some(8)));
    assert_eq!(s().chain(stream::pending()).size_hint(), (4, None));
}

#[test]
fn chain_size_overflow() {
    struct Monster;
    impl Stream for Monster {
        type Item = ();
        fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<()>> {
            panic!()
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            (usize::MAX, Some(usize::MAX))
        }
    }
    assert_eq!(Monster.chain(Monster).size_hint(), (usize::MAX, None));
    assert_eq!(Monster.merge(Monster).size_hint(), (usize::MAX, None));
}

#[tokio::test]
async fn merge_sync_streams_alternate() {
    let mut s = stream::iter(vec![0, 2, 4, 6]).merge(stream::iter(vec![1, 3, 5]));
    for i in 0..7 {
        let rem = 7 - i;
        assert_eq!(s.size_hint(), (rem, Some(rem)));
        assert_eq!(Some(i), s.next().await);
    }
    assert!(s.next().await.is_none());
}

#[tokio::test]
async fn merge_async_streams() {
    let (tx1, rx1) = mpsc::unbounded_channel();
    let (tx2, rx2) = mpsc::unbounded_channel();
    let mut rx = task::spawn(rx1.merge(rx2));
    assert_eq!(rx.size_hint(), (0, None));
    assert_pending!(rx.poll_next());
    tx1.send(1).unwrap();
    assert!(rx.is_woken());
    assert_eq!(Some(1), assert_ready!(rx.poll_next()));
    assert_pending!(rx.poll_next());
    tx2.send(2).unwrap();
    assert!(rx.is_woken());
    assert_eq!(Some(2), assert_ready!(rx.poll_next()));
    assert_pending!(rx.poll_next());
    drop(tx1);
    assert!(rx.is_woken());
    assert_pending!(rx.poll_next());
    tx2.send(3).unwrap();
    assert!(rx.is_woken());
    assert_eq!(Some(3), assert_ready!(rx.poll_next()));
    assert_pending!(rx.poll_next());
    drop(tx2);
    assert!(rx.is_woken());
    assert_eq!(None, assert_ready!(rx.poll_next()));
}

#[tokio::test]
async fn chain_pending_first() {
    let (tx1, rx1) = mpsc::unbounded_channel();
    let (tx2, rx2) = mpsc::unbounded_channel();
    let mut s = task::spawn(rx1.chain(rx2));
    assert_eq!(s.size_hint(), (0, None));
    assert_pending!(s.poll_next());
    tx2.send(2).unwrap();
    assert!(!s.is_woken());
    assert_pending!(s.poll_next());
    tx1.send(1).unwrap();
    assert!(s.is_woken());
    assert_eq!(Some(1), assert_ready!(s.poll_next()));
    assert_pending!(s.poll_next());
    drop(tx1);
    assert_eq!(s.size_hint(), (0, None));
    assert!(s.is_woken());
    assert_eq!(Some(2), assert_ready!(s.poll_next()));
    assert_eq!(s.size_hint(), (0, None));
    drop(tx2);
    assert_eq!(None, assert_ready!(s.poll_next()));
}

#[tokio::test]
async fn fuse_after_none() {
    struct Alternate {
        state: i32,
    }
    impl Stream for Alternate {
        type Item = i32;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<i32>> {
            let val = self.state;
            self.state += 1;
            if val % 2 == 0 {
                Poll::Ready(Some(val))
            } else {
                Poll::Ready(None)
            }
        }
    }
    let mut s = Alternate { state: 0 };
    assert_eq!(s.next().await, Some(0));
    assert_eq!(s.next().await, None);
    assert_eq!(s.next().await, Some(2));
    let mut s = Alternate { state: 0 }.fuse();
    assert_eq!(s.next().await, Some(0));
    assert_eq!(s.next().await, None);
    assert_eq!(s.next().await, None);
}

#[test]
fn stream_map_hints_and_capacity() {
    let mut map = StreamMap::new();
    map.insert("a", stream::iter(vec![1]));
    map.insert("b", stream::iter(vec![1, 2]));
    map.insert("c", stream::iter(vec![1, 2, 3]));
    assert_eq!(map.size_hint(), (6, Some(6)));

    let mut map = StreamMap::new();
    map.insert("a", pin_box(stream::iter(vec![1])));
    map.insert("b", pin_box(stream::iter(vec![1, 2])));
    map.insert("c", pin_box(stream::pending()));
    assert_eq!(map.size_hint(), (3, None));

    let map = StreamMap::<&str, stream::Pending<()>>::new();
    assert_eq!(0, map.capacity());
    assert!(map.keys().next().is_none());
    let map = StreamMap::<&str, stream::Pending<()>>::with_capacity(10);
    assert!(10 <= map.capacity());

    let mut map = StreamMap::new();
    map.insert("a", stream::iter(vec![1]));
    map.insert("b", stream::iter(vec![1, 2]));
    let mut hints: Vec<usize> = map.values().map(|s| s.size_hint().0).collect();
    hints.sort_unstable();
    assert_eq!(hints, [1, 2]);
    let mut hints: Vec<usize> = map.values_mut().map(|s| s.size_hint().0).collect();
    hints.sort_unstable();
    assert_eq!(hints, [1, 2]);
    map.clear();
    assert!(map.is_empty());
}

#[test]
fn stream_map_one_ready_many_none() {
    for _ in 0..100 {
        let mut map = task::spawn(StreamMap::new());
        map.insert(0, pin_box(stream::empty()));
        map.insert(1, pin_box(stream::empty()));
        map.insert(2, pin_box(stream::once("hello")));
        map.insert(3, pin_box(stream::pending()));
        let v = assert_ready!(map.poll_next()).unwrap();
        assert_eq!(v, (2, "hello"));
    }
}
