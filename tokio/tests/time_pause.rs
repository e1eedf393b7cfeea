//! The paused clock (`test-util`): advance moves time exactly; an idle runtime jumps to the
//! next timer on both schedulers.
#![cfg(feature = "test-util")]
#![allow(unused_mut)] // 0.2 code: `block_on(&mut self)`; this runtime takes `&self`.

use std::time::Duration;
use tokio::runtime::Builder;
use tokio::time::{self, Instant};

#[tokio::test]
async fn advance_moves_time_exactly() {
    time::pause();
    let start = Instant::now();
    time::advance(Duration::from_millis(10)).await;
    assert_eq!(Instant::now() - start, Duration::from_millis(10));
    time::advance(Duration::from_secs(7_200)).await;
    assert_eq!(
        Instant::now() - start,
        Duration::from_secs(7_200) + Duration::from_millis(10)
    );
}

#[tokio::test]
async fn sleeping_an_hour_finishes_at_once_basic() {
    time::pause();
    let wall = std::time::Instant::now();
    let start = Instant::now();
    time::delay_for(Duration::from_secs(3_600)).await;
    assert_eq!(Instant::now() - start, Duration::from_secs(3_600));
    assert!(wall.elapsed() < Duration::from_secs(5));
}

#[test]
fn sleeping_an_hour_finishes_at_once_threaded() {
    let mut rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        time::pause();
        let wall = std::time::Instant::now();
        let start = Instant::now();
        let h = tokio::spawn(async { time::delay_for(Duration::from_secs(3_600)).await });
        h.await.unwrap();
        assert!(Instant::now() - start >= Duration::from_secs(3_600));
        assert!(wall.elapsed() < Duration::from_secs(5));
    });
}

#[tokio::test]
async fn delay_is_pending_until_advanced_past_it() {
    time::pause();
    let mut d = time::delay_for(Duration::from_millis(100));
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    use std::future::Future;
    assert!(std::pin::Pin::new(&mut d).poll(&mut cx).is_pending());
    time::advance(Duration::from_millis(99)).await;
    assert!(std::pin::Pin::new(&mut d).poll(&mut cx).is_pending());
    time::advance(Duration::from_millis(1)).await;
    assert!(std::pin::Pin::new(&mut d).poll(&mut cx).is_ready());
}

#[tokio::test]
#[should_panic(expected = "time is already frozen")]
async fn pause_twice_panics() {
    time::pause();
    time::pause();
}

#[tokio::test]
#[should_panic(expected = "time is not frozen")]
async fn resume_unpaused_panics() {
    time::resume();
}

#[test]
#[should_panic(expected = "time cannot be frozen from outside the Tokio runtime")]
fn pause_outside_runtime_panics() {
    time::pause();
}
