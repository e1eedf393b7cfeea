//! The assertion macros: values on success, exact panic messages on failure.

use std::task::Poll;
use tokio_test::{
    assert_err, assert_ok, assert_pending, assert_ready, assert_ready_eq, assert_ready_err,
    assert_ready_ok,
};

#[test]
fn assert_ready_returns_the_value() {
    assert_eq!(assert_ready!(Poll::Ready(1)), 1);
    assert_eq!(assert_ready!(Poll::Ready(2), "with {}", "message"), 2);
}

#[test]
#[should_panic(expected = "pending")]
fn assert_ready_panics_on_pending() {
    assert_ready!(Poll::<()>::Pending);
}

#[test]
#[should_panic(expected = "pending; reading frame 3")]
fn assert_ready_panics_with_message() {
    assert_ready!(Poll::<()>::Pending, "reading frame {}", 3);
}

#[test]
fn assert_pending_accepts_pending() {
    assert_pending!(Poll::<u8>::Pending);
    assert_pending!(Poll::<u8>::Pending, "msg {}", 1);
}

#[test]
#[should_panic(expected = "ready; value = Some(5)")]
fn assert_pending_panics_with_value() {
    assert_pending!(Poll::Ready(Some(5)));
}

#[test]
#[should_panic(expected = "ready; value = 5; while idle")]
fn assert_pending_panics_with_value_and_message() {
    assert_pending!(Poll::Ready(5), "while {}", "idle");
}

#[test]
fn assert_ready_ok_and_err_return_inner_values() {
    let ok: Poll<Result<u8, ()>> = Poll::Ready(Ok(3));
    assert_eq!(assert_ready_ok!(ok), 3);
    let err: Poll<Result<(), &str>> = Poll::Ready(Err("e"));
    assert_eq!(assert_ready_err!(err), "e");
    let ok: Poll<Result<u8, ()>> = Poll::Ready(Ok(4));
    assert_eq!(assert_ready_ok!(ok, "ctx"), 4);
    let err: Poll<Result<(), &str>> = Poll::Ready(Err("f"));
    assert_eq!(assert_ready_err!(err, "ctx"), "f");
}

#[test]
#[should_panic(expected = "error = \"bad\"")]
fn assert_ready_ok_panics_on_err() {
    let p: Poll<Result<(), &str>> = Poll::Ready(Err("bad"));
    assert_ready_ok!(p);
}

#[test]
#[should_panic(expected = "pending")]
fn assert_ready_ok_panics_on_pending() {
    let p: Poll<Result<(), ()>> = Poll::Pending;
    assert_ready_ok!(p);
}

#[test]
#[should_panic(expected = "value = 7; ctx 1")]
fn assert_ready_err_panics_on_ok() {
    let p: Poll<Result<u8, ()>> = Poll::Ready(Ok(7));
    assert_ready_err!(p, "ctx {}", 1);
}

#[test]
fn assert_ready_eq_in_statement_and_expression_position() {
    assert_ready_eq!(Poll::Ready(1 + 1), 2);
    assert_ready_eq!(Poll::Ready("x"), "x", "comparing {}", "x");
    let unit: () = assert_ready_eq!(Poll::Ready(1), 1);
    assert_eq!(unit, ());
}

#[test]
#[should_panic(expected = "assertion `left == right` failed")]
fn assert_ready_eq_panics_on_mismatch() {
    assert_ready_eq!(Poll::Ready(1), 2);
}

#[test]
fn assert_ok_and_err_return_inner_values() {
    let ok: Result<u8, ()> = Ok(1);
    assert_eq!(assert_ok!(ok), 1);
    let ok: Result<u8, ()> = Ok(2);
    assert_eq!(assert_ok!(ok, "ctx {}", 0), 2);
    let err: Result<(), u8> = Err(3);
    assert_eq!(assert_err!(err), 3);
    let err: Result<(), u8> = Err(4);
    assert_eq!(assert_err!(err, "ctx"), 4);
}

#[test]
fn macros_work_by_path_without_imports() {
    let ok: Result<u8, ()> = Ok(1);
    assert_eq!(tokio_test::assert_ok!(ok), 1);
    let err: Result<(), u8> = Err(2);
    assert_eq!(tokio_test::assert_err!(err), 2);
    let p: Poll<Result<u8, ()>> = Poll::Ready(Ok(5));
    assert_eq!(tokio_test::assert_ready_ok!(p), 5);
}

#[test]
#[should_panic(expected = "assertion failed: Err(\"no\")")]
fn assert_ok_panics() {
    let r: Result<(), &str> = Err("no");
    assert_ok!(r);
}

#[test]
#[should_panic(expected = "assertion failed: Err(\"no\"): parsing 9")]
fn assert_ok_panics_with_message() {
    let r: Result<(), &str> = Err("no");
    assert_ok!(r, "parsing {}", 9);
}

#[test]
#[should_panic(expected = "assertion failed: Ok(1)")]
fn assert_err_panics() {
    let r: Result<u8, ()> = Ok(1);
    assert_err!(r);
}

#[test]
#[should_panic(expected = "assertion failed: Ok(1): oops")]
fn assert_err_panics_with_message() {
    let r: Result<u8, ()> = Ok(1);
    assert_err!(r, "oops");
}
