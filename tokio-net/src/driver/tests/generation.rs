//! Tokens carry a generation: an event for a freed-and-reused slot is dropped.

use crate::driver::{Reactor, Ready, Registration};
use tokio_executor::park::Park;

fn udp() -> mio::net::UdpSocket {
    mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap()
}

#[test]
fn stale_event_for_a_reused_slot_is_dropped() {
    let reactor = Reactor::new().unwrap();
    let handle = reactor.handle();
    let _g = crate::driver::set_default(&handle);
    let mut a = udp();
    let reg_a = Registration::new(&mut a).unwrap();
    let stale = reg_a.token();
    drop(reg_a);
    let mut b = udp();
    let reg_b = Registration::new(&mut b).unwrap();
    let fresh = reg_b.token();
    // Same slot, different generation.
    assert_eq!(stale.0 & 0xFF_FFFF, fresh.0 & 0xFF_FFFF);
    assert_ne!(stale, fresh);
    // Consume the registration-time readiness so the check below starts from empty.
    let _ = reg_b.take_read_ready();
    assert!(!handle.inner.inject(stale, Ready::readable(), 7));
    assert_eq!(reg_b.take_read_ready().unwrap(), None);
    assert!(handle.inner.inject(fresh, Ready::readable(), 8));
    assert_eq!(reg_b.take_read_ready().unwrap(), Some(Ready::readable()));
}

#[test]
fn park_timeout_zero_does_not_block() {
    let mut reactor = Reactor::new().unwrap();
    let start = std::time::Instant::now();
    reactor.park_timeout(std::time::Duration::ZERO).unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(1));
}

#[test]
fn unpark_before_park_returns_at_once() {
    use tokio_executor::park::Unpark;
    let mut reactor = Reactor::new().unwrap();
    reactor.unpark().unpark();
    let start = std::time::Instant::now();
    reactor
        .park_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}
