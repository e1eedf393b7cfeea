use crate::oneshot;
use loom::thread;
use std::future::poll_fn;
use std::task::Poll;

#[test]
fn loom_oneshot_send_recv() {
    loom::model(|| {
        let (tx, rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || {
            tx.send(1).unwrap();
        });
        assert_eq!(loom::future::block_on(rx), Ok(1));
        th.join().unwrap();
    });
}

#[test]
fn loom_oneshot_sender_drop() {
    loom::model(|| {
        let (tx, rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || drop(tx));
        assert!(loom::future::block_on(rx).is_err());
        th.join().unwrap();
    });
}

#[test]
fn loom_oneshot_close_vs_send() {
    loom::model(|| {
        let (tx, mut rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || tx.send(3));
        rx.close();
        let recv = rx.try_recv();
        let sent = th.join().unwrap();
        match sent {
            // Sent before the close: the value is readable.
            Ok(()) => assert_eq!(recv.or_else(|_| rx.try_recv()), Ok(3)),
            // Lost the race: the value came back, nothing to read.
            Err(v) => {
                assert_eq!(v, 3);
                assert!(recv.is_err());
            }
        }
    });
}

#[test]
fn loom_oneshot_poll_closed_vs_rx_drop() {
    loom::model(|| {
        let (mut tx, rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || drop(rx));
        loom::future::block_on(poll_fn(|cx| tx.poll_closed(cx)));
        assert!(tx.is_closed());
        th.join().unwrap();
    });
}

#[test]
fn loom_oneshot_changing_rx_task() {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::Context;
    loom::model(|| {
        let (tx, mut rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || tx.send(1).unwrap());
        // First poll with a waker that is then abandoned...
        let waker = futures::task::noop_waker();
        let first = Pin::new(&mut rx).poll(&mut Context::from_waker(&waker));
        // ...then wait with another one: the send must wake the new waker.
        match first {
            Poll::Ready(v) => assert_eq!(v, Ok(1)),
            Poll::Pending => assert_eq!(loom::future::block_on(rx), Ok(1)),
        }
        th.join().unwrap();
    });
}

// The models below race the two sides' last steps. The block's free is checked by the loom
// build of `raw.rs`: freed exactly once (a second free panics), never leaked (a
// `loom::alloc::Track`), and never before the other side's last access (every access and
// the free touch loom cells, so loom reports an unordered pair as a race). The value is a
// `loom::sync::Arc` so that it is dropped exactly once or handed back.

use loom::sync::Arc;

/// The receiver waits (its waker registered) and then drops instead of receiving, while
/// the sender sends: the sender reads `rx_task` to wake, so the receiver must not free
/// the block before the sender has given up its reference.
#[test]
fn loom_oneshot_rx_drop_after_register_vs_send() {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::Context;
    loom::model(|| {
        let v = Arc::new(7usize);
        let (tx, mut rx) = oneshot::channel::<Arc<usize>>();
        let v2 = v.clone();
        let th = thread::spawn(move || tx.send(v2).map_err(drop).is_ok());
        let waker = futures::task::noop_waker();
        let first = Pin::new(&mut rx).poll(&mut Context::from_waker(&waker));
        let received = matches!(first, Poll::Ready(Ok(_)));
        drop(first);
        drop(rx);
        let sent = th.join().unwrap();
        assert!(sent || !received);
        assert_eq!(
            Arc::strong_count(&v),
            1,
            "the value is dropped exactly once"
        );
    });
}

/// Both sides drop at once, one of them after sending.
#[test]
fn loom_oneshot_rx_drop_vs_send() {
    loom::model(|| {
        let v = Arc::new(1usize);
        let (tx, rx) = oneshot::channel::<Arc<usize>>();
        let v2 = v.clone();
        let th = thread::spawn(move || {
            if let Err(back) = tx.send(v2) {
                assert_eq!(*back, 1);
            }
        });
        drop(rx);
        th.join().unwrap();
        assert_eq!(
            Arc::strong_count(&v),
            1,
            "the value is dropped exactly once"
        );
    });
}

/// Both sides drop without sending or receiving.
#[test]
fn loom_oneshot_rx_drop_vs_tx_drop() {
    loom::model(|| {
        let (tx, rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || drop(tx));
        drop(rx);
        th.join().unwrap();
    });
}

/// The sender waits in `poll_closed` and drops as soon as it resolves, while the receiver
/// drops: the receiver reads `tx_task` to wake the sender, so the sender must not free
/// the block before the receiver has given up its reference.
#[test]
fn loom_oneshot_poll_closed_then_tx_drop_vs_rx_drop() {
    loom::model(|| {
        let (mut tx, rx) = oneshot::channel::<usize>();
        let th = thread::spawn(move || drop(rx));
        loom::future::block_on(poll_fn(|cx| tx.poll_closed(cx)));
        drop(tx);
        th.join().unwrap();
    });
}

/// The receiver closes, tries to receive, then drops, racing a send.
#[test]
fn loom_oneshot_close_try_recv_drop_vs_send() {
    loom::model(|| {
        let v = Arc::new(2usize);
        let (tx, mut rx) = oneshot::channel::<Arc<usize>>();
        let v2 = v.clone();
        let th = thread::spawn(move || tx.send(v2).is_ok());
        rx.close();
        let got = rx.try_recv().is_ok();
        drop(rx);
        let sent = th.join().unwrap();
        assert!(sent || !got, "a value handed back was also received");
        assert_eq!(
            Arc::strong_count(&v),
            1,
            "the value is dropped exactly once"
        );
    });
}

/// The receiver completes through `try_recv` (or drops) while the sender finishes.
#[test]
fn loom_oneshot_try_recv_vs_send() {
    loom::model(|| {
        let v = Arc::new(3usize);
        let (tx, mut rx) = oneshot::channel::<Arc<usize>>();
        let v2 = v.clone();
        let th = thread::spawn(move || tx.send(v2).is_ok());
        let got = match rx.try_recv() {
            Ok(got) => {
                assert_eq!(*got, 3);
                assert_eq!(
                    rx.try_recv().unwrap_err(),
                    oneshot::error::TryRecvError::Closed
                );
                true
            }
            Err(e) => {
                assert_eq!(e, oneshot::error::TryRecvError::Empty);
                false
            }
        };
        drop(rx);
        let sent = th.join().unwrap();
        assert!(sent || !got);
        assert_eq!(
            Arc::strong_count(&v),
            1,
            "the value is dropped exactly once"
        );
    });
}
