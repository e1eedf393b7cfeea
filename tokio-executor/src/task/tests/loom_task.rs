//! Loom models of the task state machine: every interleaving of a poll, a wake, a
//! join-handle drop or poll, and an abort keeps the counts exact and frees the task.

use super::fixture::{Counts, DropCount, TestSched, Tracked};
use crate::loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::util::wake::{waker, Wake};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake_by_ref(this: &Arc<Self>) {
        this.0.store(true, SeqCst);
    }
}

/// Every task holds a clone of the scheduler: a count of 1 means all were freed.
fn assert_all_freed(s: TestSched) {
    assert_eq!(Arc::strong_count(&s.0), 1);
}

#[test]
fn loom_wake_while_running_repolls_once() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let h = s.spawn(Tracked::new(&c, usize::MAX, ()));
        s.run();
        let w = c.take_waker();
        w.wake_by_ref();
        let s2 = s.clone();
        let th = thread::spawn(move || {
            s2.run();
        });
        w.wake();
        th.join().unwrap();
        s.run();
        assert_eq!(c.polls(), 1 + s.schedules());
        assert!(c.polls() == 2 || c.polls() == 3);
        assert_eq!(s.queued(), 0);
        drop(c.waker.lock().unwrap().take());
        s.shutdown();
        assert_eq!(c.drops(), 1);
        drop(h);
        assert_all_freed(s);
    });
}

#[test]
fn loom_wake_after_completion() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let h = s.spawn(Tracked::new(&c, 1, ()));
        s.run();
        let w = c.take_waker();
        let w2 = w.clone();
        w.wake_by_ref();
        let s2 = s.clone();
        let th = thread::spawn(move || {
            s2.run();
        });
        w2.wake();
        th.join().unwrap();
        s.run();
        drop(w);
        assert_eq!(c.polls(), 2);
        assert_eq!(c.drops(), 1);
        drop(h);
        s.shutdown();
        assert_all_freed(s);
    });
}

#[test]
fn loom_join_handle_dropped_while_running() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let out = Arc::new(AtomicUsize::new(0));
        let h = s.spawn(Tracked::new(&c, 0, DropCount(out.clone())));
        let s2 = s.clone();
        let th = thread::spawn(move || {
            s2.run();
        });
        drop(h);
        th.join().unwrap();
        assert_eq!(out.load(SeqCst), 1);
        assert_eq!(c.drops(), 1);
        s.shutdown();
        assert_all_freed(s);
    });
}

/// The handle registers its waker (`Pending`: the task has not run), then is dropped while
/// another thread runs the task to completion: the output is dropped exactly once whichever
/// side gets there first, and the registered join waker is released either way.
#[test]
fn loom_join_handle_dropped_after_registering_waker() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let out = Arc::new(AtomicUsize::new(0));
        let mut h = s.spawn(Tracked::new(&c, 0, DropCount(out.clone())));
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let wk = waker(flag.clone());
        let mut cx = Context::from_waker(&wk);
        assert!(Pin::new(&mut h).poll(&mut cx).is_pending());
        drop(wk);
        let s2 = s.clone();
        let th = thread::spawn(move || {
            s2.run();
        });
        drop(h);
        th.join().unwrap();
        assert_eq!(out.load(SeqCst), 1, "output dropped other than once");
        assert_eq!(c.drops(), 1);
        assert_eq!(Arc::strong_count(&flag), 1, "join waker leaked");
        s.shutdown();
        assert_all_freed(s);
    });
}

#[test]
fn loom_join_handle_polled_while_completing() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let mut h = s.spawn(Tracked::new(&c, 0, 5u8));
        let s2 = s.clone();
        let th = thread::spawn(move || {
            s2.run();
        });
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let wk = waker(flag.clone());
        let mut cx = Context::from_waker(&wk);
        let first = Pin::new(&mut h).poll(&mut cx);
        th.join().unwrap();
        match first {
            Poll::Ready(r) => assert_eq!(r.unwrap(), 5),
            Poll::Pending => {
                assert!(flag.0.load(SeqCst), "join waker not woken");
                match Pin::new(&mut h).poll(&mut cx) {
                    Poll::Ready(r) => assert_eq!(r.unwrap(), 5),
                    Poll::Pending => panic!("complete task still pending"),
                }
            }
        }
        drop(h);
        s.shutdown();
        assert_all_freed(s);
    });
}

#[test]
fn loom_abort_while_scheduled() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let mut h = s.spawn(Tracked::new(&c, usize::MAX, ()));
        let th = thread::spawn({
            let s = s.clone();
            move || {
                s.run();
            }
        });
        h.abort();
        th.join().unwrap();
        s.run();
        assert!(c.polls() <= 1);
        assert_eq!(c.drops(), 1);
        let wk = waker(Arc::new(Flag(AtomicBool::new(false))));
        let mut cx = Context::from_waker(&wk);
        match Pin::new(&mut h).poll(&mut cx) {
            Poll::Ready(Err(e)) => assert!(e.is_cancelled()),
            _ => panic!("expected a cancelled task"),
        }
        drop(c.waker.lock().unwrap().take());
        drop(h);
        s.shutdown();
        assert_all_freed(s);
    });
}

#[test]
fn loom_shutdown_while_woken() {
    loom::model(|| {
        let s = TestSched::new();
        let c = Counts::default();
        let h = s.spawn(Tracked::new(&c, usize::MAX, ()));
        s.run();
        let w = c.take_waker();
        let th = thread::spawn(move || w.wake());
        s.shutdown();
        th.join().unwrap();
        s.shutdown();
        assert_eq!(c.drops(), 1);
        assert!(c.polls() == 1);
        drop(h);
        assert_all_freed(s);
    });
}
