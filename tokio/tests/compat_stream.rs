//! tokio 0.2.25 compatibility: `tokio::stream` (StreamExt, iter/once/empty/pending,
//! FromStream collect targets, StreamMap).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::time::Duration;
use tokio::stream::{self, Stream, StreamExt, StreamMap};

fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), f)
            .await
            .expect("test timed out")
    })
}

#[test]
fn stream_is_futures_core_stream() {
    fn same<S: futures::Stream>(_: &S) {}
    let s = stream::iter(vec![1]);
    same(&s);
    fn ours<S: Stream>(_: &S) {}
    ours(&futures::stream::iter(vec![1]));
}

#[test]
fn ext_combinators() {
    run(async {
        let mut s = stream::iter(vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(s.next().await, Some(1));
        let v: Vec<i32> = s
            .map(|x| x * 10)
            .filter(|x| *x != 30)
            .filter_map(|x| if x < 60 { Some(x + 1) } else { None })
            .collect()
            .await;
        assert_eq!(v, vec![21, 41, 51]);

        let v: Vec<i32> = stream::iter(1..10)
            .skip(2)
            .take(5)
            .skip_while(|x| *x < 4)
            .take_while(|x| *x < 7)
            .collect()
            .await;
        assert_eq!(v, vec![4, 5, 6]);

        let mut s = stream::iter(vec![1, 2, 3]);
        assert!(s.all(|x| x > 0).await);
        let mut s = stream::iter(vec![1, 2, 3]);
        assert!(s.any(|x| x == 2).await);
        let sum = stream::iter(vec![1, 2, 3]).fold(0, |a, x| a + x).await;
        assert_eq!(sum, 6);
        let v: Vec<i32> = stream::iter(vec![1])
            .chain(stream::once(2))
            .chain(stream::empty())
            .collect()
            .await;
        assert_eq!(v, vec![1, 2]);
        let mut v: Vec<i32> = stream::iter(vec![1, 3])
            .merge(stream::iter(vec![2, 4]))
            .collect()
            .await;
        v.sort_unstable();
        assert_eq!(v, vec![1, 2, 3, 4]);
        let mut f = stream::iter(vec![1]).fuse();
        assert_eq!(f.next().await, Some(1));
        assert_eq!(f.next().await, None);
        assert_eq!(f.next().await, None);
    });
}

#[test]
fn try_next_and_result_collect() {
    run(async {
        let mut s = stream::iter(vec![Ok::<i32, &str>(1), Err("bad"), Ok(3)]);
        assert_eq!(s.try_next().await, Ok(Some(1)));
        assert_eq!(s.try_next().await, Err("bad"));
        let r: Result<Vec<i32>, &str> = stream::iter(vec![Ok(1), Err("e"), Ok(3)]).collect().await;
        assert_eq!(r, Err("e"));
        let r: Result<Vec<i32>, &str> = stream::iter(vec![Ok(1), Ok(3)]).collect().await;
        assert_eq!(r, Ok(vec![1, 3]));
    });
}

#[test]
fn collect_targets() {
    run(async {
        let s: String = stream::iter(vec!["a", "b"]).collect().await;
        assert_eq!(s, "ab");
        let s: String = stream::iter(vec!["a".to_string(), "c".to_string()])
            .collect()
            .await;
        assert_eq!(s, "ac");
        let b: Box<[u8]> = stream::iter(vec![1u8, 2]).collect().await;
        assert_eq!(&b[..], &[1, 2]);
        let () = stream::iter(vec![(), ()]).collect().await;
        let by: bytes::Bytes = stream::iter(vec![&b"ab"[..], &b"cd"[..]]).collect().await;
        assert_eq!(&by[..], b"abcd");
        let bm: bytes::BytesMut = stream::iter(vec![&b"x"[..]]).collect().await;
        assert_eq!(&bm[..], b"x");
    });
}

#[test]
fn pending_and_timeout() {
    run(async {
        let mut p = stream::pending::<i32>();
        let r = tokio::time::timeout(Duration::from_millis(10), p.next()).await;
        assert!(r.is_err());
        let mut t = stream::pending::<i32>().timeout(Duration::from_millis(5));
        let item = t.next().await.unwrap();
        let e: tokio::time::Elapsed = item.unwrap_err();
        assert_eq!(e.to_string(), "deadline has elapsed");
        let mut t = stream::iter(vec![1]).timeout(Duration::from_millis(100));
        assert_eq!(t.next().await, Some(Ok(1)));
        assert_eq!(t.next().await, None);
    });
}

#[test]
fn const_ctors() {
    const E: stream::Empty<u8> = stream::empty();
    const P: stream::Pending<u8> = stream::pending();
    let _ = (E, P);
    let _o: stream::Once<u8> = stream::once(1);
    let _i: stream::Iter<std::vec::IntoIter<u8>> = stream::iter(vec![1u8]);
}

#[test]
fn stream_map_api() {
    run(async {
        let mut map: StreamMap<&str, stream::Iter<std::vec::IntoIter<i32>>> = StreamMap::new();
        assert!(map.insert("a", stream::iter(vec![1, 2])).is_none());
        assert!(map.insert("b", stream::iter(vec![3])).is_none());
        assert!(map.contains_key("a"));
        assert_eq!(map.len(), 2);
        assert_eq!(map.keys().count(), 2);
        assert_eq!(map.values().count(), 2);
        assert_eq!(map.values_mut().count(), 2);
        let mut got = Vec::new();
        while let Some((k, v)) = map.next().await {
            got.push((k, v));
        }
        got.sort_unstable();
        assert_eq!(got, vec![("a", 1), ("a", 2), ("b", 3)]);
        assert!(map.is_empty());
        let mut m2: StreamMap<u8, stream::Once<u8>> = StreamMap::with_capacity(4);
        assert!(m2.capacity() >= 4);
        m2.insert(1, stream::once(1));
        assert!(m2.remove(&1).is_some());
        m2.insert(2, stream::once(2));
        m2.clear();
        assert!(m2.is_empty());
        let _ = format!("{:?}", m2);
        let _: StreamMap<u8, stream::Once<u8>> = Default::default();
    });
}

#[test]
fn stream_map_with_mpsc_receivers() {
    run(async {
        let (mut tx1, rx1) = tokio::sync::mpsc::channel::<u32>(4);
        let (mut tx2, rx2) = tokio::sync::mpsc::channel::<u32>(4);
        let mut map = StreamMap::new();
        map.insert("one", rx1);
        map.insert("two", rx2);
        tx1.send(1).await.unwrap();
        tx2.send(2).await.unwrap();
        drop((tx1, tx2));
        let mut got: Vec<(&str, u32)> = map.collect().await;
        got.sort_unstable();
        assert_eq!(got, vec![("one", 1), ("two", 2)]);
    });
}

#[test]
fn stream_ext_on_boxed_dyn() {
    run(async {
        let mut s: std::pin::Pin<Box<dyn Stream<Item = u8> + Send>> =
            Box::pin(stream::iter(vec![1u8, 2]));
        assert_eq!(s.next().await, Some(1));
        let rest: Vec<u8> = s.collect().await;
        assert_eq!(rest, vec![2]);
    });
}

#[test]
fn stream_iter_is_coop_budgeted() {
    // A long stream::iter loop must yield so other tasks make progress.
    run(async {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let f2 = flag.clone();
        tokio::spawn(async move {
            f2.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let mut s = stream::iter(0..1000);
        let mut seen_flag = false;
        while let Some(_i) = s.next().await {
            if flag.load(std::sync::atomic::Ordering::SeqCst) {
                seen_flag = true;
                break;
            }
        }
        assert!(
            seen_flag,
            "stream::iter must be cooperatively budgeted in 0.2.25"
        );
    });
}
