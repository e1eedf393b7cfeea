//! The `test-util` clock: pause, advance, resume, and the driver's jump to the next timer.
#![cfg(feature = "test-util")]

mod support;

use std::time::Duration;
use support::{ms, poll_once, Rt};
use tokio_timer::{advance, delay_for, interval, pause, resume, timeout, Instant};

#[test]
fn paused_time_moves_only_when_advanced() {
    let mut rt = Rt::new();
    pause();
    let start = Instant::now();
    std::thread::sleep(ms(5));
    assert_eq!(Instant::now(), start);
    rt.block_on(advance(ms(10)));
    assert_eq!(Instant::now() - start, ms(10));
    rt.block_on(advance(Duration::from_secs(3_600)));
    assert_eq!(Instant::now() - start, ms(10) + Duration::from_secs(3_600));
}

#[test]
fn advance_makes_delays_ready_exactly_at_their_deadline() {
    let mut rt = Rt::new();
    pause();
    let mut delay = delay_for(ms(100));
    assert!(poll_once(&mut delay).is_pending());
    rt.block_on(advance(ms(99)));
    assert!(poll_once(&mut delay).is_pending());
    rt.block_on(advance(ms(1)));
    assert!(poll_once(&mut delay).is_ready());
}

#[test]
fn sleeping_an_hour_finishes_at_once() {
    let mut rt = Rt::new();
    pause();
    let wall = std::time::Instant::now();
    let start = Instant::now();
    rt.block_on(delay_for(Duration::from_secs(3_600)));
    assert!(Instant::now() - start >= Duration::from_secs(3_600));
    assert!(Instant::now() - start < Duration::from_secs(3_601));
    assert!(wall.elapsed() < Duration::from_secs(2));
    // Each jump polled the inner driver without blocking.
    assert!(rt
        .shared
        .calls
        .lock()
        .unwrap()
        .iter()
        .all(|c| *c == Some(Duration::ZERO)));
}

#[test]
fn auto_advance_fires_in_deadline_order() {
    let mut rt = Rt::new();
    pause();
    let start = Instant::now();
    let res = rt.block_on(timeout(ms(500), delay_for(ms(200))));
    assert!(res.is_ok());
    assert_eq!(Instant::now() - start, ms(200));
    let res = rt.block_on(timeout(ms(500), delay_for(ms(2_000))));
    assert!(res.is_err());
    assert_eq!(Instant::now() - start, ms(700));
}

#[test]
fn interval_on_a_paused_clock() {
    let mut rt = Rt::new();
    pause();
    let start = Instant::now();
    let mut iv = interval(Duration::from_secs(60));
    for k in 0..5 {
        assert_eq!(rt.block_on(iv.tick()), start + Duration::from_secs(60 * k));
    }
    assert_eq!(Instant::now() - start, Duration::from_secs(240));
}

#[test]
fn resume_lets_time_run_again() {
    let mut rt = Rt::new();
    pause();
    let frozen = Instant::now();
    rt.block_on(advance(ms(50)));
    resume();
    std::thread::sleep(ms(5));
    let now = Instant::now();
    assert!(now - frozen >= ms(55));
}

#[test]
fn instant_now_outside_the_runtime_is_std() {
    let rt = Rt::new();
    pause();
    let inside = Instant::now();
    let handle = rt.timer.handle();
    std::thread::spawn(move || {
        std::thread::sleep(ms(5));
        assert!(Instant::now() > inside);
        drop(handle);
    })
    .join()
    .unwrap();
}

#[test]
#[should_panic(expected = "time is already frozen")]
fn pause_twice_panics() {
    let _rt = Rt::new();
    pause();
    pause();
}

#[test]
#[should_panic(expected = "time is not frozen")]
fn resume_unpaused_panics() {
    let _rt = Rt::new();
    resume();
}

#[test]
#[should_panic(expected = "time is not frozen")]
fn advance_unpaused_panics() {
    let mut rt = Rt::new();
    rt.block_on(advance(ms(1)));
}

#[test]
#[should_panic(expected = "time cannot be frozen from outside the Tokio runtime")]
fn pause_outside_runtime_panics() {
    pause();
}

#[test]
fn far_delay_first_polled_after_advance_is_ready() {
    // While the clock is frozen the first poll always checks it, even for a delay created
    // far ahead of its deadline.
    let mut rt = Rt::new();
    pause();
    let mut delay = delay_for(Duration::from_secs(3_600));
    rt.block_on(advance(Duration::from_secs(3_600)));
    assert!(poll_once(&mut delay).is_ready());
    assert_eq!(rt.armed(), 0);
}
