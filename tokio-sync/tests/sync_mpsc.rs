//! mpsc behaviour under `futures::executor` and plain threads.

use futures::executor::block_on;
use futures::task::noop_waker_ref;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::thread;
use tokio_sync::mpsc::{self, error::*};

fn noop_cx() -> Context<'static> {
    Context::from_waker(noop_waker_ref())
}

#[test]
fn bounded_send_recv_in_order() {
    block_on(async {
        let (mut tx, mut rx) = mpsc::channel(16);
        for i in 0..100 {
            tx.try_send(i).ok();
            if i % 16 == 15 {
                for _ in 0..16 {
                    rx.recv().await.unwrap();
                }
            }
        }
    });
    block_on(async {
        let (mut tx, mut rx) = mpsc::channel(3);
        let h = thread::spawn(move || {
            block_on(async {
                for i in 0..1000 {
                    tx.send(i).await.unwrap();
                }
            })
        });
        for i in 0..1000 {
            assert_eq!(rx.recv().await, Some(i));
        }
        assert_eq!(rx.recv().await, None);
        h.join().unwrap();
    });
}

#[test]
fn four_producers_100k_each_exactly_once_in_order() {
    const PER: usize = 100_000;
    let (tx, mut rx) = mpsc::channel::<(usize, usize)>(128);
    let handles: Vec<_> = (0..4)
        .map(|p| {
            let mut tx = tx.clone();
            thread::spawn(move || {
                block_on(async {
                    for i in 0..PER {
                        tx.send((p, i)).await.unwrap();
                    }
                })
            })
        })
        .collect();
    drop(tx);
    let mut next = [0usize; 4];
    block_on(async {
        while let Some((p, i)) = rx.recv().await {
            assert_eq!(next[p], i, "producer {} out of order", p);
            next[p] += 1;
        }
    });
    assert_eq!(next, [PER; 4]);
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn unbounded_four_producers() {
    const PER: usize = 100_000;
    let (tx, mut rx) = mpsc::unbounded_channel::<(usize, usize)>();
    let handles: Vec<_> = (0..4)
        .map(|p| {
            let tx = tx.clone();
            thread::spawn(move || {
                for i in 0..PER {
                    tx.send((p, i)).unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    let mut next = [0usize; 4];
    block_on(async {
        while let Some((p, i)) = rx.recv().await {
            assert_eq!(next[p], i);
            next[p] += 1;
        }
    });
    assert_eq!(next, [PER; 4]);
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn back_pressure_waits_and_resumes() {
    let (mut tx, mut rx) = mpsc::channel(1);
    let mut cx = noop_cx();
    assert!(tx.try_send(1).is_ok());
    assert!(matches!(tx.try_send(2), Err(TrySendError::Full(2))));
    {
        let fut = tx.send(2);
        futures::pin_mut!(fut);
        assert!(fut.as_mut().poll(&mut cx).is_pending());
        assert_eq!(rx.try_recv(), Ok(1));
        assert!(matches!(fut.as_mut().poll(&mut cx), Poll::Ready(Ok(()))));
    }
    assert_eq!(rx.try_recv(), Ok(2));
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
}

use std::future::Future;

#[test]
fn dropped_send_releases_its_place() {
    let (mut tx, mut rx) = mpsc::channel(1);
    let mut tx2 = tx.clone();
    let mut cx = noop_cx();
    tx.try_send(1).unwrap();
    {
        let fut = tx.send(2);
        futures::pin_mut!(fut);
        assert!(fut.as_mut().poll(&mut cx).is_pending());
        // The slot frees up and is handed to the queued send, which is then dropped.
        assert_eq!(rx.try_recv(), Ok(1));
    }
    // The capacity was returned: the other sender can use it.
    assert!(tx2.try_send(3).is_ok());
    assert_eq!(rx.try_recv(), Ok(3));
}

#[test]
fn poll_ready_reserves_and_disarm_releases() {
    let (mut tx, mut rx) = mpsc::channel::<i32>(1);
    let mut tx2 = tx.clone();
    let mut cx = noop_cx();
    assert!(matches!(tx.poll_ready(&mut cx), Poll::Ready(Ok(()))));
    assert!(matches!(tx2.try_send(5), Err(TrySendError::Full(5))));
    assert!(matches!(tx2.poll_ready(&mut cx), Poll::Pending));
    assert!(tx.disarm());
    assert!(!tx.disarm());
    // The slot went to the queued tx2.
    assert!(matches!(tx2.poll_ready(&mut cx), Poll::Ready(Ok(()))));
    tx2.try_send(6).unwrap();
    assert_eq!(rx.try_recv(), Ok(6));
}

#[test]
fn receiver_drop_fails_sends_with_value() {
    let (mut tx, rx) = mpsc::channel(2);
    drop(rx);
    assert!(matches!(tx.try_send(1), Err(TrySendError::Closed(1))));
    let err = block_on(tx.send(2)).unwrap_err();
    assert_eq!(err.0, 2);
    assert_eq!(err.to_string(), "channel closed");

    let (utx, urx) = mpsc::unbounded_channel();
    drop(urx);
    assert_eq!(utx.send(3).unwrap_err().0, 3);
}

#[test]
fn close_drains_then_none() {
    let (mut tx, mut rx) = mpsc::channel(4);
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    rx.close();
    assert!(matches!(tx.try_send(3), Err(TrySendError::Closed(3))));
    block_on(async {
        assert_eq!(rx.recv().await, Some(1));
        assert_eq!(rx.recv().await, Some(2));
        assert_eq!(rx.recv().await, None);
    });
}

#[test]
fn senders_drop_drains_then_none() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for i in 0..70 {
        tx.send(i).unwrap();
    }
    drop(tx);
    block_on(async {
        for i in 0..70 {
            assert_eq!(rx.recv().await, Some(i));
        }
        assert_eq!(rx.recv().await, None);
        assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
    });
}

#[test]
fn waiting_sender_woken_by_close() {
    let (mut tx, mut rx) = mpsc::channel(1);
    tx.try_send(1).unwrap();
    let h = thread::spawn(move || block_on(tx.send(2)));
    thread::sleep(std::time::Duration::from_millis(50));
    rx.close();
    assert_eq!(h.join().unwrap().unwrap_err().0, 2);
}

#[test]
fn error_texts() {
    assert_eq!(TrySendError::Full(()).to_string(), "no available capacity");
    assert_eq!(TrySendError::Closed(()).to_string(), "channel closed");
    assert_eq!(TryRecvError::Empty.to_string(), "channel empty");
    assert_eq!(TryRecvError::Closed.to_string(), "channel closed");
    let e: TrySendError<i32> = SendError(1).into();
    assert!(matches!(e, TrySendError::Closed(1)));
}

#[test]
#[should_panic(expected = "mpsc bounded channel requires buffer > 0")]
fn zero_buffer_panics() {
    let _ = mpsc::channel::<()>(0);
}

#[test]
fn values_dropped_with_channel() {
    let v = Arc::new(());
    let (tx, rx) = mpsc::unbounded_channel();
    for _ in 0..100 {
        tx.send(v.clone()).unwrap();
    }
    drop(rx);
    assert_eq!(Arc::strong_count(&v), 1);
    drop(tx);
    let (tx, rx) = mpsc::unbounded_channel();
    for _ in 0..100 {
        tx.send(v.clone()).unwrap();
    }
    drop(tx);
    drop(rx);
    assert_eq!(Arc::strong_count(&v), 1);
}

#[test]
fn stream_impl() {
    use futures::StreamExt;
    let (tx, rx) = mpsc::unbounded_channel();
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    drop(tx);
    let v: Vec<i32> = block_on(rx.collect());
    assert_eq!(v, vec![1, 2]);
}

#[test]
fn reserved_sender_can_send_after_close() {
    let (mut tx1, mut rx) = mpsc::channel::<i32>(1);
    let mut tx2 = tx1.clone();
    let mut cx = noop_cx();
    assert!(matches!(tx1.poll_ready(&mut cx), Poll::Ready(Ok(()))));
    assert!(tx2.poll_ready(&mut cx).is_pending());
    rx.close();
    assert!(matches!(tx2.poll_ready(&mut cx), Poll::Ready(Err(_))));
    assert!(rx.poll_recv(&mut cx).is_pending());
    tx1.try_send(123).unwrap();
    assert_eq!(rx.poll_recv(&mut cx), Poll::Ready(Some(123)));
    assert_eq!(rx.poll_recv(&mut cx), Poll::Ready(None));
}

#[test]
fn dropping_reserved_sender_after_close_wakes_receiver() {
    let (mut tx, mut rx) = mpsc::channel::<()>(100);
    let _tx2 = tx.clone();
    let mut cx = noop_cx();
    assert!(matches!(tx.poll_ready(&mut cx), Poll::Ready(Ok(()))));
    rx.close();
    let h = thread::spawn(move || {
        thread::sleep(std::time::Duration::from_millis(20));
        drop(tx);
    });
    assert_eq!(block_on(rx.recv()), None);
    h.join().unwrap();
}

#[test]
fn start_send_past_cap_wakes_in_order() {
    let (mut tx1, mut rx) = mpsc::channel(1);
    let mut tx2 = tx1.clone();
    tx1.try_send(()).unwrap();
    let mut t1 = support_task();
    let mut t2 = support_task();
    assert!(t1.enter(|cx| tx1.poll_ready(cx)).is_pending());
    assert!(t2.enter(|cx| tx2.poll_ready(cx)).is_pending());
    drop(tx1);
    assert_eq!(rx.try_recv(), Ok(()));
    assert!(t2.is_woken());
    assert!(!t1.is_woken());
    drop(tx2);
    assert_eq!(block_on(rx.recv()), None);
}

mod support;
fn support_task() -> support::Task<std::future::Pending<()>> {
    support::mock()
}

#[test]
fn cancelled_send_with_granted_slot_lets_closed_receiver_finish() {
    let (mut tx, mut rx) = mpsc::channel::<i32>(1);
    let mut tx2 = tx.clone();
    tx.try_send(1).unwrap();
    let mut cx = noop_cx();
    {
        let mut fut = Box::pin(tx2.send(2));
        assert!(fut.as_mut().poll(&mut cx).is_pending());
        // The slot freed by this recv is granted to the queued send...
        assert_eq!(rx.try_recv(), Ok(1));
        rx.close();
        let mut t = support::mock();
        assert!(t.enter(|cx| rx.poll_recv(cx)).is_pending());
        // ...which is cancelled: the permit comes back and the receiver is told.
        drop(fut);
        assert!(t.is_woken());
        assert_eq!(t.enter(|cx| rx.poll_recv(cx)), Poll::Ready(None));
    }
    drop((tx, tx2));
}

/// 0.2.25 (checked against the published crate): after `close` with a sender still alive,
/// an empty channel's `try_recv` says `Empty`, not `Closed`; `Closed` comes once every
/// sender is gone, while `recv` already ends with `None`.
#[test]
fn try_recv_after_close_with_live_sender_is_empty() {
    let (tx, mut rx) = mpsc::channel::<i32>(2);
    rx.close();
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    assert_eq!(block_on(rx.recv()), None);
    drop(tx);
    assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));

    let (tx, mut rx) = mpsc::unbounded_channel::<i32>();
    tx.send(7).unwrap();
    rx.close();
    assert_eq!(rx.try_recv(), Ok(7));
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    drop(tx);
    assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
}
