//! The batch semaphore with concurrent and cancelled acquires.
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::semaphore::batch::Semaphore;
use loom::thread;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll};

fn noop_cx<R>(f: impl FnOnce(&mut Context<'_>) -> R) -> R {
    let waker = futures_noop_waker();
    let mut cx = Context::from_waker(&waker);
    f(&mut cx)
}

fn futures_noop_waker() -> std::task::Waker {
    futures::task::noop_waker()
}

#[test]
fn loom_semaphore_never_over_issues() {
    loom::model(|| {
        let sem = Arc::new(Semaphore::new(1));
        let inside = Arc::new(AtomicUsize::new(0));
        let ths: Vec<_> = (0..2)
            .map(|_| {
                let sem = sem.clone();
                let inside = inside.clone();
                thread::spawn(move || {
                    loom::future::block_on(sem.acquire(1)).unwrap();
                    assert_eq!(inside.fetch_add(1, SeqCst), 0);
                    inside.fetch_sub(1, SeqCst);
                    sem.release(1);
                })
            })
            .collect();
        for th in ths {
            th.join().unwrap();
        }
        assert_eq!(sem.available_permits(), 1);
    });
}

#[test]
fn loom_semaphore_cancelled_acquire_returns_permits() {
    loom::model(|| {
        let sem = Arc::new(Semaphore::new(1));
        sem.try_acquire(1).unwrap();
        let s2 = sem.clone();
        let th = thread::spawn(move || {
            // Poll once, maybe get queued, then cancel.
            let mut acq = pin!(s2.acquire(1));
            let got = noop_cx(|cx| acq.as_mut().poll(cx));
            if let Poll::Ready(Ok(())) = got {
                s2.release(1);
            }
        });
        sem.release(1);
        th.join().unwrap();
        assert_eq!(sem.available_permits(), 1);
    });
}

#[test]
fn loom_semaphore_batch_partial_grant_cancelled() {
    loom::model(|| {
        let sem = Arc::new(Semaphore::new(2));
        sem.try_acquire(2).unwrap();
        let s2 = sem.clone();
        let th = thread::spawn(move || {
            let mut acq = pin!(s2.acquire(2));
            if let Poll::Ready(Ok(())) = noop_cx(|cx| acq.as_mut().poll(cx)) {
                s2.release(2);
            }
        });
        sem.release(1);
        sem.release(1);
        th.join().unwrap();
        assert_eq!(sem.available_permits(), 2);
    });
}

#[test]
fn loom_semaphore_close_wakes_waiter() {
    loom::model(|| {
        let sem = Arc::new(Semaphore::new(0));
        let s2 = sem.clone();
        let th = thread::spawn(move || loom::future::block_on(s2.acquire(1)));
        sem.close();
        assert!(th.join().unwrap().is_err());
    });
}

#[test]
fn loom_semaphore_release_races_two_waiters_one_cancelled() {
    loom::model(|| {
        let sem = Arc::new(Semaphore::new(1));
        sem.try_acquire(1).unwrap();
        let s2 = sem.clone();
        let cancelled = thread::spawn(move || {
            let mut acq = pin!(s2.acquire(1));
            if let Poll::Ready(Ok(())) = noop_cx(|cx| acq.as_mut().poll(cx)) {
                s2.release(1);
            }
        });
        let s3 = sem.clone();
        let waiter = thread::spawn(move || {
            loom::future::block_on(s3.acquire(1)).unwrap();
            s3.release(1);
        });
        sem.release(1);
        cancelled.join().unwrap();
        waiter.join().unwrap();
        assert_eq!(sem.available_permits(), 1);
    });
}
