//! tokio 0.2.25 compatibility: the shapes of tokio-test 0.2.1's own tests (block_on.rs,
//! io.rs, macros.rs).
#![allow(
    unused_mut,
    clippy::io_other_error,
    clippy::unit_cmp,
    clippy::let_unit_value
)]

use std::io;
use std::task::Poll;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::{delay_until, Duration, Instant};
use tokio_test::io::Builder;
use tokio_test::{
    assert_pending, assert_ready, assert_ready_eq, assert_ready_err, assert_ready_ok, block_on,
};

#[test]
fn async_block() {
    assert_eq!(4, block_on(async { 4 }));
}

async fn five() -> u8 {
    5
}

#[test]
fn async_fn() {
    assert_eq!(5, block_on(five()));
}

#[test]
fn test_delay_until_inside_async() {
    let deadline = Instant::now() + Duration::from_millis(100);
    assert_eq!((), block_on(async move { delay_until(deadline).await }));
}

fn ready() -> Poll<()> {
    Poll::Ready(())
}

fn ready_ok() -> Poll<Result<(), ()>> {
    Poll::Ready(Ok(()))
}

fn ready_err() -> Poll<Result<(), ()>> {
    Poll::Ready(Err(()))
}

fn pending() -> Poll<()> {
    Poll::Pending
}

#[derive(Debug)]
enum Test {
    Data,
}

#[test]
fn assert_ready() {
    let poll = ready();
    assert_ready!(poll);
    assert_ready!(poll, "some message");
    assert_ready!(poll, "{:?}", ());
    assert_ready!(poll, "{:?}", Test::Data);
}

#[test]
#[should_panic]
fn assert_ready_on_pending() {
    let poll = pending();
    assert_ready!(poll);
}

#[test]
fn assert_pending() {
    let poll = pending();
    assert_pending!(poll);
    assert_pending!(poll, "some message");
    assert_pending!(poll, "{:?}", ());
    assert_pending!(poll, "{:?}", Test::Data);
}

#[test]
#[should_panic]
fn assert_pending_on_ready() {
    let poll = ready();
    assert_pending!(poll);
}

#[test]
fn assert_ready_ok() {
    let poll = ready_ok();
    assert_ready_ok!(poll);
    assert_ready_ok!(poll, "some message");
    assert_ready_ok!(poll, "{:?}", ());
    assert_ready_ok!(poll, "{:?}", Test::Data);
}

#[test]
#[should_panic]
fn assert_ok_on_err() {
    let poll = ready_err();
    assert_ready_ok!(poll);
}

#[test]
fn assert_ready_err() {
    let poll = ready_err();
    assert_ready_err!(poll);
    assert_ready_err!(poll, "some message");
    assert_ready_err!(poll, "{:?}", ());
    assert_ready_err!(poll, "{:?}", Test::Data);
}

#[test]
#[should_panic]
fn assert_err_on_ok() {
    let poll = ready_ok();
    assert_ready_err!(poll);
}

#[test]
fn assert_ready_eq() {
    let poll = ready();
    assert_ready_eq!(poll, ());
    assert_ready_eq!(poll, (), "some message");
    assert_ready_eq!(poll, (), "{:?}", ());
    assert_ready_eq!(poll, (), "{:?}", Test::Data);
}

#[test]
#[should_panic]
fn assert_eq_on_not_eq() {
    let poll = ready_err();
    assert_ready_eq!(poll, Ok(()));
}

#[tokio::test]
async fn read() {
    let mut mock = Builder::new().read(b"hello ").read(b"world!").build();
    let mut buf = [0; 256];
    let n = mock.read(&mut buf).await.expect("read 1");
    assert_eq!(&buf[..n], b"hello ");
    let n = mock.read(&mut buf).await.expect("read 2");
    assert_eq!(&buf[..n], b"world!");
}

#[tokio::test]
async fn read_error() {
    let error = io::Error::new(io::ErrorKind::Other, "cruel");
    let mut mock = Builder::new()
        .read(b"hello ")
        .read_error(error)
        .read(b"world!")
        .build();
    let mut buf = [0; 256];
    let n = mock.read(&mut buf).await.expect("read 1");
    assert_eq!(&buf[..n], b"hello ");
    match mock.read(&mut buf).await {
        Err(error) => {
            assert_eq!(error.kind(), io::ErrorKind::Other);
            assert_eq!("cruel", format!("{}", error));
        }
        Ok(_) => panic!("error not received"),
    }
    let n = mock.read(&mut buf).await.expect("read 1");
    assert_eq!(&buf[..n], b"world!");
}

#[tokio::test]
async fn write() {
    let mut mock = Builder::new().write(b"hello ").write(b"world!").build();
    mock.write_all(b"hello ").await.expect("write 1");
    mock.write_all(b"world!").await.expect("write 2");
}

#[tokio::test]
async fn write_error() {
    let error = io::Error::new(io::ErrorKind::Other, "cruel");
    let mut mock = Builder::new()
        .write(b"hello ")
        .write_error(error)
        .write(b"world!")
        .build();
    mock.write_all(b"hello ").await.expect("write 1");
    match mock.write_all(b"whoa").await {
        Err(error) => {
            assert_eq!(error.kind(), io::ErrorKind::Other);
            assert_eq!("cruel", format!("{}", error));
        }
        Ok(_) => panic!("error not received"),
    }
    mock.write_all(b"world!").await.expect("write 2");
}
