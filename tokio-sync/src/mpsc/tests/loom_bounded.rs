//! Bounded channel, capacity 1, two senders; close while a sender waits.
use crate::mpsc;
use loom::thread;

#[test]
fn loom_bounded_two_senders_capacity_one() {
    loom::model(|| {
        let (mut tx, mut rx) = mpsc::channel::<u8>(1);
        let mut tx2 = tx.clone();
        // The first sender fills the only slot; the second must wait for the receiver.
        tx.try_send(0).unwrap();
        drop(tx);
        let th = thread::spawn(move || {
            loom::future::block_on(tx2.send(1)).unwrap();
        });
        let mut got = Vec::new();
        loom::future::block_on(async {
            while let Some(v) = rx.recv().await {
                got.push(v);
            }
        });
        got.sort();
        assert_eq!(got, vec![0, 1]);
        th.join().unwrap();
    });
}

#[test]
fn loom_bounded_close_while_waiting() {
    loom::model(|| {
        let (mut tx, mut rx) = mpsc::channel::<u8>(1);
        tx.try_send(0).unwrap();
        let th = thread::spawn(move || loom::future::block_on(tx.send(1)).is_ok());
        rx.close();
        let mut got = 0;
        loom::future::block_on(async {
            while let Some(_v) = rx.recv().await {
                got += 1;
            }
        });
        let sent = th.join().unwrap();
        assert_eq!(got, 1 + sent as usize);
    });
}

#[test]
fn loom_bounded_poll_ready_disarm_vs_recv() {
    use std::future::poll_fn;
    loom::model(|| {
        let (mut tx, mut rx) = mpsc::channel::<u8>(1);
        tx.try_send(0).unwrap();
        let mut tx2 = tx.clone();
        let th = thread::spawn(move || {
            // Reserve (waiting for the receiver), then give the slot back unused.
            loom::future::block_on(poll_fn(|cx| tx2.poll_ready(cx))).unwrap();
            assert!(tx2.disarm());
        });
        assert_eq!(loom::future::block_on(rx.recv()), Some(0));
        th.join().unwrap();
        // The disarmed slot is free again.
        tx.try_send(1).unwrap();
        assert_eq!(rx.try_recv(), Ok(1));
    });
}
