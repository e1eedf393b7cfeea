//! tokio 0.2.25 compatibility: `tokio::sync` in 0.2 shape (`mut tx` send, watch `recv`,
//! `broadcast::RecvError::Lagged`, `Semaphore::acquire` -> permit, `Notify::notify`, ...).
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{
    broadcast, mpsc, oneshot, watch, Barrier, BarrierWaitResult, Mutex, MutexGuard, Notify,
    OwnedMutexGuard, OwnedSemaphorePermit, RwLock, RwLockReadGuard, RwLockWriteGuard, Semaphore,
    SemaphorePermit, TryLockError,
};
use tokio_test::{assert_pending, assert_ready, assert_ready_ok, task};

fn panic_msg<R>(f: impl FnOnce() -> R) -> String {
    let err = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(e) => e,
    };
    if let Some(s) = err.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = err.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".to_string()
    }
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), f)
            .await
            .expect("test timed out")
    })
}

#[test]
fn mpsc_bounded_mut_sender() {
    run(async {
        let (mut tx, mut rx) = mpsc::channel::<u32>(2);
        let mut tx2 = tx.clone();
        tokio::spawn(async move {
            tx2.send(1).await.unwrap();
        });
        tx.send(2).await.unwrap();
        let mut got = vec![rx.recv().await.unwrap(), rx.recv().await.unwrap()];
        got.sort_unstable();
        assert_eq!(got, vec![1, 2]);
        tx.try_send(3).unwrap();
        tx.try_send(4).unwrap();
        match tx.try_send(5) {
            Err(mpsc::error::TrySendError::Full(v)) => assert_eq!(v, 5),
            other => panic!("{:?}", other),
        }
        let e = tx.try_send(6).unwrap_err();
        assert_eq!(e.to_string(), "no available capacity");
        assert_eq!(rx.try_recv().unwrap(), 3);
        assert_eq!(rx.recv().await, Some(4));
        assert_eq!(rx.try_recv().unwrap_err(), mpsc::error::TryRecvError::Empty);
        assert_eq!(
            mpsc::error::TryRecvError::Empty.to_string(),
            "channel empty"
        );
        drop(tx);
        assert_eq!(rx.recv().await, None);
        assert_eq!(
            rx.try_recv().unwrap_err(),
            mpsc::error::TryRecvError::Closed
        );
        assert_eq!(
            mpsc::error::TryRecvError::Closed.to_string(),
            "channel closed"
        );
    });
}

#[test]
fn mpsc_send_error_display_and_value() {
    run(async {
        let (mut tx, rx) = mpsc::channel::<u32>(1);
        drop(rx);
        let err: mpsc::error::SendError<u32> = tx.send(9).await.unwrap_err();
        assert_eq!(err.to_string(), "channel closed");
        assert_eq!(err.0, 9);
        let _: &dyn std::error::Error = &err;
        let e = tx.try_send(1).unwrap_err();
        match e {
            mpsc::error::TrySendError::Closed(v) => assert_eq!(v, 1),
            _ => panic!(),
        }
        assert_eq!(
            mpsc::error::TrySendError::Closed(1).to_string(),
            "channel closed"
        );
        let _: mpsc::error::TrySendError<u32> = mpsc::error::SendError(1).into();
    });
}

#[test]
fn mpsc_zero_capacity_panics() {
    let msg = panic_msg(|| mpsc::channel::<u32>(0));
    assert_eq!(msg, "mpsc bounded channel requires buffer > 0");
}

#[test]
fn mpsc_poll_ready_disarm() {
    let (mut tx, mut rx) = mpsc::channel::<u32>(1);
    let mut tx2 = tx.clone();
    {
        let mut t = task::spawn(());
        t.enter(|cx, _| {
            assert!(tx.poll_ready(cx).is_ready());
            assert!(tx2.poll_ready(cx).is_pending());
        });
        assert!(tx.disarm());
        assert!(!tx.disarm());
        assert!(t.is_woken());
        t.enter(|cx, _| {
            assert_ready_ok!(tx2.poll_ready(cx));
        });
    }
    tx2.try_send(7).unwrap();
    assert_eq!(rx.try_recv().unwrap(), 7);
}

#[test]
fn mpsc_poll_ready_closed_error() {
    let (mut tx, rx) = mpsc::channel::<u32>(1);
    drop(rx);
    let mut t = task::spawn(());
    let err = t.enter(|cx, _| match tx.poll_ready(cx) {
        std::task::Poll::Ready(Err(e)) => e,
        other => panic!("{:?}", other),
    });
    assert_eq!(err.to_string(), "channel closed");
}

#[test]
fn mpsc_send_timeout() {
    run(async {
        let (mut tx, mut rx) = mpsc::channel::<u32>(1);
        tx.send_timeout(1, Duration::from_millis(10)).await.unwrap();
        let err = tx
            .send_timeout(2, Duration::from_millis(10))
            .await
            .unwrap_err();
        match &err {
            mpsc::error::SendTimeoutError::Timeout(v) => assert_eq!(*v, 2),
            _ => panic!(),
        }
        assert_eq!(err.to_string(), "timed out waiting on send operation");
        assert_eq!(
            mpsc::error::SendTimeoutError::Closed(1).to_string(),
            "channel closed"
        );
        assert_eq!(rx.recv().await, Some(1));
    });
}

#[test]
fn mpsc_unbounded_and_stream() {
    use tokio::stream::StreamExt;
    run(async {
        let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
        let tx2 = tx.clone();
        tx.send(1).unwrap();
        tx2.send(2).unwrap();
        drop((tx, tx2));
        let all: Vec<u32> = (&mut rx).collect().await;
        assert_eq!(all, vec![1, 2]);
        assert_eq!(rx.recv().await, None);

        let (mut tx, rx) = mpsc::channel::<u32>(4);
        tx.send(5).await.unwrap();
        drop(tx);
        let all: Vec<u32> = rx.collect().await;
        assert_eq!(all, vec![5]);

        let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
        rx.close();
        assert_eq!(tx.send(1).unwrap_err().0, 1);
        let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
        tx.send(3).unwrap();
        assert_eq!(rx.try_recv().unwrap(), 3);
        let _ = format!("{:?}{:?}", tx, rx);
        let v = futures::future::poll_fn(|cx| {
            tx.send(4).unwrap();
            rx.poll_recv(cx)
        })
        .await;
        assert_eq!(v, Some(4));
    });
}

#[test]
fn mpsc_receiver_close_keeps_buffered() {
    run(async {
        let (mut tx, mut rx) = mpsc::channel::<u32>(4);
        tx.send(1).await.unwrap();
        rx.close();
        assert!(tx.send(2).await.is_err());
        assert_eq!(rx.recv().await, Some(1));
        assert_eq!(rx.recv().await, None);
    });
}

#[test]
fn mpsc_error_types_exist() {
    fn names(_: &mpsc::error::ClosedError, _: &mpsc::error::RecvError) {}
    fn err<T: std::error::Error + std::fmt::Display>() {}
    err::<mpsc::error::ClosedError>();
    err::<mpsc::error::RecvError>();
    let _ = names;
}

#[test]
fn oneshot_basic() {
    run(async {
        let (tx, rx) = oneshot::channel::<u32>();
        tokio::spawn(async move {
            tx.send(3).unwrap();
        });
        assert_eq!(rx.await.unwrap(), 3);

        let (tx, rx) = oneshot::channel::<u32>();
        drop(tx);
        let err: oneshot::error::RecvError = rx.await.unwrap_err();
        assert_eq!(err.to_string(), "channel closed");

        let (tx, mut rx) = oneshot::channel::<u32>();
        assert_eq!(
            rx.try_recv().unwrap_err(),
            oneshot::error::TryRecvError::Empty
        );
        assert_eq!(
            oneshot::error::TryRecvError::Empty.to_string(),
            "channel empty"
        );
        assert_eq!(
            oneshot::error::TryRecvError::Closed.to_string(),
            "channel closed"
        );
        rx.close();
        assert!(tx.is_closed());
        assert_eq!(tx.send(1).unwrap_err(), 1);

        let (mut tx, rx) = oneshot::channel::<u32>();
        let waiter = tokio::spawn(async move {
            tx.closed().await;
            tx.is_closed()
        });
        tokio::task::yield_now().await;
        drop(rx);
        assert!(waiter.await.unwrap());
    });
}

#[test]
fn oneshot_poll_closed_and_after_complete_panic() {
    let (mut tx, rx) = oneshot::channel::<u32>();
    let mut t = task::spawn(());
    t.enter(|cx, _| assert!(tx.poll_closed(cx).is_pending()));
    drop(rx);
    assert!(t.is_woken());
    t.enter(|cx, _| assert!(tx.poll_closed(cx).is_ready()));

    let (tx, rx) = oneshot::channel::<u32>();
    let mut rx = task::spawn(rx);
    assert_pending!(rx.poll());
    assert_eq!(rx.waker_ref_count(), 2);
    tx.send(1).unwrap();
    assert!(rx.is_woken());
    assert_eq!(assert_ready!(rx.poll()).unwrap(), 1);
    let msg = panic_msg(|| rx.poll());
    assert_eq!(msg, "called after complete");
}

#[test]
fn watch_recv_first_value_then_updates() {
    run(async {
        let (tx, mut rx) = watch::channel("init");
        assert_eq!(rx.recv().await, Some("init"));
        let mut rx2 = rx.clone();
        tx.broadcast("one").unwrap();
        assert_eq!(rx.recv().await, Some("one"));
        assert_eq!(rx2.recv().await, Some("one"));
        assert_eq!(*rx.borrow(), "one");
        let h = tokio::spawn(async move { rx2.recv().await });
        tokio::task::yield_now().await;
        tx.broadcast("two").unwrap();
        assert_eq!(h.await.unwrap(), Some("two"));
        drop(tx);
        assert_eq!(rx.recv().await, Some("two"));
        assert_eq!(rx.recv().await, None);
    });
}

#[test]
fn watch_clone_inherits_seen_version() {
    run(async {
        let (tx, mut rx) = watch::channel(0u32);
        assert_eq!(rx.recv().await, Some(0));
        let mut rx2 = rx.clone();
        let r = tokio::time::timeout(Duration::from_millis(20), rx2.recv()).await;
        assert!(r.is_err(), "clone must inherit the seen version");
        tx.broadcast(1).unwrap();
        assert_eq!(rx2.recv().await, Some(1));
    });
}

#[test]
fn watch_send_error_and_closed() {
    run(async {
        let (mut tx, rx) = watch::channel(0u32);
        let rx2 = rx.clone();
        drop(rx);
        tx.broadcast(1).unwrap();
        let h = tokio::spawn(async move {
            tokio::task::yield_now().await;
            drop(rx2);
        });
        tx.closed().await;
        h.await.unwrap();
        let err: watch::error::SendError<u32> = tx.broadcast(2).unwrap_err();
        assert_eq!(err.to_string(), "channel closed");
        let _: &dyn std::error::Error = &err;
        let _ = format!("{:?}", tx);
    });
}

#[test]
fn watch_stream_impl() {
    use tokio::stream::StreamExt;
    run(async {
        let (tx, rx) = watch::channel(1u32);
        let mut s = rx;
        assert_eq!(s.next().await, Some(1));
        tx.broadcast(2).unwrap();
        assert_eq!(s.next().await, Some(2));
        drop(tx);
        assert_eq!(s.next().await, None);
    });
}

#[test]
fn watch_ref_type() {
    let (_tx, rx) = watch::channel(5u32);
    let r: watch::Ref<'_, u32> = rx.borrow();
    assert_eq!(*r, 5);
    let _ = format!("{:?}", r);
}

#[test]
fn broadcast_lagged_and_errors() {
    run(async {
        let (tx, mut rx) = broadcast::channel::<u32>(2);
        for i in 0..5 {
            tx.send(i).unwrap();
        }
        match rx.recv().await {
            Err(broadcast::RecvError::Lagged(n)) => assert_eq!(n, 3),
            other => panic!("{:?}", other),
        }
        assert_eq!(rx.recv().await.unwrap(), 3);
        assert_eq!(rx.try_recv().unwrap(), 4);
        assert_eq!(rx.try_recv().unwrap_err(), broadcast::TryRecvError::Empty);
        assert_eq!(
            broadcast::RecvError::Lagged(3).to_string(),
            "channel lagged by 3"
        );
        assert_eq!(broadcast::RecvError::Closed.to_string(), "channel closed");
        assert_eq!(broadcast::TryRecvError::Empty.to_string(), "channel empty");
        assert_eq!(
            broadcast::TryRecvError::Closed.to_string(),
            "channel closed"
        );
        assert_eq!(
            broadcast::TryRecvError::Lagged(2).to_string(),
            "channel lagged by 2"
        );
        let _: &dyn std::error::Error = &broadcast::RecvError::Closed;
        assert_eq!(tx.receiver_count(), 1);
        let mut rx2 = tx.subscribe();
        assert_eq!(tx.send(9).unwrap(), 2);
        assert_eq!(rx2.recv().await.unwrap(), 9);
        drop(tx);
        assert_eq!(rx2.recv().await.unwrap_err(), broadcast::RecvError::Closed);
        assert_eq!(rx.recv().await.unwrap(), 9);
        assert_eq!(rx.try_recv().unwrap_err(), broadcast::TryRecvError::Closed);
    });
}

#[test]
fn broadcast_try_recv_lagged() {
    let (tx, mut rx) = broadcast::channel::<u32>(1);
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    assert_eq!(
        rx.try_recv().unwrap_err(),
        broadcast::TryRecvError::Lagged(1)
    );
    assert_eq!(rx.try_recv().unwrap(), 2);
}

#[test]
fn broadcast_send_error_no_receivers() {
    let (tx, rx) = broadcast::channel::<u32>(4);
    drop(rx);
    let err: broadcast::SendError<u32> = tx.send(3).unwrap_err();
    assert_eq!(err.0, 3);
    let _ = format!("{:?}", err);
}

#[test]
fn broadcast_capacity_panics() {
    let msg = panic_msg(|| broadcast::channel::<u32>(0));
    assert_eq!(msg, "capacity is empty");
    let msg = panic_msg(|| broadcast::channel::<u32>(usize::MAX));
    assert_eq!(msg, "requested capacity too large");
}

#[test]
fn broadcast_into_stream() {
    use tokio::stream::StreamExt;
    run(async {
        let (tx, rx) = broadcast::channel::<u32>(1);
        let s = rx.into_stream();
        tx.send(1).unwrap();
        tx.send(2).unwrap();
        drop(tx);
        let items: Vec<Result<u32, broadcast::RecvError>> = s.collect().await;
        assert_eq!(items, vec![Err(broadcast::RecvError::Lagged(1)), Ok(2)]);
    });
}

#[test]
fn broadcast_auto_traits() {
    fn ss<T: Send + Sync>() {}
    ss::<broadcast::Sender<u32>>();
    ss::<broadcast::Receiver<u32>>();
    let (tx, _rx) = broadcast::channel::<u32>(1);
    let _tx2 = tx.clone();
}

#[test]
fn mutex_api() {
    run(async {
        let m = Mutex::new(1u32);
        {
            let mut g: MutexGuard<'_, u32> = m.lock().await;
            *g += 1;
            assert_eq!(format!("{}", g), "2");
            let _ = format!("{:?}", g);
            let e: TryLockError = m.try_lock().unwrap_err();
            assert_eq!(e.to_string(), "operation would block");
            assert!(format!("{:?}", m).contains("locked"), "{:?}", m);
        }
        assert_eq!(*m.try_lock().unwrap(), 2);
        let m = Arc::new(m);
        let g: OwnedMutexGuard<u32> = m.clone().lock_owned().await;
        assert!(m.clone().try_lock_owned().is_err());
        drop(g);
        let g = m.clone().try_lock_owned().unwrap();
        drop(g);
        let m = Arc::try_unwrap(m).unwrap();
        assert_eq!(m.into_inner(), 2);
        let m: Mutex<u32> = Mutex::from(5);
        let d: Mutex<u32> = Mutex::default();
        assert_eq!(*d.lock().await, 0);
        let _ = m;
    });
}

#[test]
fn rwlock_api() {
    run(async {
        let l = RwLock::new(vec![1u32, 2]);
        {
            let r1: RwLockReadGuard<'_, Vec<u32>> = l.read().await;
            let r2 = l.read().await;
            assert_eq!(r1.len() + r2.len(), 4);
        }
        {
            let mut w: RwLockWriteGuard<'_, Vec<u32>> = l.write().await;
            w.push(3);
        }
        let r = l.read().await;
        let first: RwLockReadGuard<'_, u32> = RwLockReadGuard::map(r, |v| &v[0]);
        assert_eq!(*first, 1);
        drop(first);
        let w = l.write().await;
        let mut last = RwLockWriteGuard::map(w, |v| v.last_mut().unwrap());
        *last = 30;
        drop(last);
        let r = l.read().await;
        let r = RwLockReadGuard::try_map(r, |v| v.get(10)).unwrap_err();
        drop(r);
        assert_eq!(l.into_inner(), vec![1, 2, 30]);
        let _: RwLock<u32> = RwLock::from(1);
        let _: RwLock<u32> = RwLock::default();
    });
}

#[test]
fn rwlock_max_32_readers() {
    run(async {
        let l = RwLock::new(0u32);
        let mut guards = Vec::new();
        for _ in 0..32 {
            guards.push(l.read().await);
        }
        let r = tokio::time::timeout(Duration::from_millis(20), l.read()).await;
        assert!(r.is_err(), "33rd reader must wait in 0.2");
        drop(guards);
    });
}

#[test]
fn semaphore_acquire_returns_permit() {
    run(async {
        let s = Semaphore::new(2);
        let p: SemaphorePermit<'_> = s.acquire().await;
        assert_eq!(s.available_permits(), 1);
        let p2 = s.try_acquire().unwrap();
        assert!(s.try_acquire().is_err());
        let _ = format!("{:?}", s.try_acquire().unwrap_err());
        drop(p);
        assert_eq!(s.available_permits(), 1);
        p2.forget();
        assert_eq!(s.available_permits(), 1);
        s.add_permits(2);
        assert_eq!(s.available_permits(), 3);
        let s = Arc::new(s);
        let op: OwnedSemaphorePermit = s.clone().acquire_owned().await;
        let op2 = s.clone().try_acquire_owned().unwrap();
        assert_eq!(s.available_permits(), 1);
        drop(op);
        op2.forget();
        assert_eq!(s.available_permits(), 2);
        let _ = format!("{:?}", s);
    });
}

#[test]
fn semaphore_max_permits_panics() {
    let msg = panic_msg(|| Semaphore::new(usize::MAX));
    assert!(
        msg.starts_with("a semaphore may not have more than MAX_PERMITS permits"),
        "{}",
        msg
    );
}

#[test]
fn notify_0_2_api() {
    run(async {
        let n = Arc::new(Notify::new());
        n.notify();
        n.notify();
        n.notified().await; // one stored permit
        let r = tokio::time::timeout(Duration::from_millis(20), n.notified()).await;
        assert!(r.is_err(), "notify() calls must coalesce into one permit");
        let n2 = n.clone();
        let h = tokio::spawn(async move {
            n2.notified().await;
            1
        });
        tokio::task::yield_now().await;
        n.notify();
        assert_eq!(h.await.unwrap(), 1);
        let _ = format!("{:?}", Notify::default());
    });
}

#[test]
fn barrier_api() {
    run(async {
        let b = Arc::new(Barrier::new(3));
        let mut hs = Vec::new();
        for _ in 0..3 {
            let b = b.clone();
            hs.push(tokio::spawn(async move { b.wait().await }));
        }
        let mut leaders = 0;
        for h in hs {
            let r: BarrierWaitResult = h.await.unwrap();
            let r2 = r.clone();
            let _ = format!("{:?}", r2);
            if r.is_leader() {
                leaders += 1;
            }
        }
        assert_eq!(leaders, 1);
        let b0 = Barrier::new(0);
        assert!(b0.wait().await.is_leader());
        let _ = format!("{:?}", b0);
    });
}

#[test]
fn sync_works_without_runtime() {
    let (mut tx, mut rx) = mpsc::channel::<u32>(1);
    futures::executor::block_on(async {
        tx.send(1).await.unwrap();
        assert_eq!(rx.recv().await, Some(1));
        let m = Mutex::new(0);
        *m.lock().await += 1;
        let s = Semaphore::new(1);
        let _p = s.acquire().await;
    });
}
