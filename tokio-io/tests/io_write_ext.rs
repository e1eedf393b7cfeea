mod support;

use std::io::{Cursor, ErrorKind};
use support::{block_on, pattern, Choppy, Recorder, ZeroWriter};
use tokio_io::AsyncWriteExt;

#[test]
fn write_all_resumes_through_choppy_writer() {
    let data = pattern(1000);
    let mut w = Choppy::new(Vec::new());
    block_on(w.write_all(&data)).unwrap();
    assert_eq!(w.inner, data);
    assert!(w.pendings > 100);
}

#[test]
fn write_all_on_zero_writer_is_write_zero() {
    let err = block_on(ZeroWriter.write_all(b"x")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WriteZero);
}

#[test]
fn write_all_empty_does_not_touch_writer() {
    block_on(ZeroWriter.write_all(b"")).unwrap();
}

#[test]
fn integer_writer_on_zero_writer_is_write_zero() {
    let err = block_on(ZeroWriter.write_u32(5)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WriteZero);
}

#[test]
fn write_once_and_write_buf() {
    block_on(async {
        let mut w = Choppy::new(Vec::new());
        let n = w.write(b"abcdef").await.unwrap();
        assert!((1..=3).contains(&n));
        let mut src = bytes::Bytes::from_static(b"0123456789");
        let mut total = 0;
        while !src.is_empty() {
            total += w.write_buf(&mut src).await.unwrap();
        }
        assert_eq!(total, 10);
        assert_eq!(&w.inner[n..], b"0123456789");
    });
}

#[test]
fn integer_writers_round_trip() {
    block_on(async {
        let mut w = Choppy::new(Vec::new());
        w.write_u8(1).await.unwrap();
        w.write_i8(-1).await.unwrap();
        w.write_u16(0x0203).await.unwrap();
        w.write_i16(-4).await.unwrap();
        w.write_u32(5).await.unwrap();
        w.write_i32(-6).await.unwrap();
        w.write_u64(7).await.unwrap();
        w.write_i64(-8).await.unwrap();
        w.write_u128(9).await.unwrap();
        w.write_i128(-10).await.unwrap();
        w.write_u16_le(0x0203).await.unwrap();
        w.write_i16_le(-4).await.unwrap();
        w.write_u32_le(5).await.unwrap();
        w.write_i32_le(-6).await.unwrap();
        w.write_u64_le(7).await.unwrap();
        w.write_i64_le(-8).await.unwrap();
        w.write_u128_le(9).await.unwrap();
        w.write_i128_le(-10).await.unwrap();
        let mut expect = vec![1u8, 0xff];
        expect.extend_from_slice(&0x0203u16.to_be_bytes());
        expect.extend_from_slice(&(-4i16).to_be_bytes());
        expect.extend_from_slice(&5u32.to_be_bytes());
        expect.extend_from_slice(&(-6i32).to_be_bytes());
        expect.extend_from_slice(&7u64.to_be_bytes());
        expect.extend_from_slice(&(-8i64).to_be_bytes());
        expect.extend_from_slice(&9u128.to_be_bytes());
        expect.extend_from_slice(&(-10i128).to_be_bytes());
        expect.extend_from_slice(&0x0203u16.to_le_bytes());
        expect.extend_from_slice(&(-4i16).to_le_bytes());
        expect.extend_from_slice(&5u32.to_le_bytes());
        expect.extend_from_slice(&(-6i32).to_le_bytes());
        expect.extend_from_slice(&7u64.to_le_bytes());
        expect.extend_from_slice(&(-8i64).to_le_bytes());
        expect.extend_from_slice(&9u128.to_le_bytes());
        expect.extend_from_slice(&(-10i128).to_le_bytes());
        assert_eq!(w.inner, expect);
    });
}

#[test]
fn flush_and_shutdown_reach_the_writer() {
    block_on(async {
        let mut w = Choppy::new(Recorder::default());
        w.flush().await.unwrap();
        w.shutdown().await.unwrap();
        assert_eq!((w.inner.flushes, w.inner.shutdowns), (1, 1));
    });
}

#[test]
fn cursor_writers() {
    block_on(async {
        let mut arr = [0u8; 4];
        let mut c = Cursor::new(&mut arr[..]);
        c.write_all(b"ab").await.unwrap();
        let err = c.write_all(b"cde").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::WriteZero);
        assert_eq!(&arr, b"abcd");

        let mut v = Vec::new();
        let mut c = Cursor::new(&mut v);
        c.write_all(b"vec").await.unwrap();
        assert_eq!(v, b"vec");

        let mut c = Cursor::new(Vec::new());
        c.write_all(b"owned").await.unwrap();
        assert_eq!(c.into_inner(), b"owned");

        let mut c = Cursor::new(vec![0u8; 3].into_boxed_slice());
        c.write_all(b"box").await.unwrap();
        assert_eq!(&c.into_inner()[..], b"box");
    });
}
