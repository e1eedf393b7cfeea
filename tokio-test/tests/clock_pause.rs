//! The clock helpers drive tokio's paused clock.

use std::time::Duration;
use tokio::time::{delay_for, Instant};
use tokio_test::{assert_elapsed, assert_pending, assert_ready, clock, task};

#[test]
fn advance_moves_the_clock_and_fires_timers() {
    tokio_test::block_on(async {
        clock::pause();
        let start = Instant::now();
        let mut delay = task::spawn(delay_for(Duration::from_secs(10)));
        assert_pending!(delay.poll());
        clock::advance(Duration::from_secs(9)).await;
        assert_pending!(delay.poll());
        clock::advance(Duration::from_secs(1)).await;
        assert_ready!(delay.poll());
        assert_elapsed!(start, Duration::from_secs(10));
        clock::resume();
    });
}

#[test]
fn sleeping_on_a_paused_clock_takes_no_real_time() {
    tokio_test::block_on(async {
        clock::pause();
        let real = std::time::Instant::now();
        let start = Instant::now();
        delay_for(Duration::from_secs(3600)).await;
        assert_elapsed!(start, Duration::from_secs(3600));
        assert!(real.elapsed() < Duration::from_secs(60));
    });
}

#[test]
#[should_panic(expected = "time cannot be frozen from outside the Tokio runtime")]
fn pause_outside_a_runtime_panics() {
    clock::pause();
}

#[test]
#[should_panic(expected = "time is not frozen")]
fn resume_without_pause_panics() {
    tokio_test::block_on(async { clock::resume() });
}
