//! oneshot behaviour.

mod support;

use futures::executor::block_on;
use std::task::Poll;
use std::thread;
use support::{mock, spawn};
use tokio_sync::oneshot::{self, error::TryRecvError};

#[test]
fn send_then_recv() {
    let (tx, rx) = oneshot::channel();
    assert!(!tx.is_closed());
    tx.send(1).unwrap();
    assert_eq!(block_on(rx), Ok(1));
}

#[test]
fn recv_waits_then_wakes() {
    let (tx, rx) = oneshot::channel();
    let mut t = spawn(rx);
    assert!(t.poll().is_pending());
    tx.send(2).unwrap();
    assert!(t.is_woken());
    assert_eq!(t.poll(), Poll::Ready(Ok(2)));
}

#[test]
fn sender_drop_gives_recv_error() {
    let (tx, rx) = oneshot::channel::<i32>();
    let mut t = spawn(rx);
    assert!(t.poll().is_pending());
    drop(tx);
    assert!(t.is_woken());
    match t.poll() {
        Poll::Ready(Err(e)) => assert_eq!(e.to_string(), "channel closed"),
        other => panic!("expected RecvError, got {:?}", other),
    }
}

#[test]
fn receiver_drop_returns_value_and_closes() {
    let (mut tx, rx) = oneshot::channel();
    let mut t = mock();
    assert!(t.enter(|cx| tx.poll_closed(cx)).is_pending());
    drop(rx);
    assert!(t.is_woken());
    assert!(tx.is_closed());
    assert!(t.enter(|cx| tx.poll_closed(cx)).is_ready());
    assert_eq!(tx.send(5), Err(5));
}

#[test]
fn close_then_try_recv() {
    let (tx, mut rx) = oneshot::channel::<i32>();
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    rx.close();
    assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
    assert_eq!(tx.send(1), Err(1));
}

#[test]
fn value_sent_before_close_is_kept() {
    let (tx, mut rx) = oneshot::channel();
    tx.send(9).unwrap();
    rx.close();
    assert_eq!(rx.try_recv(), Ok(9));
}

#[test]
fn closed_future() {
    let (mut tx, rx) = oneshot::channel::<()>();
    let h = thread::spawn(move || {
        thread::sleep(std::time::Duration::from_millis(20));
        drop(rx);
    });
    block_on(tx.closed());
    h.join().unwrap();
}

#[test]
#[should_panic(expected = "called after complete")]
fn poll_after_complete_panics() {
    let (tx, rx) = oneshot::channel();
    let mut t = spawn(rx);
    tx.send(1).unwrap();
    assert!(t.poll().is_ready());
    let _ = t.poll();
}

#[test]
fn threads_race() {
    for _ in 0..1000 {
        let (tx, rx) = oneshot::channel();
        let h = thread::spawn(move || tx.send(7).unwrap());
        assert_eq!(block_on(rx), Ok(7));
        h.join().unwrap();
    }
}

#[test]
fn error_texts() {
    assert_eq!(TryRecvError::Empty.to_string(), "channel empty");
    assert_eq!(TryRecvError::Closed.to_string(), "channel closed");
    let (tx, rx) = oneshot::channel::<()>();
    drop(tx);
    assert_eq!(block_on(rx).unwrap_err().to_string(), "channel closed");
}

#[test]
#[should_panic(expected = "called after complete")]
fn close_try_recv_then_poll_panics() {
    let (_tx, mut rx) = oneshot::channel::<i32>();
    rx.close();
    assert!(rx.try_recv().is_err());
    let mut t = spawn(rx);
    let _ = t.poll();
}

/// Every drop order of the two halves, racing on two threads, with a value that counts its
/// drops: the value is dropped exactly once (or handed back), and the channel's block is
/// freed exactly once (run under ASan by `ci/asan`: a use after free, a double free or a
/// leak fails there).
#[test]
fn drop_orders_race() {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::sync::Arc;
    use std::task::Context;

    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, SeqCst);
        }
    }

    let drops = Arc::new(AtomicUsize::new(0));
    let rounds = 500;
    for round in 0..rounds {
        let value = Counted(drops.clone());
        let (mut tx, mut rx) = oneshot::channel::<Counted>();
        match round % 5 {
            // The receiver drops while the sender sends.
            0 => {
                let h = thread::spawn(move || drop(tx.send(value)));
                drop(rx);
                h.join().unwrap();
            }
            // The receiver registers a waker, then drops, while the sender sends (the
            // sender wakes through the receiver's cell).
            1 => {
                let h = thread::spawn(move || drop(tx.send(value)));
                let waker = futures::task::noop_waker();
                let first = Pin::new(&mut rx).poll(&mut Context::from_waker(&waker));
                drop(first);
                drop(rx);
                h.join().unwrap();
            }
            // The sender waits in `poll_closed` and drops as the receiver drops.
            2 => {
                drop(value);
                let h = thread::spawn(move || drop(rx));
                block_on(std::future::poll_fn(|cx| tx.poll_closed(cx)));
                drop(tx);
                h.join().unwrap();
            }
            // The receiver closes and tries to receive while the sender sends.
            3 => {
                let h = thread::spawn(move || drop(tx.send(value)));
                rx.close();
                drop(rx.try_recv());
                drop(rx);
                h.join().unwrap();
            }
            // Both drop at once, no value sent.
            _ => {
                drop(value);
                let h = thread::spawn(move || drop(tx));
                drop(rx);
                h.join().unwrap();
            }
        }
        assert_eq!(
            drops.load(SeqCst),
            round + 1,
            "round {round}: value dropped once"
        );
    }
}
