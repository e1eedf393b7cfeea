//! tokio 0.2 compatibility: the size of `join!`, `try_join!` and `select!` futures. 0.2's
//! macros_join / macros_try_join / macros_select tests pin these sizes; the figures here are
//! what the published tokio 0.2.25 gives for the same code on this toolchain (its futures
//! are stored side by side, with no pointer per branch).
#![cfg(target_pointer_width = "64")]
#![allow(
    clippy::unused_io_amount,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
    dead_code,
    unused_imports,
    unused_mut,
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

use futures::future;
use std::mem;

fn ok<T>(val: T) -> Result<T, ()> {
    Ok(val)
}

#[test]
fn join_try_join_select_sizes() {
    let fut = async {
        let ready = future::ready(0i32);
        tokio::join!(ready)
    };
    assert_eq!(mem::size_of_val(&fut), 12, "join1");
    let fut = async {
        let ready1 = future::ready(0i32);
        let ready2 = future::ready(0i32);
        tokio::join!(ready1, ready2)
    };
    assert_eq!(mem::size_of_val(&fut), 20, "join2");
    let fut = async {
        let ready = future::ready(ok(0i32));
        tokio::try_join!(ready)
    };
    assert_eq!(mem::size_of_val(&fut), 16, "try1");
    let fut = async {
        let ready1 = future::ready(ok(0i32));
        let ready2 = future::ready(ok(0i32));
        tokio::try_join!(ready1, ready2)
    };
    assert_eq!(mem::size_of_val(&fut), 28, "try2");
    let fut = async {
        let ready = future::ready(0i32);
        tokio::select! {
            _ = ready => {},
        }
    };
    assert_eq!(mem::size_of_val(&fut), 32, "sel1");
    let fut = async {
        let ready1 = future::ready(0i32);
        let ready2 = future::ready(0i32);
        tokio::select! {
            _ = ready1 => {},
            _ = ready2 => {},
        }
    };
    assert_eq!(mem::size_of_val(&fut), 40, "sel2");
    let fut = async {
        let ready1 = future::ready(0i32);
        let ready2 = future::ready(0i32);
        let ready3 = future::ready(0i32);
        tokio::select! {
            _ = ready1 => {},
            _ = ready2 => {},
            _ = ready3 => {},
        }
    };
    assert_eq!(mem::size_of_val(&fut), 48, "sel3");
}
