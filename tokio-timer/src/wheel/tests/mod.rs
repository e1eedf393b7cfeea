//! Unit tests of the wheel alone: no clock, no threads, no allocation tricks, so they also
//! run under miri (`cargo +nightly miri test -p tokio-timer --lib wheel`).

use super::{Entry, Wheel, MAX_SPAN};
use crate::loom::sync::Arc;

fn entry(when: u64) -> Arc<Entry> {
    Arc::new(Entry::new(when))
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const SCALE: usize = if cfg!(miri) { 40 } else { 2_000 };

/// Fires everything up to `now`, asserting nothing fires early, and returns the fired.
fn poll(wheel: &mut Wheel, now: u64) -> Vec<Arc<Entry>> {
    let mut linked = Vec::new();
    wheel.poll(now, &mut linked);
    let fired: Vec<Arc<Entry>> = linked.into_iter().map(|l| l.entry).collect();
    for e in &fired {
        assert!(
            e.when() <= now,
            "fired early: when {} now {}",
            e.when(),
            now
        );
        assert!(e.pos().is_none());
    }
    fired
}

#[test]
fn empty_wheel_has_no_expiration() {
    let mut wheel = Wheel::new();
    assert_eq!(wheel.next_expiration(), None);
    assert!(poll(&mut wheel, 1_000).is_empty());
    assert_eq!(wheel.elapsed(), 1_000);
}

#[test]
fn due_entry_is_refused() {
    let mut wheel = Wheel::new();
    poll(&mut wheel, 10);
    assert!(!wheel.insert(&entry(10)));
    assert!(!wheel.insert(&entry(3)));
    assert!(wheel.insert(&entry(11)));
    assert_eq!(wheel.len(), 1);
}

#[test]
fn fires_exactly_at_deadline() {
    for when in [
        1,
        2,
        63,
        64,
        65,
        4095,
        4096,
        4097,
        262_143,
        262_144,
        1 << 30,
    ] {
        let mut wheel = Wheel::new();
        let e = entry(when);
        assert!(wheel.insert(&e));
        assert!(poll(&mut wheel, when - 1).is_empty(), "when {when}");
        let fired = poll(&mut wheel, when);
        assert_eq!(fired.len(), 1, "when {when}");
        assert_eq!(wheel.len(), 0);
    }
}

#[test]
fn random_deadlines_fire_in_time_and_never_early() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut wheel = Wheel::new();
    let mut live: Vec<Arc<Entry>> = Vec::new();
    let mut now = 0;
    for _ in 0..SCALE {
        let span = [70, 5_000, 300_000, 20_000_000][(rng.next() % 4) as usize];
        let e = entry(now + 1 + rng.next() % span);
        assert!(wheel.insert(&e));
        live.push(e);
        now += rng.next() % 50;
        for fired in poll(&mut wheel, now) {
            let i = live.iter().position(|e| Arc::ptr_eq(e, &fired)).unwrap();
            live.swap_remove(i);
        }
        // Everything due has fired.
        assert!(live.iter().all(|e| e.when() > now));
        assert_eq!(wheel.len(), live.len());
    }
    // Drain by jumping to each next expiration.
    while let Some(exp) = wheel.next_expiration() {
        assert!(exp.deadline > now);
        now = exp.deadline;
        for fired in poll(&mut wheel, now) {
            let i = live.iter().position(|e| Arc::ptr_eq(e, &fired)).unwrap();
            live.swap_remove(i);
        }
        assert!(live.iter().all(|e| e.when() > now));
    }
    assert!(live.is_empty());
}

#[test]
fn expirations_never_pass_an_armed_deadline() {
    let mut rng = Rng(12345);
    let mut wheel = Wheel::new();
    let mut min = u64::MAX;
    for _ in 0..SCALE {
        let when = 1 + rng.next() % (1 << 34);
        min = min.min(when);
        wheel.insert(&entry(when));
    }
    let exp = wheel.next_expiration().unwrap();
    assert!(exp.deadline <= min);
}

#[test]
fn cancel_from_the_middle_of_a_slot() {
    let mut wheel = Wheel::new();
    let entries: Vec<_> = (0..10).map(|_| entry(100)).collect();
    for e in &entries {
        assert!(wheel.insert(e));
    }
    wheel.remove(&entries[3]);
    wheel.remove(&entries[0]);
    wheel.remove(&entries[9]);
    wheel.remove(&entries[9]); // not armed any more: no-op
    assert_eq!(wheel.len(), 7);
    let fired = poll(&mut wheel, 100);
    assert_eq!(fired.len(), 7);
    for i in [0, 3, 9] {
        assert!(!fired.iter().any(|e| Arc::ptr_eq(e, &entries[i])));
    }
}

#[test]
fn cancelled_entries_are_released() {
    let mut wheel = Wheel::new();
    let entries: Vec<_> = (0..SCALE as u64).map(|i| entry(1 + i * 7)).collect();
    for e in &entries {
        assert!(wheel.insert(e));
        assert_eq!(Arc::strong_count(e), 2);
    }
    for e in &entries {
        wheel.remove(e);
    }
    assert_eq!(wheel.len(), 0);
    assert!(entries.iter().all(|e| Arc::strong_count(e) == 1));
    assert_eq!(wheel.next_expiration(), None);
}

#[test]
fn reinsert_moves_an_entry() {
    let mut wheel = Wheel::new();
    let e = entry(5_000);
    assert!(wheel.insert(&e));
    wheel.remove(&e);
    e.set_when(20);
    assert!(wheel.insert(&e));
    assert_eq!(poll(&mut wheel, 20).len(), 1);
    assert_eq!(wheel.len(), 0);
}

#[test]
fn beyond_span_saturates_and_never_fires_early() {
    for start in [0, (1 << 36) - 10, 5 << 30] {
        let mut wheel = Wheel::new();
        poll(&mut wheel, start);
        let when = start + MAX_SPAN * 3 + 17;
        let e = entry(when);
        assert!(wheel.insert(&e));
        let mut now = start;
        let mut visits = 0;
        while let Some(exp) = wheel.next_expiration() {
            assert!(exp.deadline > now, "wheel went backwards");
            now = exp.deadline;
            let fired = poll(&mut wheel, now);
            visits += 1;
            if !fired.is_empty() {
                break;
            }
            assert!(visits < 100, "too many visits");
        }
        assert_eq!(now, when, "start {start}");
        assert_eq!(wheel.len(), 0);
    }
}

#[test]
fn crossing_the_top_rotation_boundary() {
    let mut wheel = Wheel::new();
    let start = (1 << 36) - 10;
    poll(&mut wheel, start);
    let near = entry(start + 15);
    let far = entry(start + MAX_SPAN);
    assert!(wheel.insert(&near));
    assert!(wheel.insert(&far));
    let exp = wheel.next_expiration().unwrap();
    assert!(exp.deadline <= start + 15);
    let mut fired_at = Vec::new();
    while let Some(exp) = wheel.next_expiration() {
        let now = exp.deadline;
        for e in poll(&mut wheel, now) {
            fired_at.push((e.when(), now));
        }
    }
    assert_eq!(
        fired_at,
        vec![
            (start + 15, start + 15),
            (start + MAX_SPAN, start + MAX_SPAN)
        ]
    );
}

#[test]
fn big_jump_fires_everything_due() {
    let mut wheel = Wheel::new();
    let entries: Vec<_> = (1..=SCALE as u64).map(|i| entry(i * 1_000)).collect();
    for e in &entries {
        wheel.insert(e);
    }
    let fired = poll(&mut wheel, SCALE as u64 * 500);
    assert_eq!(fired.len(), SCALE / 2);
    assert_eq!(wheel.len(), SCALE - SCALE / 2);
}

#[test]
fn wakers_travel_with_their_entries() {
    use super::Linked;
    let waker = futures::task::noop_waker();
    let mut wheel = Wheel::new();
    let e = entry(70);
    let linked = Linked {
        entry: e.clone(),
        waker: Some(waker.clone()),
    };
    assert!(wheel.link(linked).is_ok());
    // Replaced in place, kept across a re-link, handed out by remove and by firing.
    assert!(wheel
        .waker_mut(&e)
        .unwrap()
        .replace(waker.clone())
        .is_some());
    let linked = wheel.remove(&e).unwrap();
    assert!(linked.waker.is_some());
    assert!(wheel.waker_mut(&e).is_none());
    assert!(wheel.remove(&e).is_none());
    e.set_when(80);
    assert!(wheel.link(linked).is_ok());
    let mut fired = Vec::new();
    wheel.poll(80, &mut fired);
    assert_eq!(fired.len(), 1);
    assert!(fired[0].waker.is_some());
    assert!(Arc::ptr_eq(&fired[0].entry, &e));
    // An already-due pair is handed back untouched.
    let back = wheel.link(Linked {
        entry: entry(80),
        waker: Some(waker),
    });
    assert!(back.is_err_and(|linked| linked.waker.is_some()));
}
