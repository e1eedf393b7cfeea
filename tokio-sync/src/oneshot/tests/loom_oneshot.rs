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
