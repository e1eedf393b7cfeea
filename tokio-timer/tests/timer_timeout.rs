//! `timeout` / `timeout_at`: elapsed on time, inner value when ready first (also in the same
//! tick), no wheel entry for a ready inner future.

mod support;

use std::future::{pending, ready};
use std::time::Duration;
use support::{ms, poll_once, Rt};
use tokio_timer::{delay_for, timeout, timeout_at, Elapsed, Instant};

#[test]
fn ready_future_wins_and_arms_nothing() {
    let mut rt = Rt::new();
    for i in 0..1_000 {
        assert_eq!(rt.block_on(timeout(ms(10), ready(i))), Ok(i));
    }
    assert_eq!(rt.armed(), 0);
}

#[test]
fn elapsed_on_time() {
    let mut rt = Rt::new();
    let start = std::time::Instant::now();
    let res = rt.block_on(timeout(ms(20), pending::<()>()));
    assert_eq!(res, Err(elapsed()));
    let took = start.elapsed();
    assert!(took >= ms(20) && took < ms(2_000), "{took:?}");
    assert_eq!(rt.armed(), 0);
}

fn elapsed() -> Elapsed {
    let rt = Rt::new();
    let mut t = timeout_at(Instant::now() - ms(1), pending::<()>());
    let res = match poll_once(&mut Box::pin(&mut t)) {
        std::task::Poll::Ready(r) => r.unwrap_err(),
        _ => unreachable!(),
    };
    drop(rt);
    res
}

#[test]
fn inner_value_wins_in_the_same_tick() {
    let mut rt = Rt::new();
    // Both the deadline and the inner future are due when first polled.
    let res = rt.block_on(timeout_at(Instant::now() - ms(5), ready(3)));
    assert_eq!(res, Ok(3));
    // The inner delay and the deadline are equal: the inner future is polled first.
    let deadline = Instant::now() + ms(10);
    let inner = tokio_timer::delay_until(deadline);
    let res = rt.block_on(timeout_at(deadline, inner));
    assert_eq!(res, Ok(()));
}

#[test]
fn inner_completes_before_deadline() {
    let mut rt = Rt::new();
    let res = rt.block_on(timeout(ms(500), async {
        delay_for(ms(10)).await;
        7
    }));
    assert_eq!(res, Ok(7));
    assert_eq!(rt.armed(), 0);
}

#[test]
fn accessors_and_conversions() {
    let _rt = Rt::new();
    let mut t = timeout(ms(1), ready(5u8));
    assert!(format!("{t:?}").contains("Timeout"));
    let _: &std::future::Ready<u8> = t.get_ref();
    let inner_mut: &mut std::future::Ready<u8> = t.get_mut();
    assert_eq!(
        std::mem::size_of_val(inner_mut),
        std::mem::size_of::<Option<u8>>()
    );
    let inner = t.into_inner();
    assert_eq!(futures::executor::block_on(inner), 5);

    let e = elapsed();
    assert_eq!(e.to_string(), "deadline has elapsed");
    let io: std::io::Error = e.into();
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut);
}

#[test]
fn error_kinds() {
    use tokio_timer::Error;
    assert!(Error::shutdown().is_shutdown());
    assert!(Error::at_capacity().is_at_capacity());
    assert!(Error::invalid().is_invalid());
    assert!(!Error::invalid().is_shutdown());
    assert_eq!(
        Error::at_capacity().to_string(),
        "timer is at capacity and cannot create a new entry"
    );
    assert_eq!(
        Error::invalid().to_string(),
        "timer duration exceeds maximum duration"
    );
}

#[test]
fn zero_timeout_around_pending_elapses_at_once() {
    let mut rt = Rt::new();
    let res = rt.block_on(timeout(Duration::ZERO, pending::<()>()));
    assert!(res.is_err());
}
