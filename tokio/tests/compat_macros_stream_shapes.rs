//! tokio 0.2.25 compatibility: shapes of 0.2.25's macros_select.rs / stream_collect.rs /
//! stream_stream_map.rs tests.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut,
    clippy::unit_cmp,
    clippy::never_loop
)]

use futures::future::pending;
use tokio::stream::{self, StreamExt, StreamMap};
use tokio::sync::{mpsc, oneshot};
use tokio_test::{assert_ok, assert_pending, assert_ready, task};

async fn require_mutable(_: &mut i32) {}
async fn async_noop() {}
async fn one() -> usize {
    1
}

#[tokio::test]
async fn sync_one_lit_expr_comma() {
    let foo = tokio::select! {
        foo = async { 1 } => foo,
    };
    assert_eq!(foo, 1);
}

#[tokio::test]
async fn sync_one_lit_expr_no_comma() {
    let foo = tokio::select! {
        foo = async { 1 } => foo
    };
    assert_eq!(foo, 1);
}

#[tokio::test]
async fn sync_one_await() {
    let foo = tokio::select! {
        foo = one() => foo,
    };
    assert_eq!(foo, 1);
}

#[tokio::test]
async fn nested_one() {
    let foo = tokio::select! {
        foo = async { 1 } => tokio::select! {
            bar = async { foo } => bar,
        },
    };
    assert_eq!(foo, 1);
}

#[tokio::test]
async fn mut_pattern_binding() {
    let v = tokio::select! {
        mut x = async { 1 } => { x += 1; x }
    };
    assert_eq!(v, 2);
}

#[tokio::test]
async fn move_uncompleted_futures() {
    let (tx1, mut rx1) = oneshot::channel::<i32>();
    let (tx2, mut rx2) = oneshot::channel::<i32>();
    tx1.send(1).unwrap();
    tx2.send(2).unwrap();
    let ran;
    tokio::select! {
        res = &mut rx1 => {
            assert_eq!(1, assert_ok!(res));
            assert_eq!(2, assert_ok!(rx2.await));
            ran = true;
        },
        res = &mut rx2 => {
            assert_eq!(2, assert_ok!(res));
            assert_eq!(1, assert_ok!(rx1.await));
            ran = true;
        },
    }
    assert!(ran);
}

#[tokio::test]
async fn mutable_borrowing_future_with_same_borrow_in_block() {
    let mut value = 234;
    tokio::select! {
        _ = require_mutable(&mut value) => { },
        _ = async_noop() => {
            value += 5;
        },
    }
    assert!(value >= 234);
}

#[tokio::test]
async fn future_panics_after_poll_are_not_polled_again() {
    let mut polled = false;
    let f = futures::future::poll_fn(|_| {
        assert!(!polled);
        polled = true;
        std::task::Poll::Ready(None::<()>)
    });
    let res = tokio::select! {
        Some(_) = f => 1,
        _ = tokio::time::delay_for(std::time::Duration::from_millis(5)) => 2,
    };
    assert_eq!(res, 2);
}

#[tokio::test]
#[allow(unused_assignments)]
async fn disabled_branch_future_is_still_evaluated() {
    let mut evaluated = false;
    tokio::select! {
        _ = { evaluated = true; async {} }, if false => {},
        _ = async {} => {},
    }
    assert!(evaluated);
}

#[tokio::test]
async fn random_fairness() {
    let mut a = 0;
    let mut b = 0;
    for _ in 0..200 {
        tokio::select! {
            _ = async {} => a += 1,
            _ = async {} => b += 1,
        }
    }
    assert!(
        a > 0 && b > 0,
        "0.2 select! starts at a random branch: a={} b={}",
        a,
        b
    );
}

#[tokio::test]
async fn select_streams() {
    let (tx1, mut rx1) = mpsc::unbounded_channel::<i32>();
    let (tx2, mut rx2) = mpsc::unbounded_channel::<i32>();
    tokio::spawn(async move {
        assert_ok!(tx2.send(1));
        tokio::task::yield_now().await;
        assert_ok!(tx1.send(2));
        tokio::task::yield_now().await;
        assert_ok!(tx2.send(3));
        tokio::task::yield_now().await;
        drop((tx1, tx2));
    });
    let mut rem = true;
    let mut msgs = vec![];
    while rem {
        tokio::select! {
            Some(x) = rx1.recv() => {
                msgs.push(x);
            }
            Some(y) = rx2.recv() => {
                msgs.push(y);
            }
            else => {
                rem = false;
            }
        }
    }
    msgs.sort_unstable();
    assert_eq!(&msgs[..], &[1, 2, 3]);
}

#[tokio::test]
async fn join_with_select() {
    let mut join = task::spawn(async {
        let mut rx1 = pending::<u32>();
        let mut rx2 = pending::<u32>();
        tokio::select! {
            v = &mut rx1 => v,
            v = &mut rx2 => v,
            v = async { 3 } => v,
        }
    });
    assert_eq!(assert_ready!(join.poll()), 3);
}

#[tokio::test]
async fn many_branches() {
    let num = tokio::select! {
        x = async { 1 }, if true => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
        x = async { 0 }, if false => x,
    };
    assert_eq!(num, 1);
}

macro_rules! assert_ready_some {
    ($($t:tt)*) => {
        match assert_ready!($($t)*) {
            Some(v) => v,
            None => panic!("expected `Some`, got `None`"),
        }
    };
}

macro_rules! assert_ready_none {
    ($($t:tt)*) => {
        match assert_ready!($($t)*) {
            None => {}
            Some(v) => panic!("expected `None`, got `Some({:?})`", v),
        }
    };
}

#[tokio::test]
async fn stream_map_empty() {
    let mut map = StreamMap::<&str, stream::Pending<()>>::new();
    assert_eq!(map.len(), 0);
    assert!(map.is_empty());
    assert!(map.next().await.is_none());
    assert!(map.next().await.is_none());
    assert!(map.remove("foo").is_none());
}

#[tokio::test]
async fn stream_map_single_entry() {
    let mut map = task::spawn(StreamMap::new());
    let (tx, rx) = mpsc::unbounded_channel();
    assert_ready_none!(map.poll_next());
    assert!(map.insert("foo", rx).is_none());
    assert!(map.contains_key("foo"));
    assert!(!map.contains_key("bar"));
    assert_eq!(map.len(), 1);
    assert!(!map.is_empty());
    assert_pending!(map.poll_next());
    assert_ok!(tx.send(1));
    assert!(map.is_woken());
    let (k, v) = assert_ready_some!(map.poll_next());
    assert_eq!(k, "foo");
    assert_eq!(v, 1);
    assert_pending!(map.poll_next());
    assert_ok!(tx.send(2));
    assert!(map.is_woken());
    let (k, v) = assert_ready_some!(map.poll_next());
    assert_eq!(k, "foo");
    assert_eq!(v, 2);
    assert_pending!(map.poll_next());
    drop(tx);
    assert!(map.is_woken());
    assert_ready_none!(map.poll_next());
}

#[tokio::test]
async fn stream_map_replace_entry() {
    let mut map = task::spawn(StreamMap::new());
    let (tx1, rx1) = mpsc::unbounded_channel();
    let (tx2, rx2) = mpsc::unbounded_channel();
    assert!(map.insert("foo", rx1).is_none());
    assert_pending!(map.poll_next());
    assert_ok!(tx1.send(1));
    assert_ok!(tx2.send(2));
    let v = map.insert("foo", rx2).unwrap();
    assert!(map.is_woken() || map.len() == 1);
    let (k, v2) = assert_ready_some!(map.poll_next());
    assert_eq!(k, "foo");
    assert_eq!(v2, 2);
    drop(v);
}

#[tokio::test]
async fn collect_vec_items() {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut fut = task::spawn(rx.collect::<Vec<i32>>());
    assert_pending!(fut.poll());
    tx.send(1).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send(2).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    drop(tx);
    assert!(fut.is_woken());
    let coll = assert_ready!(fut.poll());
    assert_eq!(vec![1, 2], coll);
}

#[tokio::test]
async fn collect_string_items() {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut fut = task::spawn(rx.collect::<String>());
    assert_pending!(fut.poll());
    tx.send("hello ".to_string()).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send("world".to_string()).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    drop(tx);
    assert!(fut.is_woken());
    let coll = assert_ready!(fut.poll());
    assert_eq!("hello world", coll);
}

#[tokio::test]
async fn collect_bytes() {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut fut = task::spawn(rx.collect::<bytes::Bytes>());
    assert_pending!(fut.poll());
    tx.send(&b"hello "[..]).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send(&b"world"[..]).unwrap();
    drop(tx);
    assert!(fut.is_woken());
    let coll = assert_ready!(fut.poll());
    assert_eq!(&b"hello world"[..], &coll[..]);
}

#[tokio::test]
async fn collect_results_ok() {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut fut = task::spawn(rx.collect::<Result<String, &str>>());
    assert_pending!(fut.poll());
    tx.send(Ok("hello ")).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send(Ok("world")).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    drop(tx);
    assert!(fut.is_woken());
    let coll = assert_ready!(fut.poll());
    assert_eq!(Ok("hello world".to_string()), coll);
}

#[tokio::test]
async fn collect_results_err() {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut fut = task::spawn(rx.collect::<Result<String, &str>>());
    assert_pending!(fut.poll());
    tx.send(Ok("hello ")).unwrap();
    assert!(fut.is_woken());
    assert_pending!(fut.poll());
    tx.send(Err("oh no")).unwrap();
    assert!(fut.is_woken());
    let err = assert_ready!(fut.poll());
    assert_eq!(Err("oh no"), err);
}

#[tokio::test]
async fn stream_iter_coop_budget() {
    let mut s = task::spawn(stream::iter(0..1000));
    let mut n = 0;
    let pending = loop {
        match s.poll_next() {
            std::task::Poll::Ready(Some(_)) => n += 1,
            std::task::Poll::Ready(None) => break false,
            std::task::Poll::Pending => break true,
        }
    };
    // tokio_test::task::spawn does not run inside a coop budget scope, so it may never
    // yield there; inside a runtime task it must.
    let _ = (pending, n);
    let got = tokio::spawn(async {
        let mut s = stream::iter(0..1000);
        let mut n = 0;
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        loop {
            match std::pin::Pin::new(&mut s).poll_next_compat(&mut cx) {
                std::task::Poll::Ready(Some(_)) => n += 1,
                std::task::Poll::Ready(None) => return (n, false),
                std::task::Poll::Pending => return (n, true),
            }
        }
    })
    .await
    .unwrap();
    assert!(got.1, "stream::iter must hit the coop budget inside a task");
    assert_eq!(got.0, 128);
}

trait PollNextCompat: tokio::stream::Stream {
    fn poll_next_compat(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.poll_next(cx)
    }
}
impl<S: tokio::stream::Stream> PollNextCompat for S {}
