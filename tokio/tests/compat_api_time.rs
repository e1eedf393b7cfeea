//! tokio 0.2.25 compatibility audit of `tokio::time` (API-0.2.md §8): signatures, trait
//! impls, error texts and the paused-clock functions.
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
use std::hash::Hash;

use tokio::time::{
    self, delay_queue, Delay, DelayQueue, Duration, Elapsed, Error, Instant, Interval, Throttle,
    Timeout,
};

fn is_debug<T: Debug>() {}
fn is_unpin<T: Unpin>() {}
fn is_send_sync<T: Send + Sync>() {}

#[tokio::test]
async fn delay_api() {
    let _: fn(Duration) -> Delay = time::delay_for;
    let _: fn(Instant) -> Delay = time::delay_until;
    is_debug::<Delay>();
    is_unpin::<Delay>();
    is_send_sync::<Delay>();
    fn fut<F: Future<Output = ()>>() {}
    fut::<Delay>();
    let mut d = time::delay_for(Duration::from_millis(5));
    let dl: Instant = d.deadline();
    assert!(!d.is_elapsed());
    (&mut d).await;
    assert!(d.is_elapsed());
    d.reset(Instant::now() + Duration::from_millis(1));
    assert!(d.deadline() > dl);
    (&mut d).await;
    time::delay_until(Instant::now()).await;
}

#[tokio::test]
async fn timeout_api() {
    let _: fn(Duration, Delay) -> Timeout<Delay> = time::timeout::<Delay>;
    let _: fn(Instant, Delay) -> Timeout<Delay> = time::timeout_at::<Delay>;
    is_debug::<Timeout<Delay>>();
    let mut t = time::timeout(Duration::from_millis(1), std::future::pending::<u8>());
    let _: &std::future::Pending<u8> = t.get_ref();
    let _: &mut std::future::Pending<u8> = t.get_mut();
    let r: Result<u8, Elapsed> = (&mut Box::pin(t)).await;
    let e = r.unwrap_err();
    assert_eq!(e.to_string(), "deadline has elapsed");
    assert_eq!(e, e);
    let io: std::io::Error = e.into();
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut);
    fn err<T: std::error::Error>() {}
    err::<Elapsed>();
    let t = time::timeout_at(Instant::now(), async { 5 });
    assert_eq!(
        t.await,
        Ok(5),
        "a ready inner value wins over an expired deadline"
    );
    let t = time::timeout(Duration::from_secs(1), async { 1 });
    let _inner = t.into_inner();
}

#[tokio::test]
async fn interval_api() {
    let _: fn(Duration) -> Interval = time::interval;
    let _: fn(Instant, Duration) -> Interval = time::interval_at;
    is_debug::<Interval>();
    let mut i = time::interval(Duration::from_millis(1));
    let t0: Instant = i.tick().await;
    let t1 = i.tick().await;
    assert!(t1 > t0);
    let _ = futures::future::poll_fn(|cx| {
        let _: std::task::Poll<Instant> = i.poll_tick(cx);
        std::task::Poll::Ready(())
    })
    .await;
    let p = std::panic::catch_unwind(|| time::interval(Duration::from_millis(0))).unwrap_err();
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap();
    assert!(msg.contains("`period` must be non-zero."), "{msg}");
}

#[test]
fn instant_api() {
    fn traits<T: Clone + Copy + Eq + PartialEq + PartialOrd + Ord + Hash + Debug>() {}
    traits::<Instant>();
    let now = Instant::now();
    let s: std::time::Instant = now.into_std();
    let back = Instant::from_std(s);
    assert_eq!(back, now);
    let _: Instant = s.into();
    let _: std::time::Instant = now.into();
    let later = now + Duration::from_millis(5);
    let _: Duration = later.duration_since(now);
    assert_eq!(now.checked_duration_since(later), None);
    assert_eq!(
        now.saturating_duration_since(later),
        Duration::from_millis(0)
    );
    let _: Duration = now.elapsed();
    assert_eq!(now.checked_add(Duration::from_millis(5)), Some(later));
    assert_eq!(later.checked_sub(Duration::from_millis(5)), Some(now));
    let mut m = now;
    m += Duration::from_millis(1);
    m -= Duration::from_millis(1);
    assert_eq!(m, now);
    let d: Duration = later - now;
    assert_eq!(d, Duration::from_millis(5));
    let _: Instant = later - Duration::from_millis(5);
}

#[test]
fn error_api() {
    is_debug::<Error>();
    fn err<T: std::error::Error>() {}
    err::<Error>();
    let e = Error::shutdown();
    assert!(e.is_shutdown());
    assert_eq!(
        e.to_string(),
        "the timer is shutdown, must be called from the context of Tokio runtime"
    );
    let e = Error::at_capacity();
    assert!(e.is_at_capacity());
    assert_eq!(
        e.to_string(),
        "timer is at capacity and cannot create a new entry"
    );
    let e = Error::invalid();
    assert!(e.is_invalid());
    assert_eq!(e.to_string(), "timer duration exceeds maximum duration");
}

#[tokio::test]
async fn delay_queue_api() {
    use tokio::stream::StreamExt;
    is_debug::<DelayQueue<u8>>();
    is_unpin::<DelayQueue<std::marker::PhantomPinned>>();
    let _: DelayQueue<u8> = Default::default();
    let mut q: DelayQueue<u8> = DelayQueue::with_capacity(4);
    assert!(q.capacity() >= 4);
    assert!(q.is_empty());
    let k: delay_queue::Key = q.insert(1, Duration::from_millis(1));
    is_debug::<delay_queue::Key>();
    let k2 = k.clone();
    let k3 = q.insert_at(2, Instant::now() + Duration::from_secs(60));
    assert_eq!(q.len(), 2);
    q.reset(&k3, Duration::from_millis(2));
    q.reset_at(&k3, Instant::now() + Duration::from_millis(2));
    q.reserve(10);
    let mut got = Vec::new();
    while let Some(e) = q.next().await {
        let mut e: delay_queue::Expired<u8> = e.unwrap();
        is_debug::<delay_queue::Expired<u8>>();
        let _: &u8 = e.get_ref();
        let _: &mut u8 = e.get_mut();
        let _: Instant = e.deadline();
        got.push(e.into_inner());
    }
    got.sort_unstable();
    assert_eq!(got, [1, 2]);
    let k = q.insert(3, Duration::from_secs(60));
    let ex: delay_queue::Expired<u8> = q.remove(&k);
    assert_eq!(ex.into_inner(), 3);
    q.insert(4, Duration::from_secs(60));
    q.clear();
    assert!(q.is_empty());
    let p = futures::future::poll_fn(|cx| std::task::Poll::Ready(q.poll_expired(cx))).await;
    assert!(matches!(p, std::task::Poll::Ready(None)));
    let _ = k2;
    let _: Option<time::DelayQueue<u8>> = None;
}

#[tokio::test]
async fn throttle_api() {
    use tokio::stream::StreamExt;
    let mut t: Throttle<tokio::stream::Iter<std::vec::IntoIter<u8>>> =
        time::throttle(Duration::from_millis(1), tokio::stream::iter(vec![1, 2]));
    is_debug::<Throttle<tokio::stream::Iter<std::vec::IntoIter<u8>>>>();
    let _: &tokio::stream::Iter<std::vec::IntoIter<u8>> = t.get_ref();
    let _ = t.get_mut();
    assert_eq!(t.next().await, Some(1));
    assert_eq!(t.next().await, Some(2));
    assert_eq!(t.next().await, None);
    let _ = t.into_inner();
}

#[tokio::test]
async fn pause_advance_resume() {
    let _: fn() = time::pause;
    let _: fn() = time::resume;
    time::pause();
    let start = Instant::now();
    let f = time::advance(Duration::from_secs(5));
    f.await;
    assert!(Instant::now() - start >= Duration::from_secs(5));
    // A long sleep auto-advances on a paused clock.
    time::delay_for(Duration::from_secs(3600)).await;
    time::resume();
}
