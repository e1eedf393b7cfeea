//! Loom models: arming and cancelling racing a fire, the waker hand-off between a poll and
//! a fire, a reset racing a fire, entry recycling, shutdown racing an arm, and a
//! cross-thread arm racing the driver's decision to park.
//!
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p tokio-timer --lib -- loom_`

use crate::clock::Clock;
use crate::driver::{Armed, Inner};
use crate::loom::sync::atomic::{AtomicUsize, Ordering};
use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::wheel::{Entry, FIRED, PENDING, SHUTDOWN};
use std::task::{Wake, Waker};
use tokio_executor::park::Unpark;

struct CountUnpark(std::sync::Arc<AtomicUsize>);

impl Unpark for CountUnpark {
    fn unpark(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

struct CountWake(AtomicUsize);

impl Wake for CountWake {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn inner() -> (Arc<Inner>, std::sync::Arc<AtomicUsize>) {
    let unparks = std::sync::Arc::new(AtomicUsize::new(0));
    let inner = Inner::new(Clock::new(), Box::new(CountUnpark(unparks.clone())));
    (Arc::new(inner), unparks)
}

#[test]
fn loom_arm_and_cancel_race_a_fire() {
    loom::model(|| {
        let (inner, _) = inner();
        let entry = Arc::new(Entry::new(3));
        let (i2, e2) = (inner.clone(), entry.clone());
        let owner = thread::spawn(move || {
            // `Fired` when the driver already advanced past tick 3.
            let armed = i2.arm(&e2, 3);
            assert_ne!(armed, Armed::Shutdown);
            // What `Delay::drop` does.
            if e2.state() == PENDING {
                i2.cancel_and_recycle(e2);
            }
        });
        let mut buf = Vec::new();
        inner.process(5, &mut buf);
        owner.join().unwrap();
        assert_eq!(inner.armed(), 0);
        assert!(buf.is_empty());
        let state = entry.state();
        assert!(state == PENDING || state == FIRED);
        // Neither the wheel, the scratch buffer nor the pool kept a reference (the model
        // holds one, so the entry is never recycled here).
        assert_eq!(Arc::strong_count(&entry), 1);
    });
}

#[test]
fn loom_fire_never_loses_a_registered_waker() {
    loom::model(|| {
        let (inner, _) = inner();
        let entry = Arc::new(Entry::new(2));
        assert_eq!(inner.arm(&entry, 2), Armed::Pending);
        let wakes = std::sync::Arc::new(CountWake(AtomicUsize::new(0)));
        let waker = Waker::from(wakes.clone());
        let (i2, e2) = (inner.clone(), entry.clone());
        // What `Delay::poll` does on an armed entry: register its waker under the lock, or
        // learn that the entry is out of the wheel.
        let poller = thread::spawn(move || i2.register(&e2, &waker) == Armed::Fired);
        let mut buf = Vec::new();
        inner.process(2, &mut buf);
        let saw_fired = poller.join().unwrap();
        assert_eq!(entry.state(), FIRED);
        let woken = wakes.0.load(Ordering::SeqCst);
        assert!(woken <= 1);
        assert!(saw_fired || woken == 1, "fire lost");
    });
}

#[test]
fn loom_cross_thread_arm_unparks_a_parking_driver() {
    loom::model(|| {
        let (inner, unparks) = inner();
        let far = Arc::new(Entry::new(1_000));
        assert_eq!(inner.arm(&far, 1_000), Armed::Pending);
        let near = Arc::new(Entry::new(5));
        let (i2, n2) = (inner.clone(), near.clone());
        let armer = thread::spawn(move || {
            assert_eq!(i2.arm(&n2, 5), Armed::Pending);
        });
        // The driver chooses its timeout.
        let next = inner.prepare_park().unwrap();
        armer.join().unwrap();
        let unparked = unparks.load(Ordering::SeqCst) > 0;
        assert!(
            next <= 5 || unparked,
            "driver would sleep past the new deadline"
        );
    });
}

fn counting_waker() -> (Waker, std::sync::Arc<CountWake>) {
    let wakes = std::sync::Arc::new(CountWake(AtomicUsize::new(0)));
    (Waker::from(wakes.clone()), wakes)
}

#[test]
fn loom_recycled_entry_is_clean() {
    loom::model(|| {
        let (inner, _) = inner();
        let (waker, wakes) = counting_waker();
        let (first, armed) = inner.arm_new(7, waker);
        assert_eq!(armed, Armed::Pending);
        let i2 = inner.clone();
        // A delay dropped on one thread while the driver fires on another.
        let dropper = thread::spawn(move || {
            if first.state() == PENDING {
                i2.cancel_and_recycle(first);
            }
        });
        let mut buf = Vec::new();
        inner.process(10, &mut buf);
        dropper.join().unwrap();
        assert_eq!(inner.armed(), 0);
        assert!(wakes.0.load(Ordering::SeqCst) <= 1);
        // Whatever came back from the pool is unlinked and re-armable, and carries only the
        // new waker: firing it wakes the second task once and the first not again.
        let before = wakes.0.load(Ordering::SeqCst);
        let (waker2, wakes2) = counting_waker();
        let (second, armed) = inner.arm_new(20, waker2);
        assert_eq!(armed, Armed::Pending);
        assert_eq!(second.state(), PENDING);
        assert_eq!(inner.armed(), 1);
        inner.process(20, &mut buf);
        assert_eq!(second.state(), FIRED);
        assert_eq!(wakes2.0.load(Ordering::SeqCst), 1);
        assert_eq!(wakes.0.load(Ordering::SeqCst), before);
    });
}

#[test]
fn loom_reset_races_a_fire() {
    loom::model(|| {
        let (inner, _) = inner();
        let (waker, wakes) = counting_waker();
        let (entry, armed) = inner.arm_new(3, waker);
        assert_eq!(armed, Armed::Pending);
        let (i2, e2) = (inner.clone(), entry.clone());
        // The owner moves the deadline later while the driver reaches the old one.
        let owner = thread::spawn(move || i2.arm(&e2, 8));
        let mut buf = Vec::new();
        inner.process(5, &mut buf);
        let armed = owner.join().unwrap();
        assert_eq!(armed, Armed::Pending);
        let woken = wakes.0.load(Ordering::SeqCst);
        match entry.state() {
            // The reset came second: re-armed, still in the wheel, the fire woke the task.
            PENDING if inner.armed() == 1 && woken == 1 => {}
            // The reset came first: the waker moved with the entry, nothing fired yet.
            PENDING if inner.armed() == 1 && woken == 0 => {}
            state => panic!("state {state}, armed {}, woken {woken}", inner.armed()),
        }
        // Either way the new deadline fires the entry; the waker it carries (if the first
        // fire did not consume it) wakes once more at most.
        inner.process(8, &mut buf);
        assert_eq!(entry.state(), FIRED);
        assert_eq!(inner.armed(), 0);
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn loom_shutdown_races_an_arm() {
    loom::model(|| {
        let (inner, _) = inner();
        let entry = Arc::new(Entry::new(4));
        let (i2, e2) = (inner.clone(), entry.clone());
        let armer = thread::spawn(move || i2.arm(&e2, 4));
        let mut buf = Vec::new();
        inner.shutdown(&mut buf);
        let armed = armer.join().unwrap();
        assert_eq!(inner.armed(), 0);
        match armed {
            Armed::Pending => assert_eq!(entry.state(), SHUTDOWN),
            Armed::Shutdown => assert_eq!(entry.state(), PENDING),
            Armed::Fired => panic!("not due"),
        }
        assert_eq!(Arc::strong_count(&entry), 1);
    });
}

#[test]
fn loom_cancel_races_a_fire_and_drops_the_waker_once() {
    loom::model(|| {
        let (inner, _) = inner();
        let (waker, wakes) = counting_waker();
        let (entry, armed) = inner.arm_new(2, waker);
        assert_eq!(armed, Armed::Pending);
        let i2 = inner.clone();
        // `Delay::drop` on the owner's thread while the driver fires the entry.
        let owner = thread::spawn(move || {
            if entry.state() == PENDING {
                i2.cancel_and_recycle(entry);
            }
        });
        let mut buf = Vec::new();
        inner.process(2, &mut buf);
        owner.join().unwrap();
        assert_eq!(inner.armed(), 0);
        // Woken at most once (only if the fire won), and every clone of the waker is gone:
        // neither the wheel, the pool nor the driver's buffer kept one.
        assert!(wakes.0.load(Ordering::SeqCst) <= 1);
        assert_eq!(std::sync::Arc::strong_count(&wakes), 1);
    });
}
