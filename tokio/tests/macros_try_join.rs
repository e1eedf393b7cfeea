//! `try_join!`: all `Ok` values in argument order, or the first `Err` (others dropped).
#![cfg(feature = "macros")]

use futures::executor::block_on;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Never completes; counts its drops.
struct Forever(Rc<Cell<usize>>);

impl Future for Forever {
    type Output = Result<u32, &'static str>;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        Poll::Pending
    }
}

impl Drop for Forever {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

async fn ok(v: u32) -> Result<u32, &'static str> {
    Ok(v)
}

async fn err(e: &'static str) -> Result<u32, &'static str> {
    Err(e)
}

#[test]
fn all_ok_in_argument_order() {
    let out = block_on(async { tokio::try_join!(ok(1), ok(2), async { Ok::<_, &str>("three") }) });
    assert_eq!(out, Ok((1, 2, "three")));
}

#[test]
fn first_err_returns_early_and_drops_the_others() {
    let drops = Rc::new(Cell::new(0));
    let out = block_on(async { tokio::try_join!(Forever(drops.clone()), err("boom"), ok(3)) });
    assert_eq!(out, Err("boom"));
    assert_eq!(drops.get(), 1, "the pending branch was dropped");
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
fn err_after_ok_branches() {
    let out = block_on(async {
        tokio::try_join!(ok(1), async {
            YieldOnce(false).await;
            err("late").await
        })
    });
    assert_eq!(out, Err("late"));
}

#[test]
fn question_mark_on_the_result() {
    async fn run() -> Result<u32, &'static str> {
        let (a, b) = tokio::try_join!(ok(20), ok(22))?;
        Ok(a + b)
    }
    assert_eq!(block_on(run()), Ok(42));
}

#[test]
fn empty_try_join_is_ok_unit() {
    let out: Result<(), ()> = block_on(async { tokio::try_join!() });
    assert_eq!(out, Ok(()));
}
