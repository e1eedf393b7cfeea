//! Loom models: arming and cancelling racing a fire, the waker hand-off between a poll and
//! a fire, and a cross-thread arm racing the driver's decision to park.
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
        let entry = Arc::new(Entry::new(3, None));
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
        let entry = Arc::new(Entry::new(2, None));
        assert_eq!(inner.arm(&entry, 2), Armed::Pending);
        let wakes = std::sync::Arc::new(CountWake(AtomicUsize::new(0)));
        let waker = Waker::from(wakes.clone());
        let e2 = entry.clone();
        // What `Delay::poll` does on an armed entry: store the waker, then re-read state.
        let poller = thread::spawn(move || {
            e2.register(&waker);
            e2.state() == FIRED
        });
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
        let far = Arc::new(Entry::new(1_000, None));
        assert_eq!(inner.arm(&far, 1_000), Armed::Pending);
        let near = Arc::new(Entry::new(5, None));
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

#[test]
fn loom_recycled_entry_is_clean() {
    loom::model(|| {
        let (inner, _) = inner();
        let (first, armed) = inner.arm_new(7);
        assert_eq!(armed, Armed::Pending);
        let wakes = std::sync::Arc::new(CountWake(AtomicUsize::new(0)));
        first.register(&Waker::from(wakes.clone()));
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
        // Whatever came back from the pool is unlinked, waker-less and re-armable.
        let (second, armed) = inner.arm_new(20);
        assert_eq!(armed, Armed::Pending);
        assert_eq!(second.state(), PENDING);
        assert!(second.take_waker().is_none());
        assert!(wakes.0.load(Ordering::SeqCst) <= 1);
        assert_eq!(inner.armed(), 1);
    });
}

#[test]
fn loom_shutdown_races_an_arm() {
    loom::model(|| {
        let (inner, _) = inner();
        let entry = Arc::new(Entry::new(4, None));
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
