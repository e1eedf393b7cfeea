//! tokio 0.2.25 compatibility: the kind and text of every error the io utilities and
//! `tokio::fs::File` make up themselves (the texts are what the published 0.2.25 prints for
//! the same calls).
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

use std::io::{Cursor, ErrorKind, SeekFrom};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{
    copy, AsyncBufReadExt, AsyncReadExt, AsyncSeekExt, AsyncWrite, AsyncWriteExt, BufWriter,
};

/// Accepts nothing: every write returns `Ok(0)`.
struct Zero;
impl AsyncWrite for Zero {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Poll::Ready(Ok(0))
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

fn text(e: std::io::Error) -> (ErrorKind, String) {
    (e.kind(), e.to_string())
}

#[tokio::test]
async fn eof_texts() {
    let mut rd: &[u8] = b"ab";
    let mut b = [0u8; 4];
    let e = rd.read_exact(&mut b).await.unwrap_err();
    assert_eq!(text(e), (ErrorKind::UnexpectedEof, "early eof".into()));
    let mut rd: &[u8] = b"ab";
    let e = rd.read_u32().await.unwrap_err();
    assert_eq!(
        text(e),
        (ErrorKind::UnexpectedEof, "unexpected end of file".into())
    );
    let mut rd: &[u8] = b"";
    let e = rd.read_u8().await.unwrap_err();
    assert_eq!(
        text(e),
        (ErrorKind::UnexpectedEof, "unexpected end of file".into())
    );
    let mut rd: &[u8] = b"1234567";
    let e = rd.read_i64_le().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnexpectedEof);
}

#[tokio::test]
async fn write_zero_texts() {
    let e = Zero.write_all(b"x").await.unwrap_err();
    assert_eq!(text(e), (ErrorKind::WriteZero, "write zero".into()));
    let e = Zero.write_u32(1).await.unwrap_err();
    assert_eq!(text(e), (ErrorKind::WriteZero, "write zero".into()));
    let mut rd: &[u8] = b"abc";
    let e = copy(&mut rd, &mut Zero).await.unwrap_err();
    assert_eq!(
        text(e),
        (ErrorKind::WriteZero, "write zero byte into writer".into())
    );
    let mut bw = BufWriter::new(Zero);
    assert_eq!(bw.write(b"abc").await.unwrap(), 3);
    let e = bw.flush().await.unwrap_err();
    assert_eq!(
        text(e),
        (
            ErrorKind::WriteZero,
            "failed to write the buffered data".into()
        )
    );
    let mut bw = BufWriter::new(Zero);
    bw.write(b"abc").await.unwrap();
    let e = bw.shutdown().await.unwrap_err();
    assert_eq!(e.to_string(), "failed to write the buffered data");
    // An empty write_all never calls the writer.
    Zero.write_all(b"").await.unwrap();
    assert_eq!(Zero.write(b"x").await.unwrap(), 0);
}

#[tokio::test]
async fn utf8_and_seek_texts() {
    let mut rd: &[u8] = b"a\xffb";
    let mut s = String::from("x");
    let e = rd.read_to_string(&mut s).await.unwrap_err();
    assert_eq!(
        text(e),
        (
            ErrorKind::InvalidData,
            "stream did not contain valid UTF-8".into()
        )
    );
    assert_eq!(s, "x");
    let mut rd: &[u8] = b"a\xffb\n";
    let e = rd.read_line(&mut s).await.unwrap_err();
    assert_eq!(e.to_string(), "stream did not contain valid UTF-8");
    assert_eq!(s, "x");
    // `lines` goes on after an invalid line.
    let rd: &[u8] = b"a\xffb\nc";
    let mut l = rd.lines();
    assert_eq!(
        l.next_line().await.unwrap_err().kind(),
        ErrorKind::InvalidData
    );
    assert_eq!(l.next_line().await.unwrap().as_deref(), Some("c"));

    let mut c = Cursor::new(vec![1u8, 2, 3]);
    let e = c.seek(SeekFrom::Current(-10)).await.unwrap_err();
    assert_eq!(
        text(e),
        (
            ErrorKind::InvalidInput,
            "invalid seek to a negative or overflowing position".into()
        )
    );
    assert_eq!(c.seek(SeekFrom::Start(10)).await.unwrap(), 10);
}

#[tokio::test]
async fn file_write_error_keeps_the_os_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ro");
    tokio::fs::write(&p, b"hello").await.unwrap();
    // Opened read-only: the write-behind fails in the blocking pool with EBADF, and the
    // flush reports that error itself, OS code and text included.
    let mut file = tokio::fs::File::open(&p).await.unwrap();
    let res = match file.write_all(b"x").await {
        Ok(()) => file.flush().await,
        Err(e) => Err(e),
    };
    let e = res.unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EBADF));
    assert!(e.to_string().contains("os error 9"), "{e}");
}
