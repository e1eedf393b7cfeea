//! `Instant`: every method and operator of tokio 0.2's `time::Instant`.

use std::time::Duration;
use tokio_timer::Instant;

#[test]
fn methods_and_ops() {
    let std_now = std::time::Instant::now();
    let a = Instant::from_std(std_now);
    assert_eq!(a.into_std(), std_now);
    assert_eq!(Instant::from(std_now), a);
    assert_eq!(std::time::Instant::from(a), std_now);

    let d = Duration::from_millis(250);
    let b = a + d;
    assert_eq!(b - a, d);
    assert_eq!(b - d, a);
    assert_eq!(b.duration_since(a), d);
    assert_eq!(b.checked_duration_since(a), Some(d));
    assert_eq!(a.checked_duration_since(b), None);
    assert_eq!(a.saturating_duration_since(b), Duration::ZERO);
    assert_eq!(a.checked_add(d), Some(b));
    assert_eq!(b.checked_sub(d), Some(a));
    assert!(a.checked_add(Duration::MAX).is_none());

    let mut c = a;
    c += d;
    assert_eq!(c, b);
    c -= d;
    assert_eq!(c, a);
    assert!(a < b);
    assert!(b >= a);
    assert_eq!(a.max(b), b);

    let mut set = std::collections::HashSet::new();
    set.insert(a);
    assert!(set.contains(&a));
    assert!(!format!("{a:?}").is_empty());
}

#[test]
fn now_and_elapsed_outside_a_runtime_use_std() {
    let a = Instant::now();
    std::thread::sleep(Duration::from_millis(2));
    assert!(a.elapsed() >= Duration::from_millis(2));
    assert!(Instant::now() > a);
}
