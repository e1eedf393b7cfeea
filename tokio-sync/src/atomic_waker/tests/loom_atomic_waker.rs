use crate::atomic_waker::AtomicWaker;
use crate::loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use std::future::poll_fn;
use std::task::Poll;

struct Chan {
    flag: AtomicBool,
    waker: AtomicWaker,
}

#[test]
fn loom_atomic_waker_wake_not_lost() {
    loom::model(|| {
        let chan = Arc::new(Chan {
            flag: AtomicBool::new(false),
            waker: AtomicWaker::new(),
        });
        let c2 = chan.clone();
        let th = thread::spawn(move || {
            c2.flag.store(true, SeqCst);
            c2.waker.wake();
        });
        loom::future::block_on(poll_fn(|cx| {
            chan.waker.register_by_ref(cx.waker());
            if chan.flag.load(SeqCst) {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        th.join().unwrap();
    });
}

#[test]
fn loom_atomic_waker_two_wakers() {
    loom::model(|| {
        let chan = Arc::new(Chan {
            flag: AtomicBool::new(false),
            waker: AtomicWaker::new(),
        });
        let ths: Vec<_> = (0..2)
            .map(|i| {
                let c = chan.clone();
                thread::spawn(move || {
                    if i == 1 {
                        c.flag.store(true, SeqCst);
                    }
                    c.waker.wake();
                })
            })
            .collect();
        loom::future::block_on(poll_fn(|cx| {
            chan.waker.register_by_ref(cx.waker());
            if chan.flag.load(SeqCst) {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        for th in ths {
            th.join().unwrap();
        }
    });
}

/// The producer publishes with Release (as the channels do, not SeqCst) and wakes twice;
/// the consumer re-registers after the first wake took its waker, so the second wake may
/// find the slot empty (the fast path) while the consumer registers again: the consumer
/// must still see the final value or be woken.
#[test]
fn loom_atomic_waker_rewake_after_take() {
    use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
    loom::model(|| {
        let count = Arc::new(AtomicUsize::new(0));
        let waker = Arc::new(AtomicWaker::new());
        let (c2, w2) = (count.clone(), waker.clone());
        let th = thread::spawn(move || {
            for i in 1..=2 {
                c2.store(i, Release);
                w2.wake();
            }
        });
        loom::future::block_on(poll_fn(|cx| {
            waker.register_by_ref(cx.waker());
            if count.load(Acquire) == 2 {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        th.join().unwrap();
    });
}

/// A wake with nothing registered leaves the slot usable: a later registration is woken
/// by a later wake, and the registered waker is not dropped early or leaked.
#[test]
fn loom_atomic_waker_empty_wake_then_register() {
    use crate::loom::sync::atomic::{AtomicBool, Ordering::*};
    loom::model(|| {
        let ready = Arc::new(AtomicBool::new(false));
        let waker = Arc::new(AtomicWaker::new());
        // Nobody registered yet: the fast path.
        waker.wake();
        let (r2, w2) = (ready.clone(), waker.clone());
        let th = thread::spawn(move || {
            w2.wake();
            r2.store(true, Release);
            w2.wake();
        });
        loom::future::block_on(poll_fn(|cx| {
            waker.register_by_ref(cx.waker());
            if ready.load(Acquire) {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        th.join().unwrap();
    });
}
