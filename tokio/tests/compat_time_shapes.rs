//! tokio 0.2.25 compatibility: the paused-clock shapes of 0.2.25's time_*.rs tests
//! (`time::pause()`, `advance(..).await` then `is_woken()`, DelayQueue under `task::spawn`).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::task::Poll;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{self, delay_for, delay_until, timeout, timeout_at, DelayQueue, Instant};
use tokio_test::{
    assert_pending, assert_ready, assert_ready_eq, assert_ready_err, assert_ready_ok, task,
};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

macro_rules! assert_elapsed {
    ($now:expr, $ms:expr) => {{
        let elapsed = $now.elapsed();
        let lower = ms($ms);
        // Handles ms rounding
        assert!(
            elapsed >= lower && elapsed <= lower + ms(1),
            "actual = {:?}, expected = {:?}",
            elapsed,
            lower
        );
    }};
}

#[tokio::test]
async fn immediate_delay() {
    time::pause();
    let now = Instant::now();
    // Ready!
    delay_until(now).await;
    assert_elapsed!(now, 0);
}

#[tokio::test]
async fn delayed_delay_level_0() {
    time::pause();
    for &i in &[1, 10, 60] {
        let now = Instant::now();
        delay_until(now + ms(i)).await;
        assert_elapsed!(now, i);
    }
}

#[tokio::test]
async fn sub_ms_delayed_delay() {
    time::pause();
    for _ in 0..5 {
        let now = Instant::now();
        let deadline = now + ms(1) + Duration::new(0, 1);
        delay_until(deadline).await;
        assert_elapsed!(now, 1);
    }
}

#[tokio::test]
async fn delayed_delay_wrapping_level_0() {
    time::pause();
    delay_for(ms(5)).await;
    let now = Instant::now();
    delay_until(now + ms(60)).await;
    assert_elapsed!(now, 60);
}

#[tokio::test]
async fn reset_future_delay_before_fire() {
    time::pause();
    let now = Instant::now();
    let mut delay = task::spawn(delay_until(now + ms(100)));
    assert_pending!(delay.poll());
    let mut delay = delay.into_inner();
    delay.reset(Instant::now() + ms(200));
    delay.await;
    assert_elapsed!(now, 200);
}

#[tokio::test]
async fn reset_past_delay_before_turn() {
    time::pause();
    let now = Instant::now();
    let mut delay = task::spawn(delay_until(now + ms(100)));
    assert_pending!(delay.poll());
    let mut delay = delay.into_inner();
    delay.reset(now + ms(80));
    delay.await;
    assert_elapsed!(now, 80);
}

#[tokio::test]
async fn reset_future_delay_after_fire() {
    time::pause();
    let now = Instant::now();
    let mut delay = delay_until(now + ms(100));
    (&mut delay).await;
    assert_elapsed!(now, 100);
    delay.reset(now + ms(110));
    delay.await;
    assert_elapsed!(now, 110);
}

#[tokio::test]
async fn reset_delay_to_past_is_ready_at_once() {
    time::pause();
    let now = Instant::now();
    let mut delay = task::spawn(delay_until(now + ms(100)));
    assert_pending!(delay.poll());
    time::advance(ms(50)).await;
    let mut delay = delay.into_inner();
    delay.reset(now + ms(40));
    let mut delay = task::spawn(delay);
    // 0.2.25: resetting to a deadline already in the past marks the entry elapsed at once
    assert_ready!(delay.poll());
}

#[test]
fn creating_delay_outside_of_context() {
    let now = Instant::now();
    // This creates a delay outside of the context of a mock timer. This tests
    // that it will panic.
    let fut = std::panic::catch_unwind(|| delay_until(now + ms(500)));
    assert!(fut.is_err());
}

#[tokio::test]
async fn simultaneous_deadline_future_completion() {
    // Create a future that is immediately ready
    let mut fut = task::spawn(timeout_at(Instant::now(), async {}));
    // Ready!
    assert_ready_ok!(fut.poll());
}

#[tokio::test]
async fn completed_future_past_deadline() {
    // Wrap it with a deadline
    let mut fut = task::spawn(timeout_at(Instant::now() - ms(1000), async {}));
    // Ready!
    assert_ready_ok!(fut.poll());
}

#[tokio::test]
async fn future_and_deadline_in_future() {
    time::pause();
    // Not yet complete
    let (tx, rx) = oneshot::channel();
    // Wrap it with a deadline
    let mut fut = task::spawn(timeout_at(Instant::now() + ms(100), rx));
    assert_pending!(fut.poll());
    // Turn the timer, it runs for the elapsed time
    time::advance(ms(90)).await;
    assert_pending!(fut.poll());
    // Complete the future
    tx.send(()).unwrap();
    assert!(fut.is_woken());
    assert_ready_ok!(fut.poll()).unwrap();
}

#[tokio::test]
async fn future_and_timeout_in_future() {
    time::pause();
    let (tx, rx) = oneshot::channel();
    let mut fut = task::spawn(timeout(ms(100), rx));
    assert_pending!(fut.poll());
    time::advance(ms(90)).await;
    assert_pending!(fut.poll());
    tx.send(()).unwrap();
    assert!(fut.is_woken());
    assert_ready_ok!(fut.poll()).unwrap();
}

#[tokio::test]
async fn very_large_timeout() {
    time::pause();
    let (tx, rx) = oneshot::channel();
    // copy-paste unstable `Duration::MAX`
    let duration_max = Duration::from_secs(u64::MAX) + Duration::from_nanos(999_999_999);
    let mut fut = task::spawn(timeout(duration_max, rx));
    assert_pending!(fut.poll());
    time::advance(Duration::from_secs(86400 * 365 * 10)).await;
    assert_pending!(fut.poll());
    tx.send(()).unwrap();
    assert_ready_ok!(fut.poll()).unwrap();
}

#[tokio::test]
async fn deadline_now_elapses() {
    use futures::future::pending;
    time::pause();
    let mut fut = task::spawn(timeout_at(Instant::now(), pending::<()>()));
    // Factor in jitter
    time::advance(ms(1)).await;
    assert_ready_err!(fut.poll());
}

#[tokio::test]
async fn deadline_future_elapses() {
    use futures::future::pending;
    time::pause();
    let mut fut = task::spawn(timeout_at(Instant::now() + ms(300), pending::<()>()));
    assert_pending!(fut.poll());
    time::advance(ms(301)).await;
    assert!(fut.is_woken());
    assert_ready_err!(fut.poll());
}

#[tokio::test]
async fn deadline_future_elapses_without_wake_check() {
    use futures::future::pending;
    time::pause();
    let mut fut = task::spawn(timeout_at(Instant::now() + ms(300), pending::<()>()));
    assert_pending!(fut.poll());
    time::advance(ms(301)).await;
    assert_ready_err!(fut.poll());
}

fn poll_next(interval: &mut task::Spawn<time::Interval>) -> Poll<Instant> {
    interval.enter(|cx, mut interval| interval.poll_tick(cx))
}

#[tokio::test]
#[should_panic]
async fn interval_zero_duration() {
    let _ = time::interval_at(Instant::now(), ms(0));
}

#[tokio::test]
async fn interval_usage() {
    time::pause();
    let start = Instant::now();
    // TODO: Skip this
    time::advance(ms(1)).await;
    let mut i = task::spawn(time::interval_at(start, ms(300)));
    assert_ready_eq!(poll_next(&mut i), start);
    assert_pending!(poll_next(&mut i));
    time::advance(ms(100)).await;
    assert_pending!(poll_next(&mut i));
    time::advance(ms(200)).await;
    assert_ready_eq!(poll_next(&mut i), start + ms(300));
    assert_pending!(poll_next(&mut i));
    time::advance(ms(400)).await;
    assert_ready_eq!(poll_next(&mut i), start + ms(600));
    assert_pending!(poll_next(&mut i));
    time::advance(ms(500)).await;
    assert_ready_eq!(poll_next(&mut i), start + ms(900));
    assert_ready_eq!(poll_next(&mut i), start + ms(1200));
    assert_pending!(poll_next(&mut i));
}

#[tokio::test]
async fn interval_usage_stream() {
    use tokio::stream::StreamExt;
    let start = Instant::now();
    let mut interval = time::interval(ms(10)).take(3);
    while interval.next().await.is_some() {}
    assert!(start.elapsed() > ms(20));
}

macro_rules! poll {
    ($queue:ident) => {
        $queue.enter(|cx, mut queue| queue.poll_expired(cx))
    };
}

macro_rules! assert_ready_ok_q {
    ($e:expr) => {{
        match assert_ready!($e) {
            Some(Ok(v)) => v,
            Some(Err(e)) => panic!("error = {:?}", e),
            None => panic!("queue is empty"),
        }
    }};
}

#[tokio::test]
async fn dq_single_immediate_delay() {
    time::pause();
    let mut queue = task::spawn(DelayQueue::new());
    let _key = queue.insert_at("foo", Instant::now());
    // Advance time by 1ms to handle thee rounding
    delay_for(ms(1)).await;
    assert_ready_ok_q!(poll!(queue));
    let entry = assert_ready!(poll!(queue));
    assert!(entry.is_none())
}

#[tokio::test]
async fn dq_multi_immediate_delays() {
    time::pause();
    let mut queue = task::spawn(DelayQueue::new());
    let _k = queue.insert_at("1", Instant::now());
    let _k = queue.insert_at("2", Instant::now());
    let _k = queue.insert_at("3", Instant::now());
    delay_for(ms(1)).await;
    let mut res = vec![];
    while res.len() < 3 {
        let entry = assert_ready_ok_q!(poll!(queue));
        res.push(entry.into_inner());
    }
    let entry = assert_ready!(poll!(queue));
    assert!(entry.is_none());
    res.sort_unstable();
    assert_eq!("1", res[0]);
    assert_eq!("2", res[1]);
    assert_eq!("3", res[2]);
}

#[tokio::test]
async fn dq_single_short_delay() {
    time::pause();
    let mut queue = task::spawn(DelayQueue::new());
    let _key = queue.insert_at("foo", Instant::now() + ms(5));
    assert_pending!(poll!(queue));
    delay_for(ms(1)).await;
    assert!(!queue.is_woken());
    delay_for(ms(5)).await;
    assert!(queue.is_woken());
    let entry = assert_ready_ok_q!(poll!(queue));
    assert_eq!(*entry.get_ref(), "foo");
    let entry = assert_ready!(poll!(queue));
    assert!(entry.is_none());
}

#[tokio::test]
async fn dq_reset_entry() {
    time::pause();
    let now = Instant::now();
    let mut queue = task::spawn(DelayQueue::new());
    let key = queue.insert_at("foo", now + ms(5));
    assert_pending!(poll!(queue));
    delay_for(ms(1)).await;
    queue.reset_at(&key, now + ms(10));
    assert_pending!(poll!(queue));
    delay_for(ms(7)).await;
    assert!(!queue.is_woken());
    assert_pending!(poll!(queue));
    delay_for(ms(3)).await;
    assert!(queue.is_woken());
    let entry = assert_ready_ok_q!(poll!(queue));
    assert_eq!(*entry.get_ref(), "foo");
    let entry = assert_ready!(poll!(queue));
    assert!(entry.is_none())
}

#[tokio::test]
async fn dq_remove_entry() {
    time::pause();
    let mut queue = task::spawn(DelayQueue::new());
    let key = queue.insert_at("foo", Instant::now() + ms(5));
    assert_pending!(poll!(queue));
    let entry = queue.remove(&key);
    assert_eq!(entry.into_inner(), "foo");
    delay_for(ms(10)).await;
    let entry = assert_ready!(poll!(queue));
    assert!(entry.is_none());
}

#[tokio::test]
async fn dq_multi_delay_at_start() {
    time::pause();
    let long = 262_144 + 9 * 4096;
    let delays = &[1000, 2, 234, long, 60, 10];
    let mut queue = task::spawn(DelayQueue::new());
    // Setup the delays
    for &i in delays {
        let _key = queue.insert_at(i, Instant::now() + ms(i));
    }
    assert_pending!(poll!(queue));
    assert!(!queue.is_woken());
    let start = Instant::now();
    for elapsed in 0..1200 {
        delay_for(ms(1)).await;
        let elapsed = elapsed + 1;
        if delays.contains(&elapsed) {
            assert!(queue.is_woken(), "elapsed={}", elapsed);
            assert_ready!(poll!(queue));
            assert_pending!(poll!(queue));
        } else if queue.is_woken() {
            let cascade = &[192, 960];
            assert!(
                cascade.contains(&elapsed),
                "elapsed={} dt={:?}",
                elapsed,
                Instant::now() - start
            );
            assert_pending!(poll!(queue));
        }
    }
}

#[tokio::test]
async fn throttle_paused() {
    use tokio::stream::StreamExt;
    time::pause();
    let mut stream = task::spawn(time::throttle(ms(1), futures::stream::repeat(()).take(3)));
    assert_ready_eq!(stream.poll_next(), Some(()));
    assert_pending!(stream.poll_next());
    time::advance(ms(1)).await;
    assert_ready_eq!(stream.poll_next(), Some(()));
}

#[test]
fn timer_with_threaded_runtime() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    rt.spawn(async move {
        let when = Instant::now() + Duration::from_millis(100);
        delay_until(when).await;
        assert!(Instant::now() >= when);
        tx.send(()).unwrap();
    });
    rx.recv_timeout(Duration::from_secs(5)).unwrap();
}

#[test]
fn starving() {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::Context;
    struct Starve<T: Future<Output = ()> + Unpin>(T, u64);
    impl<T: Future<Output = ()> + Unpin> Future for Starve<T> {
        type Output = u64;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
            if Pin::new(&mut self.0).poll(cx).is_ready() {
                return Poll::Ready(self.1);
            }
            self.1 += 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let when = Instant::now() + Duration::from_millis(20);
        let starve = Starve(delay_until(when), 0);
        starve.await;
        assert!(Instant::now() >= when);
    });
}
