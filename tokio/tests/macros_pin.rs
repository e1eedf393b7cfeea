//! `pin!`: identifier form and `let` form; the result is `Pin<&mut T>`.

use futures::executor::block_on;
use std::future::Future;
use std::pin::Pin;

async fn seven() -> u32 {
    7
}

fn is_pinned_future<F: Future>(_: &Pin<&mut F>) {}

#[test]
fn ident_form() {
    block_on(async {
        let a = seven();
        let b = async { 1 };
        tokio::pin!(a, b);
        is_pinned_future(&a);
        assert_eq!((&mut a).await, 7);
        assert_eq!(b.as_mut().await, 1);
    });
}

#[test]
fn let_form() {
    block_on(async {
        tokio::pin! {
            let a = seven();
            let b = async { 2 };
        }
        is_pinned_future(&b);
        assert_eq!(a.await + b.await, 9);
    });
}

#[test]
fn trailing_comma_and_non_future_values() {
    let x = 5u8;
    let y = String::from("s");
    tokio::pin!(x, y,);
    let _: Pin<&mut u8> = x;
    assert_eq!(y.as_str(), "s");
}
