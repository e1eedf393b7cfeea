//! `select!`: branch syntax, patterns, preconditions, `else`, disabling, fairness, pinning.
#![cfg(feature = "macros")]

use futures::channel::{mpsc, oneshot};
use futures::executor::block_on;
use futures::StreamExt;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Counts its polls; ready with `value` on poll number `ready_after + 1`.
struct Counted {
    polls: Rc<Cell<usize>>,
    ready_after: usize,
    value: u32,
}

impl Future for Counted {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let n = self.polls.get();
        self.polls.set(n + 1);
        if n >= self.ready_after {
            Poll::Ready(self.value)
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn counted(polls: &Rc<Cell<usize>>, ready_after: usize, value: u32) -> Counted {
    Counted {
        polls: polls.clone(),
        ready_after,
        value,
    }
}

#[test]
fn one_branch_expression_handler() {
    let v = block_on(async {
        tokio::select! {
            foo = async { 1 } => foo,
        }
    });
    assert_eq!(v, 1);
    let v = block_on(async {
        tokio::select! {
            foo = async { 1 } => foo
        }
    });
    assert_eq!(v, 1);
}

#[test]
fn block_handlers_with_and_without_commas() {
    let v = block_on(async {
        tokio::select! {
            a = std::future::pending::<u32>() => { a }
            b = async { 2 } => { b * 10 },
            c = std::future::pending::<u32>(), if true => { c }
        }
    });
    assert_eq!(v, 20);
}

#[test]
fn pattern_mismatch_disables_branch() {
    let other = Rc::new(Cell::new(0));
    let v = block_on(async {
        tokio::select! {
            Some(v) = async { None::<u32> } => v,
            v = counted(&other, 3, 7) => v + 100,
        }
    });
    assert_eq!(v, 107);
    assert_eq!(other.get(), 4);
}

#[test]
fn completed_mismatching_future_is_not_polled_again() {
    let polls = Rc::new(Cell::new(0));
    let v = block_on(async {
        tokio::select! {
            0 = counted(&polls, 0, 1) => 0,
            v = counted(&Rc::new(Cell::new(0)), 5, 9) => v,
        }
    });
    assert_eq!(v, 9);
    assert_eq!(polls.get(), 1, "a completed branch is never polled again");
}

#[test]
fn false_precondition_disables_but_still_evaluates() {
    let evaluated = Cell::new(false);
    let polls = Rc::new(Cell::new(0));
    let v = block_on(async {
        tokio::select! {
            v = { evaluated.set(true); counted(&polls, 0, 1) }, if false => v,
            v = async { 2 } => v,
        }
    });
    assert_eq!(v, 2);
    assert!(
        evaluated.get(),
        "disabled branches' futures are still created"
    );
    assert_eq!(polls.get(), 0, "disabled branches are never polled");
}

#[test]
fn preconditions_are_evaluated_before_futures() {
    let order = std::cell::RefCell::new(Vec::new());
    block_on(async {
        tokio::select! {
            _ = { order.borrow_mut().push("fut0"); async {} }, if { order.borrow_mut().push("cond0"); true } => {}
            _ = { order.borrow_mut().push("fut1"); async {} }, if { order.borrow_mut().push("cond1"); true } => {}
        }
    });
    assert_eq!(*order.borrow(), ["cond0", "cond1", "fut0", "fut1"]);
}

#[test]
fn else_when_all_disabled() {
    let v = block_on(async {
        tokio::select! {
            v = async { 1 }, if false => v,
            Ok(v) = async { Err::<u32, ()>(()) } => v,
            else => 42,
        }
    });
    assert_eq!(v, 42);
    let v = block_on(async {
        tokio::select! {
            v = async { 1 }, if false => v,
            else => { 43 }
        }
    });
    assert_eq!(v, 43);
}

#[test]
#[should_panic(expected = "internal error: entered unreachable code")]
fn all_disabled_without_else_panics() {
    block_on(async {
        tokio::select! {
            v = async { 1 }, if false => v,
            Some(v) = async { None::<u32> } => v,
        }
    });
}

#[test]
fn both_ready_branches_are_picked_over_many_rounds() {
    let (mut a, mut b) = (0, 0);
    block_on(async {
        for _ in 0..1000 {
            tokio::select! {
                _ = async {} => a += 1,
                _ = async {} => b += 1,
            }
        }
    });
    assert_eq!(a + b, 1000);
    assert!(a > 300 && b > 300, "unfair start branch: {} vs {}", a, b);
}

#[test]
fn mut_ref_to_unpin_future_survives_the_select() {
    let (tx, mut rx) = oneshot::channel::<u32>();
    let mut tx = Some(tx);
    let v = block_on(async {
        let mut rounds = 0;
        loop {
            tokio::select! {
                v = &mut rx => break v.unwrap() + rounds,
                _ = async {} => {
                    rounds += 1;
                    if rounds == 3 {
                        tx.take().unwrap().send(10).unwrap();
                    }
                }
            }
        }
    });
    assert!(v >= 13);
}

#[test]
fn handlers_may_use_what_the_futures_borrowed() {
    let (tx, mut rx) = mpsc::unbounded::<u32>();
    tx.unbounded_send(1).unwrap();
    tx.unbounded_send(2).unwrap();
    drop(tx);
    let got = block_on(async {
        let mut got = Vec::new();
        loop {
            tokio::select! {
                Some(v) = rx.next() => {
                    got.push(v);
                    rx.close();
                }
                else => break,
            }
        }
        got
    });
    assert_eq!(got, [1, 2]);
}

#[test]
fn question_mark_and_return_in_handlers() {
    async fn f(fail: bool) -> Result<u32, String> {
        let v = tokio::select! {
            r = async move { if fail { Err("bad".to_string()) } else { Ok(3) } } => r?,
        };
        if v == 3 {
            return Ok(30);
        }
        Ok(v)
    }
    assert_eq!(block_on(f(false)), Ok(30));
    assert_eq!(block_on(f(true)), Err("bad".to_string()));
}

#[test]
fn non_copy_outputs_move_into_handlers() {
    let v = block_on(async {
        tokio::select! {
            (a, b) = async { (String::from("x"), vec![1, 2]) } => format!("{}{}", a, b.len()),
        }
    });
    assert_eq!(v, "x2");
}

#[test]
fn or_patterns_and_nested_select() {
    let v = block_on(async {
        tokio::select! {
            1 | 2 = async {
                tokio::select! { v = async { 2 } => v }
            } => "small",
            _ = std::future::pending::<u32>() => "never",
        }
    });
    assert_eq!(v, "small");
}

#[test]
fn sixty_four_branches() {
    for n in [0u32, 31, 63] {
        let v = block_on(async {
            tokio::select! {
            x = async { 0u32 }, if n == 0 => x,
            x = async { 1u32 }, if n == 1 => x,
            x = async { 2u32 }, if n == 2 => x,
            x = async { 3u32 }, if n == 3 => x,
            x = async { 4u32 }, if n == 4 => x,
            x = async { 5u32 }, if n == 5 => x,
            x = async { 6u32 }, if n == 6 => x,
            x = async { 7u32 }, if n == 7 => x,
            x = async { 8u32 }, if n == 8 => x,
            x = async { 9u32 }, if n == 9 => x,
            x = async { 10u32 }, if n == 10 => x,
            x = async { 11u32 }, if n == 11 => x,
            x = async { 12u32 }, if n == 12 => x,
            x = async { 13u32 }, if n == 13 => x,
            x = async { 14u32 }, if n == 14 => x,
            x = async { 15u32 }, if n == 15 => x,
            x = async { 16u32 }, if n == 16 => x,
            x = async { 17u32 }, if n == 17 => x,
            x = async { 18u32 }, if n == 18 => x,
            x = async { 19u32 }, if n == 19 => x,
            x = async { 20u32 }, if n == 20 => x,
            x = async { 21u32 }, if n == 21 => x,
            x = async { 22u32 }, if n == 22 => x,
            x = async { 23u32 }, if n == 23 => x,
            x = async { 24u32 }, if n == 24 => x,
            x = async { 25u32 }, if n == 25 => x,
            x = async { 26u32 }, if n == 26 => x,
            x = async { 27u32 }, if n == 27 => x,
            x = async { 28u32 }, if n == 28 => x,
            x = async { 29u32 }, if n == 29 => x,
            x = async { 30u32 }, if n == 30 => x,
            x = async { 31u32 }, if n == 31 => x,
            x = async { 32u32 }, if n == 32 => x,
            x = async { 33u32 }, if n == 33 => x,
            x = async { 34u32 }, if n == 34 => x,
            x = async { 35u32 }, if n == 35 => x,
            x = async { 36u32 }, if n == 36 => x,
            x = async { 37u32 }, if n == 37 => x,
            x = async { 38u32 }, if n == 38 => x,
            x = async { 39u32 }, if n == 39 => x,
            x = async { 40u32 }, if n == 40 => x,
            x = async { 41u32 }, if n == 41 => x,
            x = async { 42u32 }, if n == 42 => x,
            x = async { 43u32 }, if n == 43 => x,
            x = async { 44u32 }, if n == 44 => x,
            x = async { 45u32 }, if n == 45 => x,
            x = async { 46u32 }, if n == 46 => x,
            x = async { 47u32 }, if n == 47 => x,
            x = async { 48u32 }, if n == 48 => x,
            x = async { 49u32 }, if n == 49 => x,
            x = async { 50u32 }, if n == 50 => x,
            x = async { 51u32 }, if n == 51 => x,
            x = async { 52u32 }, if n == 52 => x,
            x = async { 53u32 }, if n == 53 => x,
            x = async { 54u32 }, if n == 54 => x,
            x = async { 55u32 }, if n == 55 => x,
            x = async { 56u32 }, if n == 56 => x,
            x = async { 57u32 }, if n == 57 => x,
            x = async { 58u32 }, if n == 58 => x,
            x = async { 59u32 }, if n == 59 => x,
            x = async { 60u32 }, if n == 60 => x,
            x = async { 61u32 }, if n == 61 => x,
            x = async { 62u32 }, if n == 62 => x,
            x = async { 63u32 }, if n == 63 => x,
            }
        });
        assert_eq!(v, n);
    }
}

#[test]
fn pending_branches_wake_the_select() {
    let (tx, rx) = oneshot::channel::<u32>();
    let handle = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(20));
        tx.send(5).unwrap();
    });
    let v = block_on(async {
        tokio::select! {
            v = rx => v.unwrap(),
            _ = std::future::pending::<()>() => 0,
        }
    });
    handle.join().unwrap();
    assert_eq!(v, 5);
}

#[test]
fn biased_polls_in_declaration_order() {
    let polls = Rc::new(Cell::new(0));
    block_on(async {
        for _ in 0..100 {
            let v = tokio::select! {
                biased;
                v = async { 1 } => v,
                v = counted(&polls, 0, 2) => v,
            };
            assert_eq!(v, 1);
        }
    });
    assert_eq!(polls.get(), 0, "the second branch is never reached");
}

#[cfg(feature = "rt-threaded")]
#[test]
fn works_on_the_runtime_with_timers_and_channels() {
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let got = rt.block_on(async {
        let (tx, rx) = oneshot::channel::<u32>();
        tokio::spawn(async move {
            tokio::task::yield_now().await;
            tx.send(4).unwrap();
        });
        let mut rx = rx;
        let mut ticks = 0;
        loop {
            tokio::select! {
                v = &mut rx => break v.unwrap() * 10 + ticks.min(1),
                _ = tokio::task::yield_now() => ticks += 1,
            }
        }
    });
    assert!(got == 40 || got == 41, "got {}", got);
}

#[cfg(feature = "rt-threaded")]
fn assert_send<T: Send>(_: &T) {}

#[cfg(feature = "rt-threaded")]
#[test]
fn expansions_are_send_when_their_futures_are() {
    let fut = async {
        let (tx, rx) = oneshot::channel::<u32>();
        drop(tx);
        let a = tokio::select! {
            v = rx => v.unwrap_or(0),
            else => 1,
        };
        let (b, c) = tokio::join!(async { 1 }, async { 2 });
        let d = tokio::try_join!(async { Ok::<_, ()>(3) })
            .map(|(d,)| d)
            .unwrap_or(0);
        let e = async { 4 };
        tokio::pin!(e);
        a + b + c + d + e.await
    };
    assert_send(&fut);
    let rt = tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .build()
        .unwrap();
    let out = rt.block_on(async { tokio::spawn(fut).await.unwrap() });
    assert_eq!(out, 10);
}
