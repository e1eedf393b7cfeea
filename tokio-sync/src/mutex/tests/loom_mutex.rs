use crate::loom::sync::Arc;
use crate::Mutex;
use loom::thread;
use std::future::Future;
use std::pin::pin;
use std::task::Context;

#[test]
fn loom_mutex_increments() {
    loom::model(|| {
        let m = Arc::new(Mutex::new(0));
        let ths: Vec<_> = (0..2)
            .map(|_| {
                let m = m.clone();
                thread::spawn(move || loom::future::block_on(async { *m.lock().await += 1 }))
            })
            .collect();
        for th in ths {
            th.join().unwrap();
        }
        assert_eq!(*m.try_lock().unwrap(), 2);
    });
}

#[test]
fn loom_mutex_cancelled_lock_does_not_block_others() {
    loom::model(|| {
        let m = Arc::new(Mutex::new(0));
        let m2 = m.clone();
        let th = thread::spawn(move || {
            let waker = futures::task::noop_waker();
            let mut cx = Context::from_waker(&waker);
            let mut fut = pin!(m2.lock());
            let _ = fut.as_mut().poll(&mut cx);
            // dropped here, holding the lock or not
        });
        loom::future::block_on(async { *m.lock().await += 1 });
        th.join().unwrap();
        assert_eq!(*m.try_lock().unwrap(), 1);
    });
}

/// Three parties: the holder unlocks while one waiter cancels (perhaps just after being
/// handed the lock) and another waits: the lock reaches the second waiter, and is free
/// at the end.
#[test]
fn loom_mutex_handoff_to_cancelled_waiter_passes_on() {
    loom::model(|| {
        let m = Arc::new(Mutex::new(0));
        let guard = m.try_lock().unwrap();
        let m2 = m.clone();
        let cancelled = thread::spawn(move || {
            let waker = futures::task::noop_waker();
            let mut cx = Context::from_waker(&waker);
            let mut fut = pin!(m2.lock());
            if let std::task::Poll::Ready(mut g) = fut.as_mut().poll(&mut cx) {
                *g += 10;
            }
        });
        let m3 = m.clone();
        let waiter = thread::spawn(move || loom::future::block_on(async { *m3.lock().await += 1 }));
        drop(guard);
        cancelled.join().unwrap();
        waiter.join().unwrap();
        let v = *m.try_lock().expect("the lock is free at the end");
        assert!(v == 1 || v == 11, "v = {v}");
    });
}
