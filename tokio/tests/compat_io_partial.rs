//! tokio 0.2 compatibility: `read_line`, `read_until`, `read_to_string` and `lines` over a
//! scripted mock that splits lines across reads, fails mid-line or holds invalid UTF-8 —
//! what the caller's buffer holds afterwards, the counts returned, and the error texts.
#![allow(
    clippy::unused_io_amount,
    clippy::io_other_error,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
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

use std::io::{Cursor, Error, ErrorKind};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio_test::io::Builder;

#[tokio::test]
async fn read_line_cursor_and_appends() {
    let mut buf = String::new();
    let mut rd = Cursor::new(b"hello\nworld\n\n");
    assert_eq!(rd.read_line(&mut buf).await.unwrap(), 6);
    assert_eq!(buf, "hello\n");
    buf.clear();
    assert_eq!(rd.read_line(&mut buf).await.unwrap(), 6);
    assert_eq!(buf, "world\n");
    buf.clear();
    assert_eq!(rd.read_line(&mut buf).await.unwrap(), 1);
    assert_eq!(buf, "\n");
    buf.clear();
    assert_eq!(rd.read_line(&mut buf).await.unwrap(), 0);
    assert_eq!(buf, "");
}

#[tokio::test]
async fn read_line_not_all_ready() {
    let mock = Builder::new()
        .read(b"Hello Wor")
        .read(b"ld\nFizzBuz")
        .read(b"z\n1\n2")
        .build();
    let mut read = BufReader::new(mock);

    let mut line = "We say ".to_string();
    let bytes = read.read_line(&mut line).await.unwrap();
    assert_eq!(bytes, "Hello World\n".len());
    assert_eq!(line, "We say Hello World\n");

    line = "I solve ".to_string();
    let bytes = read.read_line(&mut line).await.unwrap();
    assert_eq!(bytes, "FizzBuzz\n".len());
    assert_eq!(line, "I solve FizzBuzz\n");

    line.clear();
    assert_eq!(read.read_line(&mut line).await.unwrap(), 2);
    assert_eq!(line, "1\n");
    line.clear();
    assert_eq!(read.read_line(&mut line).await.unwrap(), 1);
    assert_eq!(line, "2");
    assert_eq!(read.read_line(&mut line).await.unwrap(), 0);
    assert_eq!(line, "2");
}

#[tokio::test]
async fn read_line_invalid_utf8_leaves_buffer_as_it_was() {
    let mock = Builder::new().read(b"Hello Wor\xffld.\n").build();
    let mut read = BufReader::new(mock);
    let mut line = "Foo".to_string();
    let err = read.read_line(&mut line).await.expect_err("Should fail");
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert_eq!(err.to_string(), "stream did not contain valid UTF-8");
    assert_eq!(line, "Foo");
}

#[tokio::test]
async fn read_line_io_error_keeps_valid_prefix() {
    let mock = Builder::new()
        .read(b"Hello Wor")
        .read_error(Error::new(ErrorKind::Other, "The world has no end"))
        .build();
    let mut read = BufReader::new(mock);
    let mut line = "Foo".to_string();
    let err = read.read_line(&mut line).await.expect_err("Should fail");
    assert_eq!(err.kind(), ErrorKind::Other);
    assert_eq!(err.to_string(), "The world has no end");
    assert_eq!(line, "FooHello Wor");
}

#[tokio::test]
async fn read_line_io_error_after_invalid_utf8() {
    let mock = Builder::new()
        .read(b"Hello Wor")
        .read(b"\xff\xff\xff")
        .read_error(Error::new(ErrorKind::Other, "The world has no end"))
        .build();
    let mut read = BufReader::new(mock);
    let mut line = "Foo".to_string();
    let err = read.read_line(&mut line).await.expect_err("Should fail");
    assert_eq!(err.kind(), ErrorKind::Other);
    assert_eq!(err.to_string(), "The world has no end");
    assert_eq!(line, "Foo");
}

#[tokio::test]
async fn read_until_not_all_ready() {
    let mock = Builder::new()
        .read(b"Hello Wor")
        .read(b"ld#Fizz\xffBuz")
        .read(b"z#1#2")
        .build();
    let mut read = BufReader::new(mock);

    let mut chunk = b"We say ".to_vec();
    let bytes = read.read_until(b'#', &mut chunk).await.unwrap();
    assert_eq!(bytes, b"Hello World#".len());
    assert_eq!(chunk, b"We say Hello World#");

    chunk = b"I solve ".to_vec();
    let bytes = read.read_until(b'#', &mut chunk).await.unwrap();
    assert_eq!(bytes, b"Fizz\xffBuzz\n".len());
    assert_eq!(chunk, b"I solve Fizz\xffBuzz#");

    chunk.clear();
    assert_eq!(read.read_until(b'#', &mut chunk).await.unwrap(), 2);
    assert_eq!(chunk, b"1#");
    chunk.clear();
    assert_eq!(read.read_until(b'#', &mut chunk).await.unwrap(), 1);
    assert_eq!(chunk, b"2");
    assert_eq!(read.read_until(b'#', &mut chunk).await.unwrap(), 0);
    assert_eq!(chunk, b"2");
}

#[tokio::test]
async fn read_until_fail_keeps_bytes_read() {
    let mock = Builder::new()
        .read(b"Hello \xffWor")
        .read_error(Error::new(ErrorKind::Other, "The world has no end"))
        .build();
    let mut read = BufReader::new(mock);
    let mut chunk = b"Foo".to_vec();
    let err = read
        .read_until(b'#', &mut chunk)
        .await
        .expect_err("Should fail");
    assert_eq!(err.kind(), ErrorKind::Other);
    assert_eq!(err.to_string(), "The world has no end");
    assert_eq!(chunk, b"FooHello \xffWor");
}

#[tokio::test]
async fn read_to_string_appends_and_does_not_truncate() {
    let data = b"def".to_vec();
    let mut s = "abc".to_string();
    let n = AsyncReadExt::read_to_string(&mut data.as_slice(), &mut s)
        .await
        .unwrap();
    assert_eq!(n, 3);
    assert_eq!(s, "abcdef");

    let data = vec![0xff, 0xff, 0xff];
    let mut s = "abc".to_string();
    let err = AsyncReadExt::read_to_string(&mut data.as_slice(), &mut s)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert_eq!(err.to_string(), "stream did not contain valid UTF-8");
    assert_eq!(s, "abc");

    let mut mock = Builder::new()
        .read(b"def")
        .read_error(Error::new(ErrorKind::Other, "whoops"))
        .build();
    let mut s = "abc".to_string();
    let err = AsyncReadExt::read_to_string(&mut mock, &mut s)
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "whoops");
    assert_eq!(s, "abc");
}

#[tokio::test]
async fn read_to_end_appends_and_counts() {
    let mut v = b"ab".to_vec();
    let mut mock = Builder::new().read(b"cd").read(b"ef").build();
    let n = mock.read_to_end(&mut v).await.unwrap();
    assert_eq!(n, 4);
    assert_eq!(v, b"abcdef");
}

#[tokio::test]
async fn lines_across_reads_and_errors() {
    let mock = Builder::new()
        .read(b"hello\r\nwor")
        .read(b"ld\n\nlast")
        .build();
    let mut lines = BufReader::new(mock).lines();
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("hello"));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("world"));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some(""));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("last"));
    assert_eq!(lines.next_line().await.unwrap(), None);

    let mock = Builder::new().read(b"a\xff\n").build();
    let mut lines = BufReader::new(mock).lines();
    let err = lines.next_line().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
}

#[tokio::test]
async fn read_exact_eof_and_write_all_zero() {
    let mut mock = Builder::new().read(b"ab").build();
    let mut buf = [0u8; 4];
    let err = mock.read_exact(&mut buf).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedEof);

    struct Zero;
    impl tokio::io::AsyncWrite for Zero {
        fn poll_write(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            _: &[u8],
        ) -> std::task::Poll<std::io::Result<usize>> {
            std::task::Poll::Ready(Ok(0))
        }
        fn poll_flush(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::task::Poll::Ready(Ok(()))
        }
        fn poll_shutdown(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::task::Poll::Ready(Ok(()))
        }
    }
    use tokio::io::AsyncWriteExt;
    let err = Zero.write_all(b"x").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WriteZero);
}
