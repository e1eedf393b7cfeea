//! `tokio::time::timeout`: elapsed on time, inner value first, and `Elapsed` conversions.

use std::time::Duration;
use tokio::time::{self, timeout, timeout_at, Elapsed, Instant};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[tokio::test]
async fn ready_value_wins() {
    for i in 0..1_000 {
        assert_eq!(timeout(ms(1), async move { i }).await, Ok(i));
    }
}

#[tokio::test]
async fn elapses_on_time() {
    let start = Instant::now();
    let res = timeout(ms(20), std::future::pending::<()>()).await;
    let err: Elapsed = res.unwrap_err();
    assert!(Instant::now() - start >= ms(20));
    assert_eq!(err.to_string(), "deadline has elapsed");
    let io: std::io::Error = err.into();
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut);
}

#[tokio::test]
async fn inner_first_in_the_same_tick() {
    let deadline = Instant::now() + ms(10);
    let res = timeout_at(deadline, time::delay_until(deadline)).await;
    assert_eq!(res, Ok(()));
    let res = timeout_at(Instant::now() - ms(1), async { 5 }).await;
    assert_eq!(res, Ok(5));
}

#[tokio::test(threaded_scheduler)]
async fn inner_completes_before_deadline_threaded() {
    let res = timeout(ms(1_000), async {
        time::delay_for(ms(5)).await;
        "done"
    })
    .await;
    assert_eq!(res, Ok("done"));
}

#[test]
#[should_panic(expected = "there is no timer running")]
fn timeout_outside_runtime_panics() {
    drop(timeout(ms(1), async {}));
}
