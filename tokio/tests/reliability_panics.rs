//! Panics everywhere user code runs: in `poll`, in the future's `Drop`, in the output's
//! `Drop`, in a `Waker::wake` that the runtime calls, and in a blocking closure. On both
//! schedulers, with and without `LocalSet`, with the `JoinHandle` dropped before the first
//! poll, after it, and after completion: the runtime stays usable, every object is dropped
//! exactly once, and the `JoinHandle` (when kept) reports the panic.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};
use tokio::task::LocalSet;

mod support;

fn runtimes() -> Vec<(&'static str, Runtime)> {
    vec![
        (
            "threaded",
            Builder::new()
                .threaded_scheduler()
                .core_threads(2)
                .enable_all()
                .build()
                .unwrap(),
        ),
        (
            "basic",
            Builder::new()
                .basic_scheduler()
                .enable_all()
                .build()
                .unwrap(),
        ),
    ]
}

/// Counts drops; optionally panics in its own `Drop`.
struct Obj {
    drops: Arc<AtomicUsize>,
    panic_on_drop: bool,
}

impl Drop for Obj {
    fn drop(&mut self) {
        self.drops.fetch_add(1, SeqCst);
        if self.panic_on_drop && !std::thread::panicking() {
            panic!("boom in drop");
        }
    }
}

fn obj(drops: &Arc<AtomicUsize>, panic_on_drop: bool) -> Obj {
    Obj {
        drops: drops.clone(),
        panic_on_drop,
    }
}

/// The runtime still spawns and completes work.
fn assert_usable(rt: &Runtime) {
    let v = rt.block_on(async {
        let a = tokio::spawn(async { 20 });
        let b = tokio::spawn(async {
            tokio::task::yield_now().await;
            22
        });
        a.await.unwrap() + b.await.unwrap()
    });
    assert_eq!(v, 42);
}

fn quiet<R>(f: impl FnOnce() -> R) -> R {
    let _serial = support::serial();
    // The panics these tests provoke are expected: keep them out of the output, but let
    // every other panic (a failed assertion) through to the default hook.
    let prev = std::sync::Arc::new(std::panic::take_hook());
    let inner = prev.clone();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if !(msg.contains("boom") || msg.contains("detached panic")) {
            inner(info);
        }
    }));
    let r = f();
    let _ = std::panic::take_hook();
    match std::sync::Arc::try_unwrap(prev) {
        Ok(prev) => std::panic::set_hook(prev),
        Err(_) => unreachable!("the hook holding the other reference was just taken"),
    }
    r
}

#[test]
fn panic_in_poll() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let drops = Arc::new(AtomicUsize::new(0));
            let o = obj(&drops, false);
            let err = rt
                .block_on(rt.spawn(async move {
                    let _o = o;
                    tokio::task::yield_now().await;
                    panic!("boom in poll");
                }))
                .expect_err(name);
            assert!(err.is_panic(), "{name}: {err:?}");
            let payload = err.into_panic();
            assert_eq!(
                payload.downcast_ref::<&str>(),
                Some(&"boom in poll"),
                "{name}"
            );
            assert_eq!(
                drops.load(SeqCst),
                1,
                "{name}: captured object dropped once"
            );
            assert_usable(&rt);
        }
    });
}

/// Completes on its second poll; its own `Drop` (run by the runtime once it completes or
/// is cancelled) panics.
struct DropPanics {
    _obj: Obj,
    polled: bool,
}

impl Future for DropPanics {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.polled {
            Poll::Ready(7)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[test]
fn panic_in_future_drop() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let drops = Arc::new(AtomicUsize::new(0));
            let fut = DropPanics {
                _obj: obj(&drops, true),
                polled: false,
            };
            let res = rt.block_on(rt.spawn(fut));
            // The future completed, then panicked while the runtime dropped it.
            let err = res.expect_err(name);
            assert!(err.is_panic(), "{name}: {err:?}");
            assert_eq!(drops.load(SeqCst), 1, "{name}");
            assert_usable(&rt);
        }
    });
}

#[test]
fn panic_in_output_drop_with_handle_dropped_after_completion() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let drops = Arc::new(AtomicUsize::new(0));
            let d = drops.clone();
            let handle = rt.spawn(async move { obj(&d, true) });
            // Wait until the task has completed (its output is stored in the task).
            rt.block_on(async {
                tokio::time::delay_for(Duration::from_millis(50)).await;
            });
            // Dropping the handle drops the stored output, which panics: contained.
            drop(handle);
            assert_eq!(drops.load(SeqCst), 1, "{name}: output dropped once");
            assert_usable(&rt);
        }
    });
}

#[test]
fn join_handle_dropped_before_and_after_first_poll() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let drops = Arc::new(AtomicUsize::new(0));
            // Before the first poll.
            let o = obj(&drops, false);
            drop(rt.spawn(async move {
                let _o = o;
                panic!("detached panic");
            }));
            // After the first poll.
            let o = obj(&drops, false);
            let h = rt.spawn(async move {
                let _o = o;
                tokio::time::delay_for(Duration::from_millis(20)).await;
                panic!("detached panic after a poll");
            });
            rt.block_on(tokio::task::yield_now());
            drop(h);
            rt.block_on(async {
                tokio::time::delay_for(Duration::from_millis(100)).await;
            });
            assert_eq!(drops.load(SeqCst), 2, "{name}");
            assert_usable(&rt);
        }
    });
}

/// A waker that panics when woken: the runtime calls it when the joined task completes.
fn panicking_waker() -> Waker {
    fn clone(_: *const ()) -> RawWaker {
        RawWaker::new(std::ptr::null(), &VTABLE)
    }
    fn wake(_: *const ()) {
        panic!("boom in wake");
    }
    fn drop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake, drop);
    // SAFETY: the vtable's functions ignore the data pointer, so a null pointer is valid.
    unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) }
}

#[test]
fn panic_inside_waker_wake() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let mut handle = rt.spawn(async {
                tokio::time::delay_for(Duration::from_millis(30)).await;
                5
            });
            // Poll the JoinHandle by hand with the panicking waker.
            let waker = panicking_waker();
            let mut cx = Context::from_waker(&waker);
            assert!(Pin::new(&mut handle).poll(&mut cx).is_pending(), "{name}");
            // The task completes on the runtime, which calls wake() and must survive it.
            rt.block_on(async {
                tokio::time::delay_for(Duration::from_millis(100)).await;
            });
            let out = rt.block_on(handle).unwrap();
            assert_eq!(out, 5, "{name}");
            assert_usable(&rt);
        }
    });
}

#[test]
fn panic_in_blocking_closure() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let err = rt
                .block_on(rt.handle().spawn_blocking(|| panic!("boom in blocking")))
                .expect_err(name);
            assert!(err.is_panic(), "{name}");
            let ok = rt.block_on(rt.handle().spawn_blocking(|| 9)).unwrap();
            assert_eq!(ok, 9, "{name}: the blocking pool keeps working");
            assert_usable(&rt);
        }
    });
}

#[test]
fn panics_inside_local_set() {
    quiet(|| {
        for (name, rt) in runtimes() {
            let local = LocalSet::new();
            let drops = Arc::new(AtomicUsize::new(0));
            let o = obj(&drops, false);
            let d = drops.clone();
            let (a, b) = local.block_on(&rt, async move {
                let a = tokio::task::spawn_local(async move {
                    let _o = o;
                    tokio::task::yield_now().await;
                    panic!("local boom");
                })
                .await;
                let b = tokio::task::spawn_local(async move {
                    let _o = obj(&d, true);
                    3
                })
                .await;
                (a, b)
            });
            assert!(a.expect_err(name).is_panic(), "{name}");
            assert!(b.expect_err(name).is_panic(), "{name}: drop panic reported");
            assert_eq!(drops.load(SeqCst), 2, "{name}");
            let v = local.block_on(&rt, async { tokio::task::spawn_local(async { 1 }).await });
            assert_eq!(v.unwrap(), 1, "{name}: LocalSet still usable");
            assert_usable(&rt);
        }
    });
}
