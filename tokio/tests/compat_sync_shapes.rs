//! tokio 0.2.25 compatibility: the mock-task shapes of 0.2.25's sync_*.rs tests
//! (`task::spawn(rx.recv())`, `is_woken`, `waker_ref_count`, exact Debug output).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::sync::Arc;
use std::task::Poll;
use tokio::sync::{broadcast, mpsc, oneshot, watch, Barrier, Mutex, Notify, RwLock, Semaphore};
use tokio_test::task::spawn;
use tokio_test::{
    assert_err, assert_ok, assert_pending, assert_ready, assert_ready_err, assert_ready_ok, task,
};

#[test]
fn watch_single_rx_recv() {
    let (tx, mut rx) = watch::channel("one");
    {
        let mut t = spawn(rx.recv());
        let v = assert_ready!(t.poll()).unwrap();
        assert_eq!(v, "one");
    }
    {
        let mut t = spawn(rx.recv());
        assert_pending!(t.poll());
        tx.broadcast("two").unwrap();
        assert!(t.is_woken());
        let v = assert_ready!(t.poll()).unwrap();
        assert_eq!(v, "two");
    }
    {
        let mut t = spawn(rx.recv());
        assert_pending!(t.poll());
        drop(tx);
        let res = assert_ready!(t.poll());
        assert!(res.is_none());
    }
}

#[test]
fn watch_multi_rx() {
    let (tx, mut rx1) = watch::channel("one");
    let mut rx2 = rx1.clone();
    {
        let mut t1 = spawn(rx1.recv());
        let mut t2 = spawn(rx2.recv());
        let res = assert_ready!(t1.poll());
        assert_eq!(res.unwrap(), "one");
        let res = assert_ready!(t2.poll());
        assert_eq!(res.unwrap(), "one");
    }
    let mut t2 = spawn(rx2.recv());
    {
        let mut t1 = spawn(rx1.recv());
        assert_pending!(t1.poll());
        assert_pending!(t2.poll());
        tx.broadcast("two").unwrap();
        assert!(t1.is_woken());
        assert!(t2.is_woken());
        let res = assert_ready!(t1.poll());
        assert_eq!(res.unwrap(), "two");
    }
    {
        let mut t1 = spawn(rx1.recv());
        assert_pending!(t1.poll());
        tx.broadcast("three").unwrap();
        assert!(t1.is_woken());
        assert!(t2.is_woken());
        let res = assert_ready!(t1.poll());
        assert_eq!(res.unwrap(), "three");
        let res = assert_ready!(t2.poll());
        assert_eq!(res.unwrap(), "three");
    }
    drop(t2);
    {
        let mut t1 = spawn(rx1.recv());
        let mut t2 = spawn(rx2.recv());
        assert_pending!(t1.poll());
        assert_pending!(t2.poll());
        tx.broadcast("four").unwrap();
        let res = assert_ready!(t1.poll());
        assert_eq!(res.unwrap(), "four");
        drop(t1);
        let mut t1 = spawn(rx1.recv());
        assert_pending!(t1.poll());
        drop(tx);
        assert!(t1.is_woken());
        let res = assert_ready!(t1.poll());
        assert!(res.is_none());
        let res = assert_ready!(t2.poll());
        assert_eq!(res.unwrap(), "four");
        drop(t2);
        let mut t2 = spawn(rx2.recv());
        let res = assert_ready!(t2.poll());
        assert!(res.is_none());
    }
}

#[test]
fn watch_rx_observes_final_value() {
    // Initial value
    let (tx, mut rx) = watch::channel("one");
    drop(tx);
    {
        let mut t1 = spawn(rx.recv());
        let res = assert_ready!(t1.poll());
        assert!(res.is_some());
        assert_eq!(res.unwrap(), "one");
    }
    {
        let mut t1 = spawn(rx.recv());
        let res = assert_ready!(t1.poll());
        assert!(res.is_none());
    }
    // Sending a value
    let (tx, mut rx) = watch::channel("one");
    tx.broadcast("two").unwrap();
    {
        let mut t1 = spawn(rx.recv());
        let res = assert_ready!(t1.poll());
        assert!(res.is_some());
        assert_eq!(res.unwrap(), "two");
    }
    {
        let mut t1 = spawn(rx.recv());
        assert_pending!(t1.poll());
        tx.broadcast("three").unwrap();
        drop(tx);
        assert!(t1.is_woken());
        let res = assert_ready!(t1.poll());
        assert!(res.is_some());
        assert_eq!(res.unwrap(), "three");
    }
    {
        let mut t1 = spawn(rx.recv());
        let res = assert_ready!(t1.poll());
        assert!(res.is_none());
    }
}

#[test]
fn watch_poll_close() {
    let (mut tx, rx) = watch::channel("one");
    {
        let mut t = spawn(tx.closed());
        assert_pending!(t.poll());
        drop(rx);
        assert!(t.is_woken());
        assert_ready!(t.poll());
    }
    assert!(tx.broadcast("two").is_err());
}

#[test]
fn watch_stream_impl() {
    use tokio::stream::{Stream, StreamExt};
    let (tx, rx) = watch::channel("one");
    let mut rx = spawn(rx);
    {
        let v = assert_ready!(rx.enter(|cx, mut rx| std::pin::Pin::new(&mut *rx).poll_next(cx)));
        assert_eq!(v.unwrap(), "one");
    }
    {
        assert_pending!(rx.enter(|cx, mut rx| std::pin::Pin::new(&mut *rx).poll_next(cx)));
        tx.broadcast("two").unwrap();
        assert!(rx.is_woken());
        let v = assert_ready!(rx.enter(|cx, mut rx| std::pin::Pin::new(&mut *rx).poll_next(cx)));
        assert_eq!(v.unwrap(), "two");
    }
    {
        assert_pending!(rx.enter(|cx, mut rx| std::pin::Pin::new(&mut *rx).poll_next(cx)));
        drop(tx);
        assert!(rx.is_woken());
        let res = assert_ready!(rx.enter(|cx, mut rx| std::pin::Pin::new(&mut *rx).poll_next(cx)));
        assert!(res.is_none());
    }
    let _ = rx.next();
}

#[test]
fn notify_notified_one() {
    let notify = Notify::new();
    let mut notified = spawn(async { notify.notified().await });
    notify.notify();
    assert_ready!(notified.poll());
}

#[test]
fn notified_one_notify() {
    let notify = Notify::new();
    let mut notified = spawn(async { notify.notified().await });
    assert_pending!(notified.poll());
    notify.notify();
    assert!(notified.is_woken());
    assert_ready!(notified.poll());
}

#[test]
fn notified_multi_notify() {
    let notify = Notify::new();
    let mut notified1 = spawn(async { notify.notified().await });
    let mut notified2 = spawn(async { notify.notified().await });
    assert_pending!(notified1.poll());
    assert_pending!(notified2.poll());
    notify.notify();
    assert!(notified1.is_woken());
    assert!(!notified2.is_woken());
    assert_ready!(notified1.poll());
    assert_pending!(notified2.poll());
}

#[test]
fn notify_notified_multi() {
    let notify = Notify::new();
    notify.notify();
    let mut notified1 = spawn(async { notify.notified().await });
    let mut notified2 = spawn(async { notify.notified().await });
    assert_ready!(notified1.poll());
    assert_pending!(notified2.poll());
    notify.notify();
    assert!(notified2.is_woken());
    assert_ready!(notified2.poll());
}

#[test]
fn notified_drop_notified_notify() {
    let notify = Notify::new();
    let mut notified1 = spawn(async { notify.notified().await });
    let mut notified2 = spawn(async { notify.notified().await });
    assert_pending!(notified1.poll());
    drop(notified1);
    assert_pending!(notified2.poll());
    notify.notify();
    assert!(notified2.is_woken());
    assert_ready!(notified2.poll());
}

#[test]
fn notified_multi_notify_drop_one() {
    let notify = Notify::new();
    let mut notified1 = spawn(async { notify.notified().await });
    let mut notified2 = spawn(async { notify.notified().await });
    assert_pending!(notified1.poll());
    assert_pending!(notified2.poll());
    notify.notify();
    assert!(notified1.is_woken());
    assert!(!notified2.is_woken());
    drop(notified1);
    assert!(notified2.is_woken());
    assert_ready!(notified2.poll());
}

#[test]
fn oneshot_close_tx() {
    let (tx, rx) = oneshot::channel::<i32>();
    let mut rx = task::spawn(rx);
    assert_pending!(rx.poll());
    drop(tx);
    assert!(rx.is_woken());
    assert_ready_err!(rx.poll());
}

#[test]
fn oneshot_close_rx() {
    // First, without checking poll_closed()
    let (tx, _) = oneshot::channel();
    assert_err!(tx.send(1));
    // Second, via poll_closed();
    let (tx, rx) = oneshot::channel();
    let mut tx = task::spawn(tx);
    assert_pending!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    drop(rx);
    assert!(tx.is_woken());
    assert!(tx.is_closed());
    assert_ready!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    assert_err!(tx.into_inner().send(1));
}

#[tokio::test]
async fn oneshot_async_rx_closed() {
    let (mut tx, rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        drop(rx);
    });
    tx.closed().await;
}

#[test]
fn oneshot_explicit_close_poll() {
    // First, with message sent
    let (tx, rx) = oneshot::channel();
    let mut rx = task::spawn(rx);
    assert_ok!(tx.send(1));
    rx.close();
    let value = assert_ready!(rx.poll()).unwrap();
    assert_eq!(value, 1);
    // Second, without the message sent
    let (tx, rx) = oneshot::channel::<i32>();
    let mut tx = task::spawn(tx);
    let mut rx = task::spawn(rx);
    assert_pending!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    rx.close();
    assert!(tx.is_woken());
    assert!(tx.is_closed());
    assert_ready!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    assert_err!(tx.into_inner().send(1));
    assert_ready_err!(rx.poll());
}

#[test]
fn oneshot_explicit_close_try_recv() {
    // First, with message sent
    let (tx, mut rx) = oneshot::channel();
    assert_ok!(tx.send(1));
    rx.close();
    let val = assert_ok!(rx.try_recv());
    assert_eq!(1, val);
    // Second, without the message sent
    let (tx, mut rx) = oneshot::channel::<i32>();
    let mut tx = task::spawn(tx);
    assert_pending!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    rx.close();
    assert!(tx.is_woken());
    assert!(tx.is_closed());
    assert_ready!(tx.enter(|cx, mut tx| tx.poll_closed(cx)));
    assert_err!(rx.try_recv());
}

#[test]
#[should_panic]
fn oneshot_close_try_recv_poll() {
    let (_tx, rx) = oneshot::channel::<i32>();
    let mut rx = task::spawn(rx);
    rx.close();
    assert_err!(rx.try_recv());
    let _ = rx.poll();
}

#[test]
fn oneshot_drops_tasks() {
    let (mut tx, mut rx) = oneshot::channel::<i32>();
    let mut tx_task = task::spawn(());
    let mut rx_task = task::spawn(());
    assert_pending!(tx_task.enter(|cx, _| tx.poll_closed(cx)));
    assert_pending!(rx_task.enter(|cx, _| std::pin::Pin::new(&mut rx).poll_unpin_compat(cx)));
    drop(tx);
    drop(rx);
    assert_eq!(1, tx_task.waker_ref_count());
    assert_eq!(1, rx_task.waker_ref_count());
}

trait PollUnpin: std::future::Future {
    fn poll_unpin_compat(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<Self::Output> {
        self.poll(cx)
    }
}
impl<F: std::future::Future> PollUnpin for F {}

#[test]
fn oneshot_receiver_changes_task() {
    let (tx, mut rx) = oneshot::channel();
    let mut task1 = task::spawn(());
    let mut task2 = task::spawn(());
    assert_pending!(task1.enter(|cx, _| std::pin::Pin::new(&mut rx).poll_unpin_compat(cx)));
    assert_eq!(2, task1.waker_ref_count());
    assert_eq!(1, task2.waker_ref_count());
    assert_pending!(task2.enter(|cx, _| std::pin::Pin::new(&mut rx).poll_unpin_compat(cx)));
    assert_eq!(1, task1.waker_ref_count());
    assert_eq!(2, task2.waker_ref_count());
    assert_ok!(tx.send(1));
    assert!(!task1.is_woken());
    assert!(task2.is_woken());
    assert_ready_ok!(task2.enter(|cx, _| std::pin::Pin::new(&mut rx).poll_unpin_compat(cx)));
}

#[test]
fn mpsc_start_send_past_cap() {
    let mut t1 = task::spawn(());
    let mut t2 = task::spawn(());
    let mut t3 = task::spawn(());
    let (mut tx1, mut rx) = mpsc::channel(1);
    let mut tx2 = tx1.clone();
    assert_ok!(tx1.try_send(()));
    t1.enter(|cx, _| {
        assert_pending!(tx1.poll_ready(cx));
    });
    t2.enter(|cx, _| {
        assert_pending!(tx2.poll_ready(cx));
    });
    drop(tx1);
    let val = t3.enter(|cx, _| assert_ready!(rx.poll_recv(cx)));
    assert!(val.is_some());
    assert!(t2.is_woken());
    assert!(!t1.is_woken());
    drop(tx2);
    let val = t3.enter(|cx, _| assert_ready!(rx.poll_recv(cx)));
    assert!(val.is_none());
}

#[test]
fn mpsc_ready_close_cancel_bounded() {
    let (mut tx, mut rx) = mpsc::channel::<()>(100);
    let _tx2 = tx.clone();
    assert_ready_ok!(task::spawn(()).enter(|cx, _| tx.poll_ready(cx)));
    rx.close();
    let mut recv = task::spawn(rx.recv());
    assert_pending!(recv.poll());
    drop(tx);
    assert!(recv.is_woken());
}

#[test]
fn mpsc_drop_tx_with_permit_releases_permit() {
    let mut t1 = task::spawn(());
    let mut t2 = task::spawn(());
    // poll_ready reserves capacity, ensure that the capacity is released if tx
    // is dropped w/o sending a value.
    let (mut tx1, _rx) = mpsc::channel::<i32>(1);
    let mut tx2 = tx1.clone();
    t1.enter(|cx, _| {
        assert_ready_ok!(tx1.poll_ready(cx));
    });
    t2.enter(|cx, _| {
        assert_pending!(tx2.poll_ready(cx));
    });
    drop(tx1);
    assert!(t2.is_woken());
    t2.enter(|cx, _| {
        assert_ready_ok!(tx2.poll_ready(cx));
    });
}

#[test]
fn mpsc_send_recv_with_buffer_mock() {
    let mut t1 = task::spawn(());
    let mut t2 = task::spawn(());
    let (mut tx, mut rx) = mpsc::channel::<i32>(16);
    // Using poll_ready / try_send
    t1.enter(|cx, _| {
        assert_ready_ok!(tx.poll_ready(cx));
    });
    tx.try_send(1).unwrap();
    // Without poll_ready
    tx.try_send(2).unwrap();
    drop(tx);
    t2.enter(|cx, _| {
        let val = assert_ready!(rx.poll_recv(cx));
        assert_eq!(val, Some(1));
        let val = assert_ready!(rx.poll_recv(cx));
        assert_eq!(val, Some(2));
        let val = assert_ready!(rx.poll_recv(cx));
        assert!(val.is_none());
    });
}

#[test]
fn mpsc_unconsumed_messages_are_dropped() {
    let msg = Arc::new(());
    let (mut tx, rx) = mpsc::channel(100);
    tx.try_send(msg.clone()).unwrap();
    assert_eq!(2, Arc::strong_count(&msg));
    drop((tx, rx));
    assert_eq!(1, Arc::strong_count(&msg));
}

#[test]
fn mpsc_no_t_bounds() {
    struct NoImpls;
    let (mut tx, mut rx) = mpsc::channel(100);
    // sender should be Debug even though T isn't Debug
    let _ = format!("{:?}", tx);
    // same with Receiver
    let _ = format!("{:?}", rx);
    // and sender should be Clone even though T isn't Clone
    assert!(tx.clone().try_send(NoImpls).is_ok());
    assert!(rx.try_recv().is_ok());
    let (tx, rx) = mpsc::unbounded_channel::<NoImpls>();
    let _ = format!("{:?}{:?}", tx, rx);
    let _ = tx.clone();
}

#[tokio::test]
async fn mpsc_send_recv_stream_with_buffer() {
    use tokio::stream::StreamExt;
    let (mut tx, mut rx) = mpsc::channel::<i32>(16);
    tokio::spawn(async move {
        assert_ok!(tx.send(1).await);
        assert_ok!(tx.send(2).await);
    });
    assert_eq!(Some(1), rx.next().await);
    assert_eq!(Some(2), rx.next().await);
    assert_eq!(None, rx.next().await);
}

#[test]
fn broadcast_send_try_recv_bounded() {
    let (tx, mut rx) = broadcast::channel(16);
    assert_empty(&mut rx);
    let n = assert_ok!(tx.send("hello"));
    assert_eq!(n, 1);
    assert_eq!(rx.try_recv().unwrap(), "hello");
    assert_empty(&mut rx);
}

fn assert_empty<T: Clone + std::fmt::Debug>(rx: &mut broadcast::Receiver<T>) {
    match rx.try_recv() {
        Err(broadcast::TryRecvError::Empty) => {}
        other => panic!("expected empty, got {:?}", other),
    }
}

#[test]
fn broadcast_send_no_rx() {
    let (tx, _) = broadcast::channel(16);
    assert_err!(tx.send("hello"));
    let mut rx = tx.subscribe();
    assert_ok!(tx.send("world"));
    assert_eq!(rx.try_recv().unwrap(), "world");
}

#[test]
fn broadcast_lagging_receiver_recovers_after_wrap_closed() {
    let (tx, mut rx) = broadcast::channel(2);
    assert_ok!(tx.send(1));
    assert_ok!(tx.send(2));
    assert_ok!(tx.send(3));
    drop(tx);
    assert_eq!(rx.try_recv(), Err(broadcast::TryRecvError::Lagged(1)));
    assert_eq!(rx.try_recv().unwrap(), 2);
    assert_eq!(rx.try_recv().unwrap(), 3);
    assert_eq!(rx.try_recv(), Err(broadcast::TryRecvError::Closed));
}

#[test]
fn broadcast_send_recv_mock() {
    let (tx, mut rx1) = broadcast::channel::<i32>(16);
    let mut rx2 = tx.subscribe();
    {
        let mut recv1 = task::spawn(rx1.recv());
        let mut recv2 = task::spawn(rx2.recv());
        assert_pending!(recv1.poll());
        assert_pending!(recv2.poll());
        assert_ok!(tx.send(1));
        assert!(recv1.is_woken());
        assert!(recv2.is_woken());
        let val1 = assert_ready_ok!(recv1.poll());
        let val2 = assert_ready_ok!(recv2.poll());
        assert_eq!(val1, 1);
        assert_eq!(val2, 1);
    }
    drop(tx);
    let mut recv1 = task::spawn(rx1.recv());
    assert_eq!(
        assert_ready!(recv1.poll()),
        Err(broadcast::RecvError::Closed)
    );
}

#[tokio::test]
async fn broadcast_receiver_is_stream_deprecated() {
    use tokio::stream::StreamExt;
    let (tx, mut rx) = broadcast::channel::<i32>(8);
    assert_ok!(tx.send(1));
    assert_ok!(tx.send(2));
    assert_eq!(Some(Ok(1)), rx.next().await);
    assert_eq!(Some(Ok(2)), rx.next().await);
    drop(tx);
    assert_eq!(None, rx.next().await);
}

#[test]
#[allow(deprecated)]
fn broadcast_poll_recv_deprecated() {
    let (tx, mut rx) = broadcast::channel::<i32>(8);
    let mut t = task::spawn(());
    assert_pending!(t.enter(|cx, _| rx.poll_recv(cx)));
    tx.send(3).unwrap();
    assert!(t.is_woken());
    assert_eq!(assert_ready!(t.enter(|cx, _| rx.poll_recv(cx))), Ok(3));
}

#[test]
#[should_panic]
fn broadcast_capacity_too_big() {
    let _ = broadcast::channel::<()>(1 + (usize::MAX >> 1));
}

#[test]
#[should_panic]
fn broadcast_zero_capacity() {
    let _ = broadcast::channel::<()>(0);
}

#[test]
fn mutex_straight_execution() {
    let l = Mutex::new(100);
    {
        let mut t = spawn(l.lock());
        let mut g = assert_ready!(t.poll());
        assert_eq!(&*g, &100);
        *g = 99;
    }
    {
        let mut t = spawn(l.lock());
        let mut g = assert_ready!(t.poll());
        assert_eq!(&*g, &99);
        *g = 98;
    }
    {
        let mut t = spawn(l.lock());
        let g = assert_ready!(t.poll());
        assert_eq!(&*g, &98);
    }
}

#[test]
fn mutex_readiness() {
    let l1 = Arc::new(Mutex::new(100));
    let l2 = Arc::clone(&l1);
    let mut t1 = spawn(l1.lock());
    let mut t2 = spawn(l2.lock());
    let g = assert_ready!(t1.poll());
    // We can't now acquire the lease since it's already held in g
    assert_pending!(t2.poll());
    // But once g unlocks, we can acquire it
    drop(g);
    assert!(t2.is_woken());
    assert_ready!(t2.poll());
}

#[tokio::test]
async fn mutex_debug_format() {
    let s = "debug";
    let m = Mutex::new(s.to_string());
    assert_eq!(format!("{:?}", s), format!("{:?}", m.lock().await));
}

#[tokio::test]
async fn mutex_debug() {
    let s = "data";
    let m = Mutex::new(s.to_string());
    assert_eq!(format!("{:?}", m), r#"Mutex { data: "data" }"#);
    let _guard = m.lock().await;
    assert_eq!(format!("{:?}", m), r#"Mutex { data: <locked> }"#)
}

#[tokio::test]
async fn mutex_aborted_future_1() {
    use std::time::Duration;
    use tokio::time::{interval, timeout};
    let m1: Arc<Mutex<usize>> = Arc::new(Mutex::new(0));
    {
        let m2 = m1.clone();
        // Try to lock mutex in a future that is aborted prematurely
        timeout(Duration::from_millis(1u64), async move {
            let mut iv = interval(Duration::from_millis(1000));
            m2.lock().await;
            iv.tick().await;
            iv.tick().await;
        })
        .await
        .unwrap_err();
    }
    // This should succeed as there is no lock left for the mutex.
    timeout(Duration::from_millis(1u64), async move {
        m1.lock().await;
    })
    .await
    .expect("Mutex is locked");
}

#[test]
fn rwlock_exhaust_reading() {
    let rwlock = RwLock::new(100);
    let mut reads = Vec::new();
    loop {
        let mut t = spawn(rwlock.read());
        match t.poll() {
            Poll::Ready(guard) => reads.push(guard),
            Poll::Pending => break,
        }
        assert!(reads.len() <= 32, "0.2's RwLock allows at most 32 readers");
    }
    let mut t1 = spawn(rwlock.read());
    assert_pending!(t1.poll());
    let g2 = reads.pop().unwrap();
    drop(g2);
    assert!(t1.is_woken());
    assert_ready!(t1.poll());
}

#[test]
fn rwlock_write_shared_pending() {
    let rwlock = RwLock::new(100);
    let mut t1 = spawn(rwlock.read());
    let _g1 = assert_ready!(t1.poll());
    let mut t2 = spawn(rwlock.write());
    assert_pending!(t2.poll());
}

#[test]
fn rwlock_write_read_shared_drop_pending() {
    let rwlock = RwLock::new(100);
    let mut t1 = spawn(rwlock.write());
    let g1 = assert_ready!(t1.poll());
    let mut t2 = spawn(rwlock.read());
    assert_pending!(t2.poll());
    let mut t3 = spawn(rwlock.write());
    assert_pending!(t3.poll());
    drop(g1);
    assert!(t2.is_woken());
    let _g2 = assert_ready!(t2.poll());
    assert_pending!(t3.poll());
}

#[test]
fn semaphore_no_permits() {
    // this should not panic
    Semaphore::new(0);
}

#[test]
fn semaphore_try_acquire() {
    let sem = Semaphore::new(1);
    {
        let p1 = sem.try_acquire();
        assert!(p1.is_ok());
        let p2 = sem.try_acquire();
        assert!(p2.is_err());
    }
    let p3 = sem.try_acquire();
    assert!(p3.is_ok());
}

#[tokio::test]
async fn semaphore_acquire() {
    let sem = Arc::new(Semaphore::new(1));
    let p1 = sem.try_acquire().unwrap();
    let sem_clone = sem.clone();
    let j = tokio::spawn(async move {
        let _p2 = sem_clone.acquire().await;
    });
    drop(p1);
    j.await.unwrap();
}

#[test]
fn semaphore_forget() {
    let sem = Arc::new(Semaphore::new(1));
    {
        let p = sem.try_acquire().unwrap();
        assert_eq!(sem.available_permits(), 0);
        p.forget();
        assert_eq!(sem.available_permits(), 0);
    }
    assert_eq!(sem.available_permits(), 0);
    assert!(sem.try_acquire().is_err());
}

#[test]
fn barrier_zero_does_not_block() {
    let b = Barrier::new(0);
    {
        let mut w = spawn(b.wait());
        let wr = assert_ready!(w.poll());
        assert!(wr.is_leader());
    }
    {
        let mut w = spawn(b.wait());
        let wr = assert_ready!(w.poll());
        assert!(wr.is_leader());
    }
}

#[test]
fn barrier_tango() {
    let b = Barrier::new(2);
    let mut y1 = spawn(b.wait());
    assert_pending!(y1.poll());
    let mut y2 = spawn(b.wait());
    let y2_res = assert_ready!(y2.poll());
    assert!(y1.is_woken());
    let y1_res = assert_ready!(y1.poll());
    assert!(y1_res.is_leader() ^ y2_res.is_leader());
}

#[test]
fn futures_are_send() {
    fn send<T: Send>(_: &T) {}
    let m = Mutex::new(1);
    send(&m.lock());
    let s = Semaphore::new(1);
    send(&s.acquire());
    let (mut tx, mut rx) = mpsc::channel::<u8>(1);
    send(&tx.send(1));
    send(&rx.recv());
    let n = Notify::new();
    send(&n.notified());
    let l = RwLock::new(1);
    send(&l.read());
    send(&l.write());
    let (_wtx, mut wrx) = watch::channel(1);
    send(&wrx.recv());
    let (_btx, mut brx) = broadcast::channel::<u8>(1);
    send(&brx.recv());
    let b = Barrier::new(1);
    send(&b.wait());
}
