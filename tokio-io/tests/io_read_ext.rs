mod support;

use std::io::ErrorKind;
use support::{block_on, pattern, Choppy};
use tokio_io::{AsyncReadExt, BufReader};

#[test]
fn read_exact_resumes_through_choppy_reader() {
    let data = pattern(100);
    let mut reader = Choppy::new(&data[..]);
    let mut buf = [0u8; 77];
    let n = block_on(reader.read_exact(&mut buf)).unwrap();
    assert_eq!(n, 77);
    assert_eq!(&buf[..], &data[..77]);
    assert!(reader.pendings > 10);
}

#[test]
fn read_exact_early_eof_is_unexpected_eof() {
    let mut reader = Choppy::new(&b"short"[..]);
    let mut buf = [0u8; 6];
    let err = block_on(reader.read_exact(&mut buf)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedEof);
}

#[test]
fn read_exact_empty_buffer_is_immediately_ok() {
    let mut reader: &[u8] = b"";
    assert_eq!(block_on(reader.read_exact(&mut [])).unwrap(), 0);
}

#[test]
fn read_to_end_appends_and_counts() {
    let data = pattern(10_000);
    let mut reader = Choppy::new(BufReader::with_capacity(7, &data[..]));
    let mut out = b"prefix".to_vec();
    let n = block_on(reader.read_to_end(&mut out)).unwrap();
    assert_eq!(n, 10_000);
    assert_eq!(&out[..6], b"prefix");
    assert_eq!(&out[6..], &data[..]);
}

#[test]
fn read_to_end_large_plain_reader() {
    let data = pattern(1 << 20);
    let mut reader = &data[..];
    let mut out = Vec::new();
    assert_eq!(block_on(reader.read_to_end(&mut out)).unwrap(), 1 << 20);
    assert_eq!(out, data);
}

#[test]
fn read_to_string_valid_through_choppy() {
    let text = "héllo wörld, ünïcode ✓\n".repeat(20);
    let mut reader = Choppy::new(text.as_bytes());
    let mut out = String::from(">");
    let n = block_on(reader.read_to_string(&mut out)).unwrap();
    assert_eq!(n, text.len());
    assert_eq!(out, format!(">{text}"));
}

#[test]
fn read_to_string_invalid_utf8_leaves_string_untouched() {
    let mut bytes = b"valid start ".to_vec();
    bytes.extend_from_slice(&[0xf0, 0x28, 0x8c, 0x28]);
    bytes.extend_from_slice(b" more");
    let mut reader = Choppy::new(&bytes[..]);
    let mut out = String::from("original");
    let err = block_on(reader.read_to_string(&mut out)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert_eq!(out, "original");
}

#[test]
fn read_to_string_truncated_multibyte_char_is_invalid() {
    let mut reader: &[u8] = &"é".as_bytes()[..1];
    let mut out = String::new();
    let err = block_on(reader.read_to_string(&mut out)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert!(out.is_empty());
}

#[test]
fn read_into_slice_and_read_buf() {
    let mut reader: &[u8] = b"abcdef";
    let mut buf = [0u8; 4];
    assert_eq!(block_on(reader.read(&mut buf)).unwrap(), 4);
    assert_eq!(&buf, b"abcd");
    let mut out = bytes::BytesMut::with_capacity(16);
    assert_eq!(block_on(reader.read_buf(&mut out)).unwrap(), 2);
    assert_eq!(&out[..], b"ef");
    assert_eq!(block_on(reader.read(&mut buf)).unwrap(), 0);
}

#[test]
fn integer_readers_big_and_little_endian() {
    let mut bytes = Vec::new();
    bytes.push(0xfe); // u8
    bytes.push(0x80); // i8
    bytes.extend_from_slice(&0x0102u16.to_be_bytes());
    bytes.extend_from_slice(&(-2i16).to_be_bytes());
    bytes.extend_from_slice(&0x0102_0304u32.to_be_bytes());
    bytes.extend_from_slice(&(-3i32).to_be_bytes());
    bytes.extend_from_slice(&0x0102_0304_0506_0708u64.to_be_bytes());
    bytes.extend_from_slice(&(-4i64).to_be_bytes());
    bytes.extend_from_slice(&(u128::MAX - 5).to_be_bytes());
    bytes.extend_from_slice(&(i128::MIN + 6).to_be_bytes());
    bytes.extend_from_slice(&0x0102u16.to_le_bytes());
    bytes.extend_from_slice(&(-2i16).to_le_bytes());
    bytes.extend_from_slice(&0x0102_0304u32.to_le_bytes());
    bytes.extend_from_slice(&(-3i32).to_le_bytes());
    bytes.extend_from_slice(&0x0102_0304_0506_0708u64.to_le_bytes());
    bytes.extend_from_slice(&(-4i64).to_le_bytes());
    bytes.extend_from_slice(&(u128::MAX - 5).to_le_bytes());
    bytes.extend_from_slice(&(i128::MIN + 6).to_le_bytes());
    let mut r = Choppy::new(&bytes[..]);
    block_on(async {
        assert_eq!(r.read_u8().await.unwrap(), 0xfe);
        assert_eq!(r.read_i8().await.unwrap(), -128);
        assert_eq!(r.read_u16().await.unwrap(), 0x0102);
        assert_eq!(r.read_i16().await.unwrap(), -2);
        assert_eq!(r.read_u32().await.unwrap(), 0x0102_0304);
        assert_eq!(r.read_i32().await.unwrap(), -3);
        assert_eq!(r.read_u64().await.unwrap(), 0x0102_0304_0506_0708);
        assert_eq!(r.read_i64().await.unwrap(), -4);
        assert_eq!(r.read_u128().await.unwrap(), u128::MAX - 5);
        assert_eq!(r.read_i128().await.unwrap(), i128::MIN + 6);
        assert_eq!(r.read_u16_le().await.unwrap(), 0x0102);
        assert_eq!(r.read_i16_le().await.unwrap(), -2);
        assert_eq!(r.read_u32_le().await.unwrap(), 0x0102_0304);
        assert_eq!(r.read_i32_le().await.unwrap(), -3);
        assert_eq!(r.read_u64_le().await.unwrap(), 0x0102_0304_0506_0708);
        assert_eq!(r.read_i64_le().await.unwrap(), -4);
        assert_eq!(r.read_u128_le().await.unwrap(), u128::MAX - 5);
        assert_eq!(r.read_i128_le().await.unwrap(), i128::MIN + 6);
        let err = r.read_u8().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnexpectedEof);
    });
}

#[test]
fn integer_reader_partial_then_eof() {
    let mut r: &[u8] = &[1, 2, 3];
    let err = block_on(r.read_u32()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedEof);
}

#[test]
fn take_limits_and_reports_limit() {
    let data = pattern(50);
    let mut take = Choppy::new(&data[..]).take(20);
    let mut out = Vec::new();
    assert_eq!(block_on(take.read_to_end(&mut out)).unwrap(), 20);
    assert_eq!(out, &data[..20]);
    assert_eq!(take.limit(), 0);
    take.set_limit(5);
    out.clear();
    block_on(take.read_to_end(&mut out)).unwrap();
    assert_eq!(out, &data[20..25]);
}

#[test]
fn chain_reads_first_then_second() {
    let first = Choppy::new(&b"first-"[..]);
    let second = Choppy::new(&b"second"[..]);
    let mut chain = first.chain(second);
    let mut out = String::new();
    block_on(chain.read_to_string(&mut out)).unwrap();
    assert_eq!(out, "first-second");
    let (a, b) = chain.into_inner();
    assert!(a.inner.is_empty() && b.inner.is_empty());
}

#[test]
fn cursor_and_box_and_pin_readers() {
    block_on(async {
        let mut cursor = std::io::Cursor::new(b"cursor".to_vec());
        let mut s = String::new();
        cursor.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "cursor");

        let mut boxed: Box<dyn tokio_io::AsyncRead + Unpin> = Box::new(&b"boxed"[..]);
        s.clear();
        boxed.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "boxed");

        let mut pinned = Box::pin(&b"pinned"[..]);
        s.clear();
        pinned.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "pinned");
    });
}

#[test]
fn read_to_string_io_error_leaves_string_untouched() {
    let mut reader = support::FailAfter { data: b"def" };
    let mut out = String::from("abc");
    let err = block_on(reader.read_to_string(&mut out)).unwrap_err();
    assert_eq!(err.to_string(), "whoops");
    assert_eq!(out, "abc");
}

#[test]
fn read_to_end_io_error_keeps_bytes_read() {
    let mut reader = support::FailAfter { data: b"def" };
    let mut out = b"abc".to_vec();
    let err = block_on(reader.read_to_end(&mut out)).unwrap_err();
    assert_eq!(err.to_string(), "whoops");
    assert_eq!(out, b"abcdef");
}

#[test]
fn read_to_string_error_message() {
    let mut reader: &[u8] = &[0xff, 0xff];
    let mut out = String::new();
    let err = block_on(reader.read_to_string(&mut out)).unwrap_err();
    assert_eq!(err.to_string(), "stream did not contain valid UTF-8");
}

#[test]
fn dropped_read_to_string_keeps_valid_partial_data() {
    use futures::FutureExt;
    let (mut a, mut b) = tokio_io::duplex(16);
    block_on(tokio_io::AsyncWriteExt::write_all(&mut a, b"part")).unwrap();
    let mut out = String::from(">");
    assert!(b.read_to_string(&mut out).now_or_never().is_none());
    assert_eq!(out, ">part");
}
