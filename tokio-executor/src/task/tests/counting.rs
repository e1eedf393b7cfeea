use super::fixture::{Counts, DropCount, TestSched, Tracked};
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use futures::task::noop_waker;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

fn poll_join<T>(h: &mut crate::task::JoinHandle<T>) -> Poll<Result<T, crate::task::JoinError>> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    Pin::new(h).poll(&mut cx)
}

#[test]
fn runs_once_and_drops_once() {
    let s = TestSched::new();
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 0, 7));
    assert!(poll_join(&mut h).is_pending());
    assert_eq!(s.run(), 1);
    assert_eq!((c.polls(), c.drops()), (1, 1));
    assert!(matches!(poll_join(&mut h), Poll::Ready(Ok(7))));
    assert_eq!(s.schedules(), 0);
}

#[test]
fn wake_while_idle_schedules_once() {
    let s = TestSched::new();
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 1, ()));
    s.run();
    assert_eq!(c.polls(), 1);
    let w = c.take_waker();
    w.wake_by_ref();
    w.wake_by_ref();
    assert_eq!(s.schedules(), 1);
    w.wake();
    assert_eq!(s.schedules(), 1);
    assert_eq!(s.run(), 1);
    assert_eq!((c.polls(), c.drops()), (2, 1));
    assert!(poll_join(&mut h).is_ready());
}

#[test]
fn wake_while_running_repolls_once() {
    let s = TestSched::new();
    let c = Counts::default();
    let mut f = Tracked::new(&c, 2, ());
    f.wake_self = true;
    let mut h = s.spawn(f);
    assert_eq!(s.run(), 3);
    assert_eq!(s.schedules(), 2);
    assert_eq!((c.polls(), c.drops()), (3, 1));
    assert!(matches!(poll_join(&mut h), Poll::Ready(Ok(()))));
}

#[test]
fn wake_after_completion_is_noop() {
    let s = TestSched::new();
    let c = Counts::default();
    let h = s.spawn(Tracked::new(&c, 1, ()));
    s.run();
    let w = c.take_waker();
    let w2 = w.clone();
    w.wake_by_ref();
    s.run();
    assert_eq!(c.drops(), 1);
    w2.wake();
    w.wake();
    assert_eq!(s.queued(), 0);
    assert_eq!(s.schedules(), 1);
    drop(h);
}

#[test]
fn detached_output_dropped_once() {
    let s = TestSched::new();
    let out = Arc::new(AtomicUsize::new(0));
    let c = Counts::default();
    let h = s.spawn(Tracked::new(&c, 0, DropCount(out.clone())));
    drop(h);
    s.run();
    assert_eq!(out.load(SeqCst), 1);
    assert_eq!(c.drops(), 1);
}

#[test]
fn unread_output_dropped_with_handle() {
    let s = TestSched::new();
    let out = Arc::new(AtomicUsize::new(0));
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 0, DropCount(out.clone())));
    assert!(poll_join(&mut h).is_pending());
    s.run();
    assert_eq!(out.load(SeqCst), 0);
    drop(h);
    assert_eq!(out.load(SeqCst), 1);
}

#[test]
fn abort_idle_task() {
    let s = TestSched::new();
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 5, ()));
    s.run();
    assert_eq!(c.polls(), 1);
    h.abort();
    assert_eq!(s.schedules(), 1);
    s.run();
    assert_eq!((c.polls(), c.drops()), (1, 1));
    match poll_join(&mut h) {
        Poll::Ready(Err(e)) => assert!(e.is_cancelled()),
        _ => panic!("expected cancellation"),
    }
    drop(c.take_waker());
}

#[test]
fn abort_queued_task_never_polls() {
    let s = TestSched::new();
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 0, ()));
    h.abort();
    h.abort();
    assert_eq!(s.schedules(), 0);
    s.run();
    assert_eq!((c.polls(), c.drops()), (0, 1));
    assert!(matches!(poll_join(&mut h), Poll::Ready(Err(ref e)) if e.is_cancelled()));
}

#[test]
fn panic_is_caught() {
    let s = TestSched::new();
    let mut h = s.spawn(async { panic!("boom") });
    s.run();
    match poll_join(&mut h) {
        Poll::Ready(Err(e)) => {
            assert!(e.is_panic());
            let p = e.into_panic();
            assert_eq!(*p.downcast_ref::<&str>().unwrap(), "boom");
        }
        _ => panic!("expected panic"),
    }
}

#[test]
fn shutdown_drops_idle_and_queued() {
    let s = TestSched::new();
    let idle = Counts::default();
    let queued = Counts::default();
    let mut h1 = s.spawn(Tracked::new(&idle, 3, ()));
    s.run();
    let h2 = s.spawn(Tracked::new(&queued, 3, ()));
    let w = idle.take_waker();
    s.shutdown();
    assert_eq!((idle.polls(), idle.drops()), (1, 1));
    assert_eq!((queued.polls(), queued.drops()), (0, 1));
    assert!(matches!(poll_join(&mut h1), Poll::Ready(Err(ref e)) if e.is_cancelled()));
    w.wake();
    assert_eq!(s.queued(), 0);
    drop(h2);
    // Spawning after shutdown cancels at once.
    let late = Counts::default();
    let mut h3 = s.spawn(Tracked::new(&late, 0, ()));
    assert_eq!((late.polls(), late.drops()), (0, 1));
    assert!(matches!(poll_join(&mut h3), Poll::Ready(Err(ref e)) if e.is_cancelled()));
}

#[test]
fn join_waker_is_woken() {
    use futures::task::ArcWake;
    struct Flag(AtomicUsize);
    impl ArcWake for Flag {
        fn wake_by_ref(arc_self: &std::sync::Arc<Self>) {
            arc_self.0.fetch_add(1, SeqCst);
        }
    }
    let flag = std::sync::Arc::new(Flag(AtomicUsize::new(0)));
    let waker = futures::task::waker(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let s = TestSched::new();
    let c = Counts::default();
    let mut h = s.spawn(Tracked::new(&c, 0, 1u8));
    assert!(Pin::new(&mut h).poll(&mut cx).is_pending());
    assert!(Pin::new(&mut h).poll(&mut cx).is_pending());
    s.run();
    assert_eq!(flag.0.load(SeqCst), 1);
    assert!(matches!(Pin::new(&mut h).poll(&mut cx), Poll::Ready(Ok(1))));
}

#[test]
fn task_allocation_is_small() {
    use std::mem::size_of;
    // Header: state + vtable + two links + the worker-list owner.
    assert_eq!(
        size_of::<super::super::raw::Header>(),
        5 * size_of::<usize>()
    );
}
