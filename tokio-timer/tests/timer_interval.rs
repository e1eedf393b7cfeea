//! `interval`: first tick at once, period spacing, missed ticks caught up back-to-back.

mod support;

use futures::StreamExt;
use support::{ms, poll_once, Rt};
use tokio_timer::{interval, interval_at, Instant};

#[test]
fn first_tick_is_immediate_then_periodic() {
    let mut rt = Rt::new();
    let start = std::time::Instant::now();
    let mut iv = interval(ms(15));
    let t0 = rt.block_on(iv.tick());
    assert!(start.elapsed() < ms(10));
    let t1 = rt.block_on(iv.tick());
    let t2 = rt.block_on(iv.tick());
    assert_eq!(t1 - t0, ms(15));
    assert_eq!(t2 - t1, ms(15));
    assert!(start.elapsed() >= ms(30));
}

#[test]
fn missed_ticks_catch_up_back_to_back() {
    let mut rt = Rt::new();
    let start = Instant::now();
    let mut iv = interval_at(start, ms(30));
    assert_eq!(rt.block_on(iv.tick()), start);
    std::thread::sleep(ms(100));
    // Ticks at 30, 60, 90 are all due: each is ready on the first poll.
    for k in 1..=3 {
        let mut tick = Box::pin(iv.tick());
        match poll_once(&mut tick) {
            std::task::Poll::Ready(t) => assert_eq!(t, start + ms(30 * k)),
            std::task::Poll::Pending => panic!("tick {k} not caught up"),
        }
    }
    // The next one (120) is in the future again, unless this thread was held up past it
    // (a loaded machine): either way it is never early.
    let mut tick = Box::pin(iv.tick());
    match poll_once(&mut tick) {
        std::task::Poll::Ready(t) => {
            assert_eq!(t, start + ms(120));
            assert!(Instant::now() >= t);
        }
        std::task::Poll::Pending => {
            drop(tick);
            assert_eq!(rt.block_on(iv.tick()), start + ms(120));
            assert!(Instant::now() >= start + ms(120));
        }
    }
}

#[test]
fn interval_is_a_stream() {
    let mut rt = Rt::new();
    let iv = interval(ms(2));
    let ticks: Vec<Instant> = rt.block_on(iv.take(3).collect());
    assert_eq!(ticks.len(), 3);
    assert_eq!(ticks[2] - ticks[0], ms(4));
}

#[test]
#[should_panic(expected = "`period` must be non-zero.")]
fn zero_period_panics() {
    let _rt = Rt::new();
    let _ = interval(ms(0));
}

#[test]
#[should_panic(expected = "`period` must be non-zero.")]
fn zero_period_panics_at() {
    let _rt = Rt::new();
    let _ = interval_at(Instant::now(), ms(0));
}
