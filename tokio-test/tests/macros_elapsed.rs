//! `assert_elapsed!` with durations and instants.

use std::time::{Duration, Instant};
use tokio_test::assert_elapsed;

#[test]
fn duration_within_default_tolerance() {
    assert_elapsed!(Duration::from_millis(100), Duration::from_millis(100));
    assert_elapsed!(Duration::from_micros(100_900), Duration::from_millis(100));
}

#[test]
fn instant_with_explicit_tolerance() {
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(10));
    assert_elapsed!(start, Duration::from_millis(10), Duration::from_secs(10));
    assert_elapsed!(
        &start,
        Duration::from_millis(10),
        Duration::from_secs(10),
        "ctx {}",
        1
    );
}

#[test]
#[should_panic(expected = "elapsed 99ms is not within [100ms, 101ms]")]
fn too_short_panics() {
    assert_elapsed!(Duration::from_millis(99), Duration::from_millis(100));
}

#[test]
#[should_panic(expected = "elapsed 150ms is not within [100ms, 110ms]; slow path")]
fn too_long_panics_with_message() {
    assert_elapsed!(
        Duration::from_millis(150),
        Duration::from_millis(100),
        Duration::from_millis(10),
        "slow {}",
        "path"
    );
}
