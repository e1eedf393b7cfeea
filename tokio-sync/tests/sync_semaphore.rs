//! Semaphore behaviour, including cancelled acquires.

mod support;

use futures::executor::block_on;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::thread;
use support::spawn;
use tokio_sync::Semaphore;

#[test]
fn acquire_release_and_counts() {
    let s = Semaphore::new(2);
    let a = s.try_acquire().unwrap();
    let b = block_on(s.acquire());
    assert_eq!(s.available_permits(), 0);
    assert!(s.try_acquire().is_err());
    drop(a);
    assert_eq!(s.available_permits(), 1);
    b.forget();
    assert_eq!(s.available_permits(), 1);
    s.add_permits(3);
    assert_eq!(s.available_permits(), 4);
}

#[test]
fn fair_and_add_permits_wakes_in_order() {
    let s = Semaphore::new(0);
    let mut a = spawn(s.acquire());
    let mut b = spawn(s.acquire());
    assert!(a.poll().is_pending());
    assert!(b.poll().is_pending());
    s.add_permits(1);
    assert!(a.is_woken());
    assert!(!b.is_woken());
    assert!(s.try_acquire().is_err());
    let held = a.poll();
    assert!(held.is_ready());
    assert!(b.poll().is_pending());
    drop(held);
    assert!(b.is_woken());
    assert!(b.poll().is_ready());
}

#[test]
fn cancelled_acquire_never_loses_permits() {
    let s = Semaphore::new(1);
    let p = s.try_acquire().unwrap();
    let mut a = spawn(s.acquire());
    let mut b = spawn(s.acquire());
    assert!(a.poll().is_pending());
    assert!(b.poll().is_pending());
    drop(p); // granted to a
    drop(a); // dropped before seeing it: passes to b
    assert!(b.is_woken());
    assert!(b.poll().is_ready());
    drop(b);
    assert_eq!(s.available_permits(), 1);
}

#[test]
fn never_over_issues_under_contention_with_cancellation() {
    const PERMITS: usize = 3;
    let s = Arc::new(Semaphore::new(PERMITS));
    let inside = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..6)
        .map(|t| {
            let s = s.clone();
            let inside = inside.clone();
            thread::spawn(move || {
                for i in 0..2_000 {
                    if (i + t) % 3 == 0 {
                        // Poll once and cancel.
                        let mut f = spawn(s.acquire());
                        let _ = f.poll();
                        continue;
                    }
                    let _p = block_on(s.acquire());
                    let n = inside.fetch_add(1, SeqCst);
                    assert!(n < PERMITS, "over-issued: {} holders", n + 1);
                    inside.fetch_sub(1, SeqCst);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(s.available_permits(), PERMITS);
}

#[test]
fn owned_permits() {
    let s = Arc::new(Semaphore::new(1));
    let p = s.clone().try_acquire_owned().unwrap();
    assert!(s.clone().try_acquire_owned().is_err());
    drop(p);
    let p = block_on(s.clone().acquire_owned());
    assert_eq!(s.available_permits(), 0);
    drop(p);
    assert_eq!(s.available_permits(), 1);
}

#[test]
#[should_panic(expected = "a semaphore may not have more than MAX_PERMITS permits")]
fn too_many_permits_panics() {
    let _ = Semaphore::new(usize::MAX >> 2);
}

#[test]
fn max_permits_is_ok() {
    let s = Semaphore::new(usize::MAX >> 3);
    assert_eq!(s.available_permits(), usize::MAX >> 3);
}
