//! tokio 0.2.25 compatibility audit of `tokio::stream` (API-0.2.md §9): every `StreamExt`
//! method with its 0.2 bounds and output, `FromStream` targets, the constructors and
//! `StreamMap`, and the `Stream` impls on other modules' types.
#![allow(
    clippy::unused_io_amount,
    clippy::type_complexity,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
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

use std::fmt::Debug;
use std::future::Future;
use std::time::Duration;

use tokio::stream::{self, FromStream, Stream, StreamExt, StreamMap};

fn is_stream<S: Stream<Item = I>, I>(_: &S) {}
fn is_unpin_fut<F: Future<Output = O> + Unpin, O>(_: &F) {}
fn is_debug<T: Debug>() {}

#[tokio::test]
async fn stream_is_futures_core_stream() {
    fn same<S: futures_core::Stream>() {}
    fn ours<S: Stream>() {
        same::<S>()
    }
    ours::<stream::Iter<std::vec::IntoIter<u8>>>();
}

#[tokio::test]
async fn constructors() {
    let _: fn(Vec<u8>) -> stream::Iter<std::vec::IntoIter<u8>> = stream::iter::<Vec<u8>>;
    let _: fn(u8) -> stream::Once<u8> = stream::once::<u8>;
    const E: stream::Empty<u8> = stream::empty::<u8>();
    const P: stream::Pending<u8> = stream::pending::<u8>();
    is_debug::<stream::Iter<std::vec::IntoIter<u8>>>();
    is_debug::<stream::Once<u8>>();
    is_debug::<stream::Empty<u8>>();
    is_debug::<stream::Pending<u8>>();
    fn unpin<T: Unpin>() {}
    unpin::<stream::Iter<std::vec::IntoIter<std::marker::PhantomPinned>>>();
    unpin::<stream::Once<std::marker::PhantomPinned>>();
    let mut e = E;
    assert_eq!(e.next().await, None);
    let mut o = stream::once(3);
    assert_eq!(o.next().await, Some(3));
    assert_eq!(o.next().await, None);
    let mut p = P;
    let r = tokio::time::timeout(Duration::from_millis(5), p.next()).await;
    assert!(r.is_err());
}

#[tokio::test]
async fn ext_methods() {
    let mut s = stream::iter(vec![1, 2, 3]);
    let f = s.next();
    is_unpin_fut::<_, Option<i32>>(&f);
    assert_eq!(f.await, Some(1));

    let mut r = stream::iter(vec![Ok::<i32, &str>(1), Err("e")]);
    let f = r.try_next();
    is_unpin_fut::<_, Result<Option<i32>, &str>>(&f);
    assert_eq!(f.await, Ok(Some(1)));
    assert_eq!(r.try_next().await, Err("e"));

    let v: Vec<i32> = stream::iter(1..=4).map(|x| x * 10).collect().await;
    assert_eq!(v, [10, 20, 30, 40]);
    let mut v: Vec<i32> = stream::iter(vec![1, 3])
        .merge(stream::iter(vec![2, 4]))
        .collect()
        .await;
    v.sort_unstable();
    assert_eq!(v, [1, 2, 3, 4]);
    let v: Vec<i32> = stream::iter(1..=6).filter(|x| x % 2 == 0).collect().await;
    assert_eq!(v, [2, 4, 6]);
    let v: Vec<i32> = stream::iter(1..=6)
        .filter_map(|x| if x > 4 { Some(x) } else { None })
        .collect()
        .await;
    assert_eq!(v, [5, 6]);
    let mut f = stream::iter(vec![1]).fuse();
    assert_eq!(f.next().await, Some(1));
    assert_eq!(f.next().await, None);
    assert_eq!(f.next().await, None);
    let v: Vec<i32> = stream::iter(1..).take(2).collect().await;
    assert_eq!(v, [1, 2]);
    let v: Vec<i32> = stream::iter(1..10).take_while(|x| *x < 3).collect().await;
    assert_eq!(v, [1, 2]);
    let v: Vec<i32> = stream::iter(1..=4).skip(2).collect().await;
    assert_eq!(v, [3, 4]);
    let v: Vec<i32> = stream::iter(1..=4).skip_while(|x| *x < 3).collect().await;
    assert_eq!(v, [3, 4]);

    let mut s = stream::iter(1..=4);
    let f = s.all(|x| x > 0);
    is_unpin_fut::<_, bool>(&f);
    assert!(f.await);
    let mut s = stream::iter(1..=4);
    let f = s.any(|x| x == 3);
    is_unpin_fut::<_, bool>(&f);
    assert!(f.await);
    // `any` stops at the first match and leaves the rest.
    assert_eq!(s.next().await, Some(4));

    let v: Vec<i32> = stream::iter(vec![1])
        .chain(stream::iter(vec![2]))
        .collect()
        .await;
    assert_eq!(v, [1, 2]);
    let sum = stream::iter(1..=4).fold(0, |acc, x| acc + x).await;
    assert_eq!(sum, 10);
}

#[tokio::test]
async fn collect_targets() {
    let _: () = stream::iter(vec![(), ()]).collect().await;
    let s: String = stream::iter(vec!["a", "b"]).collect().await;
    assert_eq!(s, "ab");
    let s: String = stream::iter(vec![String::from("x")]).collect().await;
    assert_eq!(s, "x");
    let b: Box<[u8]> = stream::iter(vec![1u8, 2]).collect().await;
    assert_eq!(&*b, &[1, 2]);
    let r: Result<Vec<u8>, &str> = stream::iter(vec![Ok(1u8), Err("bad"), Ok(3)])
        .collect()
        .await;
    assert_eq!(r, Err("bad"));
    let r: Result<Vec<u8>, &str> = stream::iter(vec![Ok(1u8), Ok(3)]).collect().await;
    assert_eq!(r, Ok(vec![1, 3]));
    let b: bytes::Bytes = stream::iter(vec![&b"ab"[..], &b"cd"[..]]).collect().await;
    assert_eq!(&b[..], b"abcd");
    let b: bytes::BytesMut = stream::iter(vec![bytes::Bytes::from_static(b"x")])
        .collect()
        .await;
    assert_eq!(&b[..], b"x");
    fn _sealed_names<T: FromStream<u8>>() {}
    _sealed_names::<Vec<u8>>();
}

#[tokio::test]
async fn timeout_method() {
    let mut s = stream::iter(vec![1])
        .chain(stream::pending())
        .timeout(Duration::from_millis(10));
    let first: Option<Result<i32, tokio::time::Elapsed>> = s.next().await;
    assert_eq!(first, Some(Ok(1)));
    let second = s.next().await.unwrap();
    let e: tokio::time::Elapsed = second.unwrap_err();
    assert_eq!(e.to_string(), "deadline has elapsed");
}

#[tokio::test]
async fn stream_map() {
    is_debug::<StreamMap<&str, stream::Iter<std::vec::IntoIter<u8>>>>();
    let mut m: StreamMap<&str, stream::Iter<std::vec::IntoIter<u8>>> = Default::default();
    let mut m2 = StreamMap::with_capacity(4);
    assert!(m2.capacity() >= 4);
    m2.insert("z", stream::iter(vec![0u8]));
    assert!(m.insert("a", stream::iter(vec![1u8, 2])).is_none());
    assert!(m.insert("b", stream::iter(vec![3u8])).is_none());
    assert!(m.insert("b", stream::iter(vec![4u8])).is_some());
    assert!(m.contains_key("a"));
    assert_eq!(m.len(), 2);
    assert!(!m.is_empty());
    let mut keys: Vec<&&str> = m.keys().collect();
    keys.sort();
    assert_eq!(keys, [&"a", &"b"]);
    assert_eq!(m.values().count(), 2);
    assert_eq!(m.values_mut().count(), 2);
    let mut got: Vec<(&str, u8)> = Vec::new();
    while let Some(kv) = m.next().await {
        got.push(kv);
    }
    got.sort_unstable();
    assert_eq!(got, [("a", 1), ("a", 2), ("b", 4)]);
    assert!(m.is_empty());
    assert!(m2.remove("z").is_some());
    m2.clear();
    let m3: StreamMap<String, stream::Once<u8>> = StreamMap::new();
    assert!(m3.is_empty());
    // `remove` / `contains_key` take a borrowed form of the key.
    let mut m4: StreamMap<String, stream::Once<u8>> = StreamMap::new();
    m4.insert("k".to_string(), stream::once(1));
    assert!(m4.contains_key("k"));
    assert!(m4.remove("k").is_some());
}

#[tokio::test]
async fn stream_impls_elsewhere() {
    use tokio::sync::{broadcast, mpsc, watch};
    let (mut tx, rx) = mpsc::channel::<u8>(1);
    is_stream::<_, u8>(&rx);
    tx.send(1).await.unwrap();
    drop(tx);
    let v: Vec<u8> = rx.collect().await;
    assert_eq!(v, [1]);
    let (tx, rx) = mpsc::unbounded_channel::<u8>();
    is_stream::<_, u8>(&rx);
    drop(tx);
    let (_tx, rx) = watch::channel(0u8);
    is_stream::<_, u8>(&rx);
    let (_tx, rx) = broadcast::channel::<u8>(1);
    is_stream::<_, Result<u8, broadcast::RecvError>>(&rx.into_stream());
    let i = tokio::time::interval(Duration::from_millis(1));
    is_stream::<_, tokio::time::Instant>(&i);
    let dq: tokio::time::DelayQueue<u8> = tokio::time::DelayQueue::new();
    is_stream::<_, Result<tokio::time::delay_queue::Expired<u8>, tokio::time::Error>>(&dq);
    let t = tokio::time::throttle(Duration::from_millis(1), stream::iter(vec![1u8]));
    is_stream::<_, u8>(&t);
    let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    is_stream::<_, std::io::Result<tokio::net::TcpStream>>(&l);
    is_stream::<_, std::io::Result<tokio::net::TcpStream>>(&l.incoming());
    let rd = tokio::fs::read_dir(".").await.unwrap();
    is_stream::<_, std::io::Result<tokio::fs::DirEntry>>(&rd);
    let sig =
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::user_defined2()).unwrap();
    is_stream::<_, ()>(&sig);
}
