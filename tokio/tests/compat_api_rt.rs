//! tokio 0.2.25 compatibility audit of `tokio::runtime` and `tokio::task` (API-0.2.md §3,
//! §4, §13): signatures (`block_on(&mut self)`, closure `enter`), trait impls, error texts.
#![allow(
    clippy::unused_io_amount,
    clippy::type_complexity,
    clippy::let_underscore_future,
    deprecated,
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

use std::any::Any;
use std::fmt::{Debug, Display};
use std::future::Future;
use std::time::Duration;

use tokio::runtime::{Builder, Handle, Runtime, TryCurrentError};
use tokio::task::{JoinError, JoinHandle, LocalSet};

fn is_debug<T: Debug>() {}
fn is_clone<T: Clone>() {}
fn is_send_sync<T: Send + Sync>() {}

fn panic_text(p: Box<dyn Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn runtime_signatures() {
    is_debug::<Runtime>();
    is_debug::<Builder>();
    is_debug::<Handle>();
    is_clone::<Handle>();
    is_send_sync::<Runtime>();
    is_send_sync::<Handle>();
    let _: fn() -> std::io::Result<Runtime> = Runtime::new;
    // 0.2 takes `&mut self`; the 1.x `&self` form accepts every 0.2 call (`rt.block_on(..)`).
    let mut rt = Runtime::new().unwrap();
    let _: u8 = Runtime::block_on(&mut rt, async { 1 });
    drop(rt);
    let _: fn(&Runtime, fn() -> u8) -> u8 = Runtime::enter;
    let _: fn(&Runtime) -> &Handle = Runtime::handle;
    let _: fn(Runtime, Duration) = Runtime::shutdown_timeout;
    let _: fn(Runtime) = Runtime::shutdown_background;
    let _: fn(&Runtime, std::future::Ready<u8>) -> JoinHandle<u8> = Runtime::spawn;
    let _: fn(&Handle, fn() -> u8) -> u8 = Handle::enter;
    let _: fn() -> Handle = Handle::current;
    let _: fn() -> Result<Handle, TryCurrentError> = Handle::try_current;
    let _: fn(&Handle, std::future::Ready<u8>) -> JoinHandle<u8> = Handle::spawn;
    let _: fn(&Handle, std::future::Ready<u8>) -> u8 = Handle::block_on;
    let _: fn(&Handle, fn() -> u8) -> JoinHandle<u8> = Handle::spawn_blocking;

    let _: fn() -> Builder = Builder::new;
    let _: Builder = Default::default();
    let mut b = Builder::new();
    let _: &mut Builder = b
        .enable_all()
        .enable_io()
        .enable_time()
        .basic_scheduler()
        .threaded_scheduler()
        .core_threads(2)
        .num_threads(2)
        .max_threads(8)
        .thread_name("x")
        .thread_name(String::from("y"))
        .thread_stack_size(1 << 20)
        .on_thread_start(|| {})
        .on_thread_stop(|| {});
    let rt: std::io::Result<Runtime> = b.build();
    drop(rt.unwrap());
}

#[test]
fn try_current_error() {
    let e: TryCurrentError = Handle::try_current().unwrap_err();
    fn err<T: std::error::Error + Debug + Display>() {}
    err::<TryCurrentError>();
    assert_eq!(e.to_string(), "no tokio Runtime has been initialized");
    let p = std::panic::catch_unwind(Handle::current).unwrap_err();
    assert!(panic_text(p).contains("not currently running on a Tokio 0.2.x runtime."));
}

#[test]
fn shell_runtime_from_builder_new() {
    let mut rt = Builder::new().build().unwrap();
    assert_eq!(rt.block_on(async { 3 }), 3);
    let p = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rt.block_on(async { tokio::spawn(async {}) });
    }))
    .unwrap_err();
    assert!(
        panic_text(p).contains("spawning not enabled for runtime"),
        "tokio::spawn on a shell runtime"
    );
}

#[test]
fn spawn_outside_runtime_panics_with_02_text() {
    let p = std::panic::catch_unwind(|| tokio::spawn(async {})).unwrap_err();
    assert!(panic_text(p).contains(
        "must be called from the context of a Tokio 0.2.x runtime configured with either `basic_scheduler` or `threaded_scheduler`"
    ));
}

#[test]
fn enter_closure_and_handle() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let h = rt.handle().clone();
    let jh = rt.enter(|| tokio::spawn(async { 4 }));
    assert_eq!(rt.block_on(jh).unwrap(), 4);
    let got = h.enter(|| Handle::current().spawn(async { 5 }));
    assert_eq!(rt.block_on(got).unwrap(), 5);
    let jh = rt.spawn(async { 6 });
    assert_eq!(rt.block_on(jh).unwrap(), 6);
    let jh = h.spawn_blocking(|| 7);
    assert_eq!(rt.block_on(jh).unwrap(), 7);
    rt.shutdown_timeout(Duration::from_millis(100));
}

#[test]
fn task_functions_and_join_error() {
    let mut rt = Runtime::new().unwrap();
    rt.block_on(async {
        let _: fn(std::future::Ready<u8>) -> JoinHandle<u8> = tokio::spawn;
        let _: fn(std::future::Ready<u8>) -> JoinHandle<u8> = tokio::task::spawn;
        let _: fn(fn() -> u8) -> JoinHandle<u8> = tokio::task::spawn_blocking;
        let _: fn(fn() -> u8) -> u8 = tokio::task::block_in_place;
        is_debug::<JoinHandle<u8>>();
        is_send_sync::<JoinHandle<u8>>();
        fn unpin<T: Unpin + Future<Output = Result<u8, JoinError>>>() {}
        unpin::<JoinHandle<u8>>();
        tokio::task::yield_now().await;
        assert_eq!(tokio::task::block_in_place(|| 1), 1);
        assert_eq!(tokio::task::spawn_blocking(|| 2).await.unwrap(), 2);

        let e: JoinError = tokio::spawn(async { panic!("boom") }).await.unwrap_err();
        assert!(e.is_panic());
        assert!(!e.is_cancelled());
        assert_eq!(e.to_string(), "panic");
        assert!(format!("{:?}", e).starts_with("JoinError::Panic("));
        let p: Box<dyn Any + Send + 'static> = e.into_panic();
        assert_eq!(panic_text(p), "boom");
        let e = tokio::spawn(async { panic!("x") }).await.unwrap_err();
        let r: Result<Box<dyn Any + Send>, JoinError> = e.try_into_panic();
        assert!(r.is_ok());
        let io: std::io::Error = tokio::spawn(async { panic!("y") })
            .await
            .unwrap_err()
            .into();
        assert_eq!(io.kind(), std::io::ErrorKind::Other);
        assert_eq!(io.to_string(), "task panicked");
        fn err<T: std::error::Error>() {}
        err::<JoinError>();
        let c = JoinError::cancelled();
        assert!(c.is_cancelled());
        assert_eq!(c.to_string(), "cancelled");
        assert_eq!(format!("{:?}", c), "JoinError::Cancelled");
        let io: std::io::Error = c.into();
        assert_eq!(io.to_string(), "task was cancelled");
        let c = JoinError::cancelled();
        let p =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.into_panic())).unwrap_err();
        assert!(panic_text(p).contains("`JoinError` reason is not a panic."));
        let _ = JoinError::panic(Box::new(1u8));
    });
}

#[test]
fn local_set() {
    is_debug::<LocalSet>();
    let _: LocalSet = Default::default();
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let ls = LocalSet::new();
    let rc = std::rc::Rc::new(3);
    let rc2 = rc.clone();
    let jh: JoinHandle<u8> = ls.spawn_local(async move { *rc2 as u8 });
    let v = ls.block_on(&mut rt, async move { jh.await.unwrap() });
    assert_eq!(v, 3);
    let v = rt.block_on(ls.run_until(async {
        let rc = std::rc::Rc::new(4u8);
        tokio::task::spawn_local(async move { *rc }).await.unwrap()
    }));
    assert_eq!(v, 4);
    ls.spawn_local(async {});
    rt.block_on(ls);
    let p = std::panic::catch_unwind(|| {
        let _ = tokio::task::spawn_local(async {});
    })
    .unwrap_err();
    assert!(panic_text(p).contains("`spawn_local` called from outside of a `task::LocalSet`"));
}

#[test]
fn nested_block_on_panics() {
    let mut rt = Runtime::new().unwrap();
    let h = rt.handle().clone();
    let p = rt
        .block_on(async move {
            tokio::spawn(async move {
                h.block_on(async {});
            })
            .await
        })
        .unwrap_err();
    assert!(panic_text(p.into_panic()).contains("Cannot start a runtime from within a runtime."));
}
