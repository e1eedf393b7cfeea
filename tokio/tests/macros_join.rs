//! `join!`: outputs in argument order, every branch polled on each wake, `join!()`.
#![cfg(feature = "macros")]

use futures::channel::oneshot;
use futures::executor::block_on;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Pending `n` times (waking itself), then ready with `value`; logs each poll.
struct After {
    log: Rc<RefCell<Vec<&'static str>>>,
    name: &'static str,
    n: usize,
    value: u32,
}

impl Future for After {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.log.borrow_mut().push(self.name);
        if self.n == 0 {
            return Poll::Ready(self.value);
        }
        self.n -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[test]
fn outputs_in_argument_order() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let after = |name, n, value| After {
        log: log.clone(),
        name,
        n,
        value,
    };
    let out =
        block_on(async { tokio::join!(after("a", 2, 1), after("b", 0, 2), after("c", 1, 3)) });
    assert_eq!(out, (1, 2, 3));
    // Round 1 polls all three; then only unfinished ones make progress (a, c; then a).
    assert_eq!(*log.borrow(), ["a", "b", "c", "a", "c", "a"]);
}

#[test]
fn single_and_trailing_comma() {
    let (a,) = block_on(async { tokio::join!(async { "x" },) });
    assert_eq!(a, "x");
    let (a, b) = block_on(async { tokio::join!(async { 1 }, async { String::from("s") }) });
    assert_eq!((a, b.as_str()), (1, "s"));
}

#[test]
fn empty_join_is_unit() {
    let unit: () = block_on(async { tokio::join!() });
    assert_eq!(unit, ());
}

#[test]
fn waits_for_a_cross_thread_wake() {
    let (tx, rx) = oneshot::channel::<u32>();
    let done = Cell::new(false);
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(20));
        tx.send(9).unwrap();
    });
    let (v, ()) = block_on(async { tokio::join!(rx, async { done.set(true) }) });
    t.join().unwrap();
    assert_eq!(v, Ok(9));
    assert!(done.get());
}

#[test]
fn borrows_locals_and_returns_non_copy() {
    let mut text = String::from("a");
    let other = [1, 2, 3];
    let (len, sum) = block_on(async {
        tokio::join!(
            async {
                text.push('b');
                text.len()
            },
            async { other.iter().sum::<i32>() }
        )
    });
    assert_eq!((len, sum), (2, 6));
    assert_eq!(text, "ab");
}
