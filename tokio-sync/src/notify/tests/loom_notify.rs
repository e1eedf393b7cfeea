use crate::loom::sync::Arc;
use crate::Notify;
use loom::thread;

#[test]
fn loom_notify_one() {
    loom::model(|| {
        let n = Arc::new(Notify::new());
        let n2 = n.clone();
        let th = thread::spawn(move || n2.notify());
        loom::future::block_on(n.notified());
        th.join().unwrap();
    });
}

#[test]
fn loom_notify_ping_pong() {
    loom::model(|| {
        let ping = Arc::new(Notify::new());
        let pong = Arc::new(Notify::new());
        let (ping2, pong2) = (ping.clone(), pong.clone());
        let th = thread::spawn(move || {
            loom::future::block_on(ping2.notified());
            pong2.notify();
        });
        ping.notify();
        loom::future::block_on(pong.notified());
        th.join().unwrap();
    });
}

#[test]
fn loom_notify_waiters_generation() {
    loom::model(|| {
        use crate::loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
        let n = Arc::new(Notify::new());
        let flag = Arc::new(AtomicBool::new(false));
        let (n2, f2) = (n.clone(), flag.clone());
        let th = thread::spawn(move || {
            f2.store(true, SeqCst);
            n2.notify_waiters();
        });
        loom::future::block_on(async {
            loop {
                let notified = n.notified_now();
                if flag.load(SeqCst) {
                    break;
                }
                notified.await;
            }
        });
        th.join().unwrap();
    });
}

#[test]
fn loom_notify_cancelled_waiter_forwards() {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll};
    loom::model(|| {
        let n = Arc::new(Notify::new());
        let n2 = n.clone();
        let n3 = n.clone();
        let canceller = thread::spawn(move || {
            let waker = futures::task::noop_waker();
            let mut cx = Context::from_waker(&waker);
            let mut fut = pin!(n2.notified());
            if let Poll::Ready(()) = fut.as_mut().poll(&mut cx) {
                // It took the notification: pass it on, as a real consumer would.
                n2.notify();
            }
            // Dropped here: a notification handed to it must not be lost.
        });
        let notifier = thread::spawn(move || n3.notify());
        loom::future::block_on(n.notified());
        canceller.join().unwrap();
        notifier.join().unwrap();
    });
}
