//! tokio 0.2.25 compatibility audit of `tokio::sync` (API-0.2.md §7): receiver kinds,
//! signatures, error types with their Display texts, and auto traits.
#![allow(
    clippy::unused_io_amount,
    clippy::type_complexity,
    clippy::let_underscore_future,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::unnecessary_mut_passed,
    clippy::async_yields_async,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
    clippy::drop_non_drop,
    clippy::eq_op,
    clippy::bool_assert_comparison,
    clippy::clone_on_copy,
    clippy::redundant_clone,
    clippy::unit_cmp,
    clippy::op_ref,
    clippy::identity_op,
    clippy::needless_return,
    clippy::manual_async_fn,
    clippy::useless_conversion,
    clippy::needless_borrow,
    clippy::explicit_auto_deref,
    clippy::unnecessary_literal_unwrap,
    clippy::bind_instead_of_map,
    clippy::zero_prefixed_literal,
    clippy::map_identity,
    clippy::let_underscore_lock
)]

use std::error::Error;
use std::fmt::{Debug, Display};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{
    broadcast, mpsc, oneshot, watch, Barrier, BarrierWaitResult, Mutex, MutexGuard, Notify,
    OwnedMutexGuard, OwnedSemaphorePermit, RwLock, RwLockReadGuard, RwLockWriteGuard, Semaphore,
    SemaphorePermit, TryLockError,
};

fn is_debug<T: Debug>() {}
fn is_clone<T: Clone>() {}
fn is_error<T: Error + Display + Debug>() {}
fn is_send_sync<T: Send + Sync>() {}
fn is_send<T: Send>() {}
fn is_unpin<T: Unpin>() {}
fn is_fut<F: Future<Output = O>, O>(_: &F) {}

#[tokio::test]
async fn mpsc_api() {
    let _: fn(usize) -> (mpsc::Sender<u8>, mpsc::Receiver<u8>) = mpsc::channel::<u8>;
    let _: fn() -> (mpsc::UnboundedSender<u8>, mpsc::UnboundedReceiver<u8>) =
        mpsc::unbounded_channel::<u8>;
    is_clone::<mpsc::Sender<u8>>();
    is_clone::<mpsc::UnboundedSender<u8>>();
    is_debug::<(mpsc::Sender<u8>, mpsc::Receiver<u8>)>();
    is_debug::<(mpsc::UnboundedSender<u8>, mpsc::UnboundedReceiver<u8>)>();
    is_send_sync::<(mpsc::Sender<u8>, mpsc::Receiver<u8>)>();
    is_send_sync::<(mpsc::UnboundedSender<u8>, mpsc::UnboundedReceiver<u8>)>();
    is_unpin::<mpsc::Receiver<std::marker::PhantomPinned>>();

    let (mut tx, mut rx) = mpsc::channel::<u8>(1);
    let f = tx.send(1);
    is_fut::<_, Result<(), mpsc::error::SendError<u8>>>(&f);
    f.await.unwrap();
    let e: mpsc::error::TrySendError<u8> = tx.try_send(2).unwrap_err();
    assert!(matches!(e, mpsc::error::TrySendError::Full(2)));
    assert_eq!(e.to_string(), "no available capacity");
    let f = rx.recv();
    is_fut::<_, Option<u8>>(&f);
    assert_eq!(f.await, Some(1));
    let r: Result<u8, mpsc::error::TryRecvError> = rx.try_recv();
    assert_eq!(r, Err(mpsc::error::TryRecvError::Empty));
    assert_eq!(
        mpsc::error::TryRecvError::Empty.to_string(),
        "channel empty"
    );
    assert_eq!(
        mpsc::error::TryRecvError::Closed.to_string(),
        "channel closed"
    );
    let p: std::task::Poll<Result<(), mpsc::error::ClosedError>> =
        futures::future::poll_fn(|cx| std::task::Poll::Ready(tx.poll_ready(cx))).await;
    assert!(p.is_ready());
    assert!(tx.disarm());
    assert!(!tx.disarm());
    let _ = futures::future::poll_fn(|cx| std::task::Poll::Ready(rx.poll_recv(cx))).await;
    let r = tx.send_timeout(3, Duration::from_millis(10)).await;
    assert!(r.is_ok());
    let r = tx.send_timeout(4, Duration::from_millis(10)).await;
    match r {
        Err(mpsc::error::SendTimeoutError::Timeout(4)) => {}
        other => panic!("{:?}", other),
    }
    assert_eq!(
        mpsc::error::SendTimeoutError::Timeout(0u8).to_string(),
        "timed out waiting on send operation"
    );
    assert_eq!(
        mpsc::error::SendTimeoutError::Closed(0u8).to_string(),
        "channel closed"
    );
    rx.close();
    let e: mpsc::error::SendError<u8> = tx.send(9).await.unwrap_err();
    assert_eq!(e.0, 9);
    assert_eq!(e.to_string(), "channel closed");
    let c: mpsc::error::TrySendError<u8> = e.into();
    assert!(matches!(c, mpsc::error::TrySendError::Closed(9)));
    assert_eq!(c.to_string(), "channel closed");
    is_error::<mpsc::error::SendError<u8>>();
    is_error::<mpsc::error::TrySendError<u8>>();
    is_error::<mpsc::error::RecvError>();
    is_error::<mpsc::error::TryRecvError>();
    is_error::<mpsc::error::ClosedError>();
    is_error::<mpsc::error::SendTimeoutError<u8>>();

    let (utx, mut urx) = mpsc::unbounded_channel::<u8>();
    let r: Result<(), mpsc::error::SendError<u8>> = utx.send(1);
    r.unwrap();
    assert_eq!(urx.recv().await, Some(1));
    assert!(urx.try_recv().is_err());
    let _ = futures::future::poll_fn(|cx| std::task::Poll::Ready(urx.poll_recv(cx))).await;
    urx.close();
}

#[tokio::test]
async fn oneshot_api() {
    let _: fn() -> (oneshot::Sender<u8>, oneshot::Receiver<u8>) = oneshot::channel::<u8>;
    is_debug::<(oneshot::Sender<u8>, oneshot::Receiver<u8>)>();
    is_send_sync::<(oneshot::Sender<u8>, oneshot::Receiver<u8>)>();
    fn fut<F: Future<Output = Result<u8, oneshot::error::RecvError>> + Unpin>() {}
    fut::<oneshot::Receiver<u8>>();
    let (tx, rx) = oneshot::channel::<u8>();
    assert!(!tx.is_closed());
    let r: Result<(), u8> = tx.send(1);
    r.unwrap();
    assert_eq!(rx.await, Ok(1));

    let (mut tx, mut rx) = oneshot::channel::<u8>();
    assert_eq!(rx.try_recv(), Err(oneshot::error::TryRecvError::Empty));
    rx.close();
    tx.closed().await;
    let _: std::task::Poll<()> =
        futures::future::poll_fn(|cx| std::task::Poll::Ready(tx.poll_closed(cx))).await;
    assert!(tx.is_closed());
    assert_eq!(tx.send(3), Err(3));
    let (tx, rx) = oneshot::channel::<u8>();
    drop(tx);
    let e: oneshot::error::RecvError = rx.await.unwrap_err();
    assert_eq!(e.to_string(), "channel closed");
    assert_eq!(
        oneshot::error::TryRecvError::Closed.to_string(),
        "channel closed"
    );
    assert_eq!(
        oneshot::error::TryRecvError::Empty.to_string(),
        "channel empty"
    );
    is_error::<oneshot::error::RecvError>();
    is_error::<oneshot::error::TryRecvError>();
    fn eq<T: Eq>() {}
    eq::<oneshot::error::RecvError>();
    eq::<oneshot::error::TryRecvError>();
}

#[tokio::test]
async fn watch_api() {
    let _: fn(u8) -> (watch::Sender<u8>, watch::Receiver<u8>) = watch::channel::<u8>;
    is_debug::<(watch::Sender<u8>, watch::Receiver<u8>)>();
    is_clone::<watch::Receiver<u8>>();
    is_send_sync::<(watch::Sender<u8>, watch::Receiver<u8>)>();
    let (mut tx, mut rx) = watch::channel(1u8);
    assert_eq!(rx.recv().await, Some(1));
    let r: Result<(), watch::error::SendError<u8>> = tx.broadcast(2);
    r.unwrap();
    {
        let b: watch::Ref<'_, u8> = rx.borrow();
        assert_eq!(*b, 2);
        is_debug::<watch::Ref<'_, u8>>();
    }
    assert_eq!(rx.recv().await, Some(2));
    let mut rx2 = rx.clone();
    drop(rx);
    let _ = futures::future::poll_fn(|cx| {
        let _ = rx2.poll_recv_ref(cx);
        std::task::Poll::Ready(())
    })
    .await;
    drop(rx2);
    tx.closed().await;
    let e = tx.broadcast(3).unwrap_err();
    assert_eq!(e.to_string(), "channel closed");
    is_error::<watch::error::SendError<u8>>();
    drop(tx);
}

#[tokio::test]
async fn broadcast_api() {
    let _: fn(usize) -> (broadcast::Sender<u8>, broadcast::Receiver<u8>) = broadcast::channel::<u8>;
    is_clone::<broadcast::Sender<u8>>();
    is_debug::<(broadcast::Sender<u8>, broadcast::Receiver<u8>)>();
    is_send_sync::<(broadcast::Sender<u8>, broadcast::Receiver<u8>)>();
    let (tx, mut rx) = broadcast::channel::<u8>(2);
    let n: Result<usize, broadcast::SendError<u8>> = tx.send(1);
    assert_eq!(n.unwrap(), 1);
    assert_eq!(tx.receiver_count(), 1);
    let mut rx2 = tx.subscribe();
    assert_eq!(rx.recv().await, Ok(1));
    for i in 0..3 {
        tx.send(i).unwrap();
    }
    let e = rx.try_recv().unwrap_err();
    assert_eq!(e, broadcast::TryRecvError::Lagged(1));
    assert_eq!(e.to_string(), "channel lagged by 1");
    assert_eq!(rx.recv().await, Ok(1));
    let e = rx2.recv().await.unwrap_err();
    assert_eq!(e, broadcast::RecvError::Lagged(1));
    assert_eq!(e.to_string(), "channel lagged by 1");
    assert_eq!(broadcast::RecvError::Closed.to_string(), "channel closed");
    assert_eq!(broadcast::TryRecvError::Empty.to_string(), "channel empty");
    assert_eq!(
        broadcast::TryRecvError::Closed.to_string(),
        "channel closed"
    );
    is_error::<broadcast::RecvError>();
    is_error::<broadcast::TryRecvError>();
    is_debug::<broadcast::SendError<u8>>();
    drop((rx, rx2));
    let e: broadcast::SendError<u8> = tx.send(5).unwrap_err();
    assert_eq!(e.0, 5);
    let rx = tx.subscribe();
    let _s = rx.into_stream();
}

#[tokio::test]
async fn mutex_api() {
    is_debug::<Mutex<u8>>();
    is_send_sync::<Mutex<u8>>();
    is_debug::<MutexGuard<'_, u8>>();
    is_debug::<OwnedMutexGuard<u8>>();
    fn disp<T: Display>() {}
    disp::<MutexGuard<'_, u8>>();
    disp::<OwnedMutexGuard<u8>>();
    let m: Mutex<u8> = Mutex::from(1);
    let d: Mutex<u8> = Default::default();
    let _ = d;
    {
        let mut g: MutexGuard<'_, u8> = m.lock().await;
        *g += 1;
        let e: TryLockError = m.try_lock().unwrap_err();
        assert_eq!(e.to_string(), "operation would block");
        is_error::<TryLockError>();
        assert!(format!("{:?}", m).contains("<locked>"));
    }
    assert_eq!(*m.try_lock().unwrap(), 2);
    let am = Arc::new(m);
    let og: OwnedMutexGuard<u8> = am.clone().lock_owned().await;
    assert!(am.clone().try_lock_owned().is_err());
    drop(og);
    let og = am.clone().try_lock_owned().unwrap();
    assert_eq!(format!("{}", og), "2");
    drop(og);
    let m = Arc::try_unwrap(am).unwrap();
    assert_eq!(m.into_inner(), 2);
    let dynm: &Mutex<dyn Debug> = &Mutex::new(5u8);
    let _ = dynm;
}

#[tokio::test]
async fn rwlock_api() {
    is_debug::<RwLock<u8>>();
    is_send_sync::<RwLock<u8>>();
    let l: RwLock<(u8, u8)> = RwLock::new((1, 2));
    let _: RwLock<u8> = RwLock::from(1);
    let _: RwLock<u8> = Default::default();
    {
        let r: RwLockReadGuard<'_, (u8, u8)> = l.read().await;
        let r2 = l.read().await;
        let m: RwLockReadGuard<'_, u8> = RwLockReadGuard::map(r, |t| &t.0);
        assert_eq!(*m, 1);
        let tm: Result<RwLockReadGuard<'_, u8>, _> = RwLockReadGuard::try_map(r2, |t| Some(&t.1));
        assert_eq!(*tm.unwrap(), 2);
    }
    {
        let w: RwLockWriteGuard<'_, (u8, u8)> = l.write().await;
        let mut m: RwLockWriteGuard<'_, u8> = RwLockWriteGuard::map(w, |t| &mut t.0);
        *m = 5;
        is_debug::<RwLockWriteGuard<'_, u8>>();
        fn disp<T: Display>() {}
        disp::<RwLockWriteGuard<'_, u8>>();
        disp::<RwLockReadGuard<'_, u8>>();
    }
    {
        let w = l.write().await;
        let r = RwLockWriteGuard::try_map(w, |_| None::<&mut u8>);
        assert!(r.is_err());
    }
    assert_eq!(l.into_inner(), (5, 2));
}

#[tokio::test]
async fn semaphore_notify_barrier_api() {
    is_debug::<Semaphore>();
    let s = Semaphore::new(2);
    assert_eq!(s.available_permits(), 2);
    let p: SemaphorePermit<'_> = s.acquire().await;
    is_debug::<SemaphorePermit<'_>>();
    let p2 = s.try_acquire().unwrap();
    assert!(s.try_acquire().is_err());
    let e = s.try_acquire().unwrap_err();
    assert!(!format!("{:?}", e).is_empty());
    p.forget();
    drop(p2);
    assert_eq!(s.available_permits(), 1);
    s.add_permits(1);
    let a = Arc::new(s);
    let op: OwnedSemaphorePermit = a.clone().acquire_owned().await;
    is_debug::<OwnedSemaphorePermit>();
    let op2 = a.clone().try_acquire_owned().unwrap();
    assert!(a.clone().try_acquire_owned().is_err());
    drop(op2);
    op.forget();
    assert_eq!(a.available_permits(), 1);

    is_debug::<Notify>();
    let n: Notify = Default::default();
    let n2 = Notify::new();
    drop(n2);
    n.notify();
    n.notify();
    n.notified().await;
    let pending = tokio::time::timeout(Duration::from_millis(10), n.notified()).await;
    assert!(pending.is_err(), "only one permit is stored");

    is_debug::<Barrier>();
    is_debug::<BarrierWaitResult>();
    is_clone::<BarrierWaitResult>();
    let b = Barrier::new(1);
    let r: BarrierWaitResult = b.wait().await;
    assert!(r.is_leader());
    let b0 = Barrier::new(0);
    assert!(b0.wait().await.is_leader());
}
