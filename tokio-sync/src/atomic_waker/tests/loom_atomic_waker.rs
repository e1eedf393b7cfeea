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
