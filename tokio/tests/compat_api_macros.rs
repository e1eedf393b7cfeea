//! tokio 0.2.25 compatibility audit of the macros (API-0.2.md §2): `select!`, `join!`,
//! `try_join!`, `pin!`, `task_local!` and the hidden support paths their expansions use.
#![allow(
    clippy::unused_io_amount,
    clippy::let_unit_value,
    clippy::unit_arg,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
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

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

fn is_send<T: Send>(_: &T) {}

async fn ready_after_yield(v: u32) -> u32 {
    tokio::task::yield_now().await;
    v
}

#[tokio::test]
async fn select_forms() {
    // Trailing commas, block and expression handlers, `if` preconditions, `else`.
    let v = tokio::select! {
        a = async { 1u32 }, if true => a,
        b = ready_after_yield(2) => { b }
        else => 0,
    };
    assert!(v == 1 || v == 2);

    // All branches disabled by preconditions: `else` runs.
    let v = tokio::select! {
        a = async { 1u32 }, if false => a,
        else => 7,
    };
    assert_eq!(v, 7);

    // A completed output that does not match its pattern disables the branch.
    let v = tokio::select! {
        Some(x) = async { None::<u32> } => x,
        y = ready_after_yield(5) => y,
    };
    assert_eq!(v, 5);

    // `&mut fut` on an Unpin future, polled across iterations without being moved.
    let mut slow = Box::pin(ready_after_yield(9));
    let mut n = 0;
    loop {
        tokio::select! {
            v = &mut slow => { assert_eq!(v, 9); break; }
            _ = async {} => { n += 1; }
        }
    }
    assert!(n >= 1);

    // The value of select! is the handler value; handler may use `?` in the enclosing fn.
    async fn inner() -> Result<u32, &'static str> {
        let v = tokio::select! {
            r = async { Err::<u32, _>("bad") } => r?,
        };
        Ok(v)
    }
    assert_eq!(inner().await, Err("bad"));
}

#[tokio::test]
async fn select_in_spawned_task_is_send() {
    let fut = async {
        tokio::select! {
            a = ready_after_yield(1) => a,
            b = ready_after_yield(2) => b,
        }
    };
    is_send(&fut);
    let v = tokio::spawn(fut).await.unwrap();
    assert!(v == 1 || v == 2);
}

#[tokio::test]
async fn select_all_disabled_without_else_panics_unreachable() {
    let res = tokio::spawn(async {
        tokio::select! {
            a = async { 1u32 }, if false => a,
        }
    })
    .await;
    let err = res.unwrap_err();
    assert!(err.is_panic());
    let p = err.into_panic();
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap();
    assert!(
        msg.contains("internal error: entered unreachable code"),
        "{msg}"
    );
}

#[tokio::test]
async fn join_and_try_join() {
    let () = tokio::join!();
    let (a,) = tokio::join!(async { 1 });
    let (a2, b, c) = tokio::join!(async { a }, ready_after_yield(2), async { "c" },);
    assert_eq!((a2, b, c), (1, 2, "c"));

    let r: Result<(u32, &str), i32> = tokio::try_join!(async { Ok(1u32) }, async { Ok("x") });
    assert_eq!(r, Ok((1, "x")));
    let r: Result<(u32, u32), i32> = tokio::try_join!(async { Err::<u32, i32>(3) }, async {
        futures::future::pending::<Result<u32, i32>>().await
    },);
    assert_eq!(r, Err(3));
    let fut = async { tokio::join!(ready_after_yield(1), ready_after_yield(2)) };
    is_send(&fut);
}

#[tokio::test]
async fn pin_forms() {
    let a = ready_after_yield(1);
    let b = ready_after_yield(2);
    tokio::pin!(a, b);
    let _: Pin<&mut _> = a.as_mut();
    assert_eq!((&mut a).await + (&mut b).await, 3);
    tokio::pin! {
        let c = ready_after_yield(3);
        let d = async { 4 };
    }
    assert_eq!(c.as_mut().await + d.as_mut().await, 7);
}

tokio::task_local! {
    /// Doc attribute allowed.
    pub static NUM: u32;
    static NAME: String;
}

#[tokio::test]
async fn task_local_forms() {
    let v = NUM
        .scope(5, async {
            let got = NUM.get();
            let with = NUM.with(|v| *v + 1);
            let tw: Result<u32, _> = NUM.try_with(|v| *v + 2);
            (got, with, tw.unwrap())
        })
        .await;
    assert_eq!(v, (5, 6, 7));
    let name = NAME
        .scope("n".to_string(), async { NAME.with(|s| s.clone()) })
        .await;
    assert_eq!(name, "n");

    let err = NUM.try_with(|v| *v).unwrap_err();
    let e2 = err;
    assert_eq!(err, e2);
    assert_eq!(err.to_string(), "task-local value not set");
    fn is_error<E: std::error::Error + Clone + Copy + Eq + std::fmt::Debug>(_: &E) {}
    is_error(&err);
    let key: &'static tokio::task::LocalKey<u32> = &NUM;
    assert!(format!("{:?}", key).contains("LocalKey"));

    let p = std::panic::catch_unwind(|| NUM.with(|v| *v)).unwrap_err();
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap();
    assert!(
        msg.contains(
            "cannot access a Task Local Storage value without setting it via `LocalKey::set`"
        ),
        "{msg}"
    );
}

#[tokio::test]
async fn hidden_support_paths() {
    use tokio::macros::support;
    let n = support::thread_rng_n(10);
    assert!(n < 10);
    let f = support::poll_fn(|_cx: &mut Context<'_>| Poll::Ready(3u8));
    assert_eq!(f.await, 3);
    let md = support::maybe_done(async { 4u8 });
    tokio::pin!(md);
    (&mut md).await;
    assert_eq!(md.as_mut().output_mut().copied(), Some(4));
    assert_eq!(md.as_mut().take_output(), Some(4));
    let _: Option<tokio::future::MaybeDone<std::future::Ready<u8>>> = None;
    let _ = tokio::future::poll_fn(|_| Poll::Ready(()));
    let _ = tokio::future::maybe_done(async {});
    fn _f<F: support::Future>(_: support::Pin<&mut F>) -> support::Poll<()> {
        support::Poll::Ready(())
    }
}
