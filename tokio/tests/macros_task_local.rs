//! `task_local!` / `LocalKey`: scope, with, try_with, get, nesting, isolation, panics.
#![cfg(all(feature = "rt-core", feature = "rt-util"))]

use futures::executor::block_on;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

tokio::task_local! {
    static NUMBER: u32;

    /// Attributes and visibility are accepted.
    pub static NAME: String;
}

tokio::task_local! {
    static SINGLE: u8
}

/// Pending once (waking itself), then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[test]
fn scope_with_get() {
    let out = block_on(NUMBER.scope(5, async {
        assert_eq!(NUMBER.get(), 5);
        YieldOnce(false).await;
        NUMBER.with(|n| *n * 2)
    }));
    assert_eq!(out, 10);
    let len = block_on(NAME.scope("abc".to_string(), async { NAME.with(|s| s.len()) }));
    assert_eq!(len, 3);
    assert_eq!(block_on(SINGLE.scope(1, async { SINGLE.get() })), 1);
}

#[test]
fn nested_scopes_restore_the_outer_value() {
    block_on(NUMBER.scope(1, async {
        assert_eq!(NUMBER.get(), 1);
        let inner = NUMBER.scope(2, async {
            YieldOnce(false).await;
            NUMBER.get()
        });
        assert_eq!(inner.await, 2);
        assert_eq!(NUMBER.get(), 1);
    }));
    assert!(NUMBER.try_with(|_| ()).is_err());
}

#[test]
fn value_is_only_visible_while_polling_the_scope() {
    let mut fut = Box::pin(NUMBER.scope(3, async {
        YieldOnce(false).await;
        NUMBER.get()
    }));
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(fut.as_mut().poll(&mut cx).is_pending());
    // Between polls the value is back inside the scope future.
    assert!(NUMBER.try_with(|_| ()).is_err());
    assert_eq!(fut.as_mut().poll(&mut cx), Poll::Ready(3));
}

#[test]
fn try_with_error_display() {
    let err = NUMBER.try_with(|n| *n).unwrap_err();
    assert_eq!(err.to_string(), "task-local value not set");
    let copy = err;
    assert_eq!(copy, err);
    let _: &dyn std::error::Error = &err;
    assert!(format!("{:?}", err).contains("AccessError"));
}

#[test]
#[should_panic(
    expected = "cannot access a Task Local Storage value without setting it via `LocalKey::set`"
)]
fn with_outside_scope_panics() {
    NUMBER.with(|_| ());
}

#[test]
fn panic_inside_scope_restores_the_slot() {
    let result = std::panic::catch_unwind(|| {
        block_on(NUMBER.scope(9, async { panic!("inner") }));
    });
    assert!(result.is_err());
    assert!(NUMBER.try_with(|_| ()).is_err());
}

#[test]
fn debug_and_runtime_tasks() {
    assert_eq!(format!("{:?}", NUMBER), "LocalKey { .. }");
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .build()
        .unwrap();
    let out = rt.block_on(async {
        let a = tokio::spawn(NUMBER.scope(1, async {
            tokio::task::yield_now().await;
            NUMBER.get()
        }));
        let b = tokio::spawn(NUMBER.scope(2, async {
            tokio::task::yield_now().await;
            NUMBER.get()
        }));
        (a.await.unwrap(), b.await.unwrap())
    });
    assert_eq!(out, (1, 2));
}

#[test]
fn auto_traits() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    send_sync(&NUMBER);
    let err = NUMBER.try_with(|_| ()).unwrap_err();
    send_sync(&err);
    let scoped = NUMBER.scope(1, async { NUMBER.get() });
    send(&scoped);
    assert_eq!(block_on(scoped), 1);
}
