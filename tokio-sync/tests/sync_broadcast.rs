//! broadcast behaviour.

mod support;

use futures::executor::block_on;
use std::thread;
use support::spawn;
use tokio_sync::broadcast::{self, RecvError, TryRecvError};

#[test]
fn every_receiver_gets_every_value() {
    let (tx, mut rx1) = broadcast::channel(4);
    let mut rx2 = tx.subscribe();
    assert_eq!(tx.receiver_count(), 2);
    assert_eq!(tx.send(1).unwrap(), 2);
    assert_eq!(tx.send(2).unwrap(), 2);
    for rx in [&mut rx1, &mut rx2] {
        assert_eq!(rx.try_recv(), Ok(1));
        assert_eq!(rx.try_recv(), Ok(2));
        assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    }
}

#[test]
fn subscribe_sees_only_later_values() {
    let (tx, _rx) = broadcast::channel(4);
    tx.send(1).unwrap();
    let mut rx = tx.subscribe();
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    tx.send(2).unwrap();
    assert_eq!(rx.try_recv(), Ok(2));
}

#[test]
fn lagged_then_resume_at_oldest() {
    let (tx, mut rx) = broadcast::channel(3); // rounds up to 4
    for i in 0..10 {
        tx.send(i).unwrap();
    }
    assert_eq!(rx.try_recv(), Err(TryRecvError::Lagged(6)));
    for i in 6..10 {
        assert_eq!(rx.try_recv(), Ok(i));
    }
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    tx.send(10).unwrap();
    assert_eq!(block_on(rx.recv()), Ok(10));
    for i in 11..20 {
        tx.send(i).unwrap();
    }
    assert_eq!(block_on(rx.recv()), Err(RecvError::Lagged(5)));
    assert_eq!(block_on(rx.recv()), Ok(16));
}

#[test]
fn closed_after_drain() {
    let (tx, mut rx) = broadcast::channel(2);
    tx.send(1).unwrap();
    let tx2 = tx.clone();
    drop(tx);
    assert_eq!(rx.try_recv(), Ok(1));
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    drop(tx2);
    assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
    assert_eq!(block_on(rx.recv()), Err(RecvError::Closed));
}

#[test]
fn send_without_receivers_fails() {
    let (tx, rx) = broadcast::channel(2);
    drop(rx);
    assert_eq!(tx.receiver_count(), 0);
    let err = tx.send(5).unwrap_err();
    assert_eq!(err.0, 5);
    assert!(format!("{:?}", err).contains('5'));
}

#[test]
fn recv_wakes_on_send() {
    let (tx, mut rx) = broadcast::channel(2);
    let mut t = spawn(rx.recv());
    assert!(t.poll().is_pending());
    tx.send("x").unwrap();
    assert!(t.is_woken());
    assert_eq!(t.poll(), std::task::Poll::Ready(Ok("x")));
}

#[test]
#[should_panic(expected = "capacity is empty")]
fn zero_capacity_panics() {
    let _ = broadcast::channel::<()>(0);
}

#[test]
#[should_panic(expected = "requested capacity too large")]
fn huge_capacity_panics() {
    let _ = broadcast::channel::<()>(usize::MAX);
}

#[test]
fn error_texts() {
    assert_eq!(RecvError::Closed.to_string(), "channel closed");
    assert_eq!(RecvError::Lagged(3).to_string(), "channel lagged by 3");
    assert_eq!(TryRecvError::Empty.to_string(), "channel empty");
    assert_eq!(TryRecvError::Lagged(1).to_string(), "channel lagged by 1");
}

#[test]
fn threads_receive_everything_in_order() {
    let (tx, rx) = broadcast::channel(1024);
    let rxs: Vec<_> = (0..3).map(|_| tx.subscribe()).collect();
    drop(rx);
    let handles: Vec<_> = rxs
        .into_iter()
        .map(|mut rx| {
            thread::spawn(move || {
                block_on(async {
                    let mut expected = 0u32;
                    loop {
                        match rx.recv().await {
                            Ok(v) => {
                                assert_eq!(v, expected);
                                expected += 1;
                            }
                            Err(RecvError::Lagged(n)) => expected += n as u32,
                            Err(RecvError::Closed) => return expected,
                        }
                    }
                })
            })
        })
        .collect();
    for i in 0..1000u32 {
        tx.send(i).unwrap();
    }
    drop(tx);
    for h in handles {
        assert_eq!(h.join().unwrap(), 1000);
    }
}

#[test]
fn into_stream_yields_lag_and_ends() {
    use futures::StreamExt;
    let (tx, rx) = broadcast::channel(2);
    for i in 0..3 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let items: Vec<_> = block_on(rx.into_stream().collect());
    assert_eq!(items, vec![Err(RecvError::Lagged(1)), Ok(1), Ok(2)]);
}

#[test]
fn values_dropped_once_every_receiver_read_them() {
    use std::sync::Arc;
    let (tx, mut rx1) = broadcast::channel(16);
    let mut rx2 = tx.subscribe();
    let msg = Arc::new(());
    tx.send(msg.clone()).unwrap();
    assert_eq!(Arc::strong_count(&msg), 2);
    drop(rx1.try_recv().unwrap());
    assert_eq!(Arc::strong_count(&msg), 2);
    drop(rx2.try_recv().unwrap());
    assert_eq!(Arc::strong_count(&msg), 1);
}

#[test]
fn unconsumed_messages_are_dropped_with_the_receiver() {
    use std::sync::Arc;
    let (tx, rx) = broadcast::channel(16);
    let msg = Arc::new(());
    tx.send(msg.clone()).unwrap();
    assert_eq!(Arc::strong_count(&msg), 2);
    drop(rx);
    assert_eq!(Arc::strong_count(&msg), 1);
}

#[test]
fn panic_in_clone_skips_the_value() {
    use std::panic::{self, AssertUnwindSafe};

    #[derive(Debug, PartialEq)]
    struct MyVal(usize);
    impl Clone for MyVal {
        fn clone(&self) -> MyVal {
            assert_ne!(0, self.0);
            MyVal(self.0)
        }
    }

    let (tx, mut rx) = broadcast::channel(16);
    tx.send(MyVal(0)).unwrap();
    tx.send(MyVal(1)).unwrap();
    let res = panic::catch_unwind(AssertUnwindSafe(|| {
        let _ = rx.try_recv();
    }));
    assert!(res.is_err());
    assert_eq!(rx.try_recv(), Ok(MyVal(1)));
}

#[test]
fn recv_future_moved_between_tasks() {
    let (tx, mut rx) = broadcast::channel(1);
    let mut recv = Box::pin(rx.recv());
    {
        let mut t1 = spawn(&mut recv);
        assert!(t1.poll().is_pending());
    }
    let mut t2 = spawn(&mut recv);
    assert!(t2.poll().is_pending());
    tx.send("hello").unwrap();
    assert!(t2.is_woken());
    assert_eq!(t2.poll(), std::task::Poll::Ready(Ok("hello")));
}
