//! `throttle`: items at least `duration` apart, the first at once; accessors.

mod support;

use futures::{Stream, StreamExt};
use support::{ms, Rt};
use tokio_timer::throttle;

#[test]
fn items_are_spaced_by_the_duration() {
    let mut rt = Rt::new();
    let start = std::time::Instant::now();
    let mut s = throttle(ms(15), futures::stream::iter(0..4));
    let mut stamps = Vec::new();
    while let Some(i) = rt.block_on(s.next()) {
        stamps.push((i, start.elapsed()));
    }
    assert_eq!(
        stamps.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![0, 1, 2, 3]
    );
    assert!(stamps[0].1 < ms(15), "first item waited: {:?}", stamps[0].1);
    for w in stamps.windows(2) {
        assert!(w[1].1 - w[0].1 >= ms(15), "{:?}", w);
    }
}

#[test]
fn zero_duration_passes_items_through() {
    let mut rt = Rt::new();
    let s = throttle(ms(0), futures::stream::iter(0..100));
    let all: Vec<i32> = rt.block_on(s.collect());
    assert_eq!(all.len(), 100);
    assert_eq!(rt.armed(), 0);
}

#[test]
fn accessors() {
    let _rt = Rt::new();
    let mut s = throttle(ms(1), futures::stream::iter(vec![1, 2]));
    assert_eq!(Stream::size_hint(s.get_ref()), (2, Some(2)));
    assert_eq!(Stream::size_hint(s.get_mut()), (2, Some(2)));
    let inner = s.into_inner();
    assert_eq!(
        futures::executor::block_on(inner.collect::<Vec<_>>()),
        vec![1, 2]
    );
    assert!(format!("{:?}", throttle(ms(1), futures::stream::iter(vec![1]))).contains("Throttle"));
}
