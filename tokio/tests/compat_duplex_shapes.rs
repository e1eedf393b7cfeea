//! tokio 0.2.25 compatibility: shapes of 0.2.25's io_mem_stream.rs (`duplex`): ping-pong,
//! across tasks, EOF after the peer drops, and writes capped at `max_buf_size`.
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

use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn ping_pong() {
    let (mut a, mut b) = duplex(32);
    let mut buf = [0u8; 4];
    a.write_all(b"ping").await.unwrap();
    b.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"ping");
    b.write_all(b"pong").await.unwrap();
    a.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"pong");
}

#[tokio::test]
async fn across_tasks() {
    let (mut a, mut b) = duplex(32);
    let t1 = tokio::spawn(async move {
        a.write_all(b"ping").await.unwrap();
        let mut buf = [0u8; 4];
        a.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"pong");
    });
    let t2 = tokio::spawn(async move {
        let mut buf = [0u8; 4];
        b.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"ping");
        b.write_all(b"pong").await.unwrap();
    });
    t1.await.unwrap();
    t2.await.unwrap();
}

#[tokio::test]
async fn disconnect() {
    let (mut a, mut b) = duplex(32);
    let t1 = tokio::spawn(async move {
        a.write_all(b"ping").await.unwrap();
        // and dropped
    });
    let t2 = tokio::spawn(async move {
        let mut buf = [0u8; 32];
        let n = b.read(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"ping");
        let n = b.read(&mut buf).await.unwrap();
        assert_eq!(n, 0);
    });
    t1.await.unwrap();
    t2.await.unwrap();
}

#[tokio::test]
async fn max_write_size() {
    let (mut a, mut b) = duplex(32);
    let t1 = tokio::spawn(async move {
        let n = a.write(&[0u8; 64]).await.unwrap();
        assert_eq!(n, 32);
        let n = a.write(&[0u8; 64]).await.unwrap();
        assert_eq!(n, 4);
    });
    let t2 = tokio::spawn(async move {
        let mut buf = [0u8; 4];
        b.read_exact(&mut buf).await.unwrap();
    });
    t1.await.unwrap();
    t2.await.unwrap();
}
