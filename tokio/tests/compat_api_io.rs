//! tokio 0.2.25 compatibility audit of `tokio::io` (API-0.2.md §6) and `tokio::prelude`
//! (§10): exact signatures as fn pointers where the item is nameable, trait bounds and
//! auto traits of what the methods return, and the observable results of each call.
#![allow(
    clippy::unused_io_amount,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::type_complexity,
    clippy::redundant_closure,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::async_yields_async,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    deprecated,
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

use std::fmt::Debug;
use std::future::Future;
use std::io::{Cursor, SeekFrom};
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncSeek, AsyncSeekExt, AsyncWrite,
    AsyncWriteExt, BufReader, BufStream, BufWriter, DuplexStream, Empty, Lines, ReadHalf, Repeat,
    Sink, Split, Take, WriteHalf,
};

fn is_read<T: AsyncRead>() {}
fn is_write<T: AsyncWrite>() {}
fn is_buf_read<T: AsyncBufRead>() {}
fn is_seek<T: AsyncSeek>() {}
fn is_send_sync_unpin<T: Send + Sync + Unpin>() {}
fn is_debug<T: Debug>() {}
fn is_fut<F: Future<Output = O>, O>(_: &F) {}
fn is_unpin_send_fut<F: Future<Output = O> + Unpin + Send, O>(_: &F) {}

#[test]
fn std_reexports() {
    let _: tokio::io::Error = tokio::io::Error::new(tokio::io::ErrorKind::Other, "x");
    let _: tokio::io::Result<()> = Ok(());
    let _: tokio::io::SeekFrom = tokio::io::SeekFrom::Start(0);
}

#[test]
fn trait_impls_for_std_types() {
    is_read::<&[u8]>();
    is_read::<Box<dyn AsyncRead + Unpin>>();
    is_read::<&mut (dyn AsyncRead + Unpin)>();
    is_read::<Pin<Box<dyn AsyncRead>>>();
    is_read::<Pin<&mut DuplexStream>>();
    is_read::<Cursor<Vec<u8>>>();
    is_read::<Cursor<&[u8]>>();
    is_read::<Cursor<Box<[u8]>>>();

    is_write::<Vec<u8>>();
    is_write::<Box<dyn AsyncWrite + Unpin>>();
    is_write::<&mut (dyn AsyncWrite + Unpin)>();
    is_write::<Pin<Box<dyn AsyncWrite>>>();
    is_write::<Cursor<&mut [u8]>>();
    is_write::<Cursor<&mut Vec<u8>>>();
    is_write::<Cursor<Vec<u8>>>();
    is_write::<Cursor<Box<[u8]>>>();

    is_buf_read::<&[u8]>();
    is_buf_read::<Box<dyn AsyncBufRead + Unpin>>();
    is_buf_read::<&mut (dyn AsyncBufRead + Unpin)>();
    is_buf_read::<Pin<Box<dyn AsyncBufRead>>>();
    is_buf_read::<Cursor<Vec<u8>>>();

    is_seek::<Cursor<Vec<u8>>>();
    is_seek::<Box<dyn AsyncSeek + Unpin>>();
    is_seek::<&mut (dyn AsyncSeek + Unpin)>();
    is_seek::<Pin<Box<dyn AsyncSeek>>>();
}

#[test]
fn trait_method_signatures() {
    // Required/provided methods as 0.2.25 spells them.
    type C = Cursor<Vec<u8>>;
    let _: fn(Pin<&mut C>, &mut Context<'_>, &mut [u8]) -> Poll<std::io::Result<usize>> =
        <C as AsyncRead>::poll_read;
    let _: fn(Pin<&mut C>, &mut Context<'_>, &mut bytes::BytesMut) -> Poll<std::io::Result<usize>> =
        <C as AsyncRead>::poll_read_buf::<bytes::BytesMut>;
    let _: unsafe fn(&C, &mut [std::mem::MaybeUninit<u8>]) -> bool =
        <C as AsyncRead>::prepare_uninitialized_buffer;
    let _: fn(Pin<&mut Vec<u8>>, &mut Context<'_>, &[u8]) -> Poll<Result<usize, std::io::Error>> =
        <Vec<u8> as AsyncWrite>::poll_write;
    let _: fn(Pin<&mut Vec<u8>>, &mut Context<'_>) -> Poll<Result<(), std::io::Error>> =
        <Vec<u8> as AsyncWrite>::poll_flush;
    let _: fn(Pin<&mut Vec<u8>>, &mut Context<'_>) -> Poll<Result<(), std::io::Error>> =
        <Vec<u8> as AsyncWrite>::poll_shutdown;
    let _: fn(
        Pin<&mut Vec<u8>>,
        &mut Context<'_>,
        &mut bytes::Bytes,
    ) -> Poll<Result<usize, std::io::Error>> =
        <Vec<u8> as AsyncWrite>::poll_write_buf::<bytes::Bytes>;
    let _: for<'a> fn(Pin<&'a mut C>, &mut Context<'_>) -> Poll<std::io::Result<&'a [u8]>> =
        <C as AsyncBufRead>::poll_fill_buf;
    let _: fn(Pin<&mut C>, usize) = <C as AsyncBufRead>::consume;
    let _: fn(Pin<&mut Cursor<Vec<u8>>>, &mut Context<'_>, SeekFrom) -> Poll<std::io::Result<()>> =
        <Cursor<Vec<u8>> as AsyncSeek>::start_seek;
    let _: fn(Pin<&mut Cursor<Vec<u8>>>, &mut Context<'_>) -> Poll<std::io::Result<u64>> =
        <Cursor<Vec<u8>> as AsyncSeek>::poll_complete;
}

/// A user implementation written the 0.2 way (only the required methods).
struct UserIo;
impl AsyncRead for UserIo {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<std::io::Result<usize>> {
        buf[0] = 7;
        Poll::Ready(Ok(1))
    }
}
impl AsyncWrite for UserIo {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<Result<usize, std::io::Error>> {
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), std::io::Error>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Result<(), std::io::Error>> {
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn read_ext_methods() {
    let mut rd: &[u8] = b"abcdef";
    let mut buf = [0u8; 2];
    let f = rd.read(&mut buf);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);

    let f = rd.read_exact(&mut buf);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);
    assert_eq!(&buf, b"cd");

    let mut v = Vec::new();
    let f = rd.read_to_end(&mut v);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);

    let mut rd: &[u8] = b"xyz";
    let mut s = String::new();
    let f = rd.read_to_string(&mut s);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 3);
    assert_eq!(s, "xyz");

    let mut rd: &[u8] = b"buf";
    let mut b = bytes::BytesMut::with_capacity(8);
    let f = rd.read_buf(&mut b);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 3);

    let rd: &[u8] = b"ab";
    let mut chained = rd.chain(&b"cd"[..]);
    is_read::<tokio_io::Chain<&[u8], &[u8]>>();
    is_buf_read::<tokio_io::Chain<&[u8], &[u8]>>();
    let (_a, _b): (&&[u8], &&[u8]) = chained.get_ref();
    let mut s = String::new();
    chained.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "abcd");
    let (_a, _b): (&[u8], &[u8]) = chained.into_inner();

    let rd: &[u8] = b"abcdef";
    let mut t: Take<&[u8]> = rd.take(3);
    assert_eq!(t.limit(), 3);
    t.set_limit(4);
    let _: &&[u8] = t.get_ref();
    let _: &mut &[u8] = t.get_mut();
    let mut s = String::new();
    t.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "abcd");
    let _: &[u8] = t.into_inner();
    is_buf_read::<Take<&[u8]>>();
    is_debug::<Take<&[u8]>>();

    // Works on a user type that implements only the required method, and on `?Sized`.
    let mut u = UserIo;
    let mut one = [0u8; 1];
    assert_eq!(u.read(&mut one).await.unwrap(), 1);
    assert_eq!(one[0], 7);
    let dynr: &mut (dyn AsyncRead + Unpin) = &mut u;
    assert_eq!(dynr.read(&mut one).await.unwrap(), 1);
}

#[tokio::test]
async fn read_int_methods() {
    let data: Vec<u8> = (1..=64).collect();
    let mut rd: &[u8] = &data;
    let f = rd.read_u8();
    is_unpin_send_fut::<_, std::io::Result<u8>>(&f);
    assert_eq!(f.await.unwrap(), 1);
    assert_eq!(rd.read_i8().await.unwrap(), 2);
    assert_eq!(rd.read_u16().await.unwrap(), 0x0304);
    assert_eq!(rd.read_i16().await.unwrap(), 0x0506);
    assert_eq!(rd.read_u32().await.unwrap(), 0x0708090a);
    let _: i32 = rd.read_i32().await.unwrap();
    let _: u64 = rd.read_u64().await.unwrap();
    let _: i64 = rd.read_i64().await.unwrap();
    let _: u128 = rd.read_u128().await.unwrap();
    let mut rd: &[u8] = &data;
    assert_eq!(rd.read_u16_le().await.unwrap(), 0x0201);
    assert_eq!(rd.read_i16_le().await.unwrap(), 0x0403);
    assert_eq!(rd.read_u32_le().await.unwrap(), 0x08070605);
    let _: i32 = rd.read_i32_le().await.unwrap();
    let _: u64 = rd.read_u64_le().await.unwrap();
    let _: i64 = rd.read_i64_le().await.unwrap();
    let _: u128 = rd.read_u128_le().await.unwrap();
    let mut rd: &[u8] = &data;
    let _: i128 = rd.read_i128().await.unwrap();
    let _: i128 = rd.read_i128_le().await.unwrap();
    let mut short: &[u8] = b"\x01";
    let e = short.read_u32().await.unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof);
}

#[tokio::test]
async fn write_ext_methods() {
    let mut w: Vec<u8> = Vec::new();
    let f = w.write(b"ab");
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);
    let f = w.write_all(b"cd");
    is_unpin_send_fut::<_, std::io::Result<()>>(&f);
    f.await.unwrap();
    let mut src = std::io::Cursor::new(&b"ef"[..]);
    let f = w.write_buf(&mut src);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);
    let f = w.flush();
    is_unpin_send_fut::<_, std::io::Result<()>>(&f);
    f.await.unwrap();
    let f = w.shutdown();
    is_unpin_send_fut::<_, std::io::Result<()>>(&f);
    f.await.unwrap();
    assert_eq!(w, b"abcdef");

    let mut w: Vec<u8> = Vec::new();
    let f = w.write_u8(1);
    is_unpin_send_fut::<_, std::io::Result<()>>(&f);
    f.await.unwrap();
    w.write_i8(-1).await.unwrap();
    w.write_u16(0x0203).await.unwrap();
    w.write_i16(0x0405).await.unwrap();
    w.write_u32(1).await.unwrap();
    w.write_i32(1).await.unwrap();
    w.write_u64(1).await.unwrap();
    w.write_i64(1).await.unwrap();
    w.write_u128(1).await.unwrap();
    w.write_i128(1).await.unwrap();
    w.write_u16_le(0x0203).await.unwrap();
    w.write_i16_le(1).await.unwrap();
    w.write_u32_le(1).await.unwrap();
    w.write_i32_le(1).await.unwrap();
    w.write_u64_le(1).await.unwrap();
    w.write_i64_le(1).await.unwrap();
    w.write_u128_le(1).await.unwrap();
    w.write_i128_le(1).await.unwrap();
    assert_eq!(&w[..4], &[1, 0xff, 2, 3]);
    assert_eq!(w.len(), 2 * (1 + 2 + 4 + 8 + 16) + 2 * (2 + 4 + 8 + 16));

    let mut u = UserIo;
    u.write_all(b"x").await.unwrap();
    let dynw: &mut (dyn AsyncWrite + Unpin) = &mut u;
    dynw.write_all(b"x").await.unwrap();
}

#[tokio::test]
async fn buf_read_ext_methods() {
    let mut rd: &[u8] = b"a\nb\r\nc";
    let mut v = Vec::new();
    let f = rd.read_until(b'\n', &mut v);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 2);
    let mut s = String::new();
    let f = rd.read_line(&mut s);
    is_unpin_send_fut::<_, std::io::Result<usize>>(&f);
    assert_eq!(f.await.unwrap(), 3);
    assert_eq!(s, "b\r\n");

    let rd: &[u8] = b"a\nb\r\n\nc";
    let mut lines: Lines<&[u8]> = rd.lines();
    is_debug::<Lines<&[u8]>>();
    is_send_sync_unpin::<Lines<&[u8]>>();
    let _: &mut &[u8] = lines.get_mut();
    let _: &&[u8] = lines.get_ref();
    let f = lines.next_line();
    is_fut::<_, std::io::Result<Option<String>>>(&f);
    assert_eq!(f.await.unwrap().as_deref(), Some("a"));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("b"));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some(""));
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("c"));
    assert_eq!(lines.next_line().await.unwrap(), None);
    let _: &[u8] = lines.into_inner();

    let rd: &[u8] = b"a,b,,c";
    let mut split: Split<&[u8]> = AsyncBufReadExt::split(rd, b',');
    is_debug::<Split<&[u8]>>();
    let f = split.next_segment();
    is_fut::<_, std::io::Result<Option<Vec<u8>>>>(&f);
    assert_eq!(f.await.unwrap(), Some(b"a".to_vec()));
    assert_eq!(split.next_segment().await.unwrap(), Some(b"b".to_vec()));
    assert_eq!(split.next_segment().await.unwrap(), Some(b"".to_vec()));
    assert_eq!(split.next_segment().await.unwrap(), Some(b"c".to_vec()));
    assert_eq!(split.next_segment().await.unwrap(), None);

    // Hidden poll forms.
    let rd: &[u8] = b"x\n";
    let mut lines = rd.lines();
    let got = futures::future::poll_fn(|cx| Pin::new(&mut lines).poll_next_line(cx)).await;
    assert_eq!(got.unwrap().as_deref(), Some("x"));
    let rd: &[u8] = b"x,";
    let mut seg = AsyncBufReadExt::split(rd, b',');
    let got = futures::future::poll_fn(|cx| Pin::new(&mut seg).poll_next_segment(cx)).await;
    assert_eq!(got.unwrap(), Some(b"x".to_vec()));
}

#[tokio::test]
async fn lines_and_split_are_streams() {
    use tokio::stream::StreamExt;
    let rd: &[u8] = b"a\nb\n";
    let v: Vec<String> = rd.lines().map(|l| l.unwrap()).collect().await;
    assert_eq!(v, vec!["a", "b"]);
    let rd: &[u8] = b"a,b";
    let v: Vec<Vec<u8>> = AsyncBufReadExt::split(rd, b',')
        .map(|l| l.unwrap())
        .collect()
        .await;
    assert_eq!(v, vec![b"a".to_vec(), b"b".to_vec()]);
}

#[tokio::test]
async fn seek_ext() {
    let mut c = Cursor::new(vec![1u8, 2, 3, 4]);
    let f = c.seek(SeekFrom::Start(2));
    let _: &tokio::io::Seek<'_, Cursor<Vec<u8>>> = &f;
    is_unpin_send_fut::<_, std::io::Result<u64>>(&f);
    assert_eq!(f.await.unwrap(), 2);
    assert_eq!(c.read_u8().await.unwrap(), 3);
    assert_eq!(c.seek(SeekFrom::End(-1)).await.unwrap(), 3);
    assert_eq!(c.seek(SeekFrom::Current(-3)).await.unwrap(), 0);
}

#[tokio::test]
async fn utilities() {
    // copy: `?Sized` reader and writer.
    let _: for<'a> fn(&'a mut C, &'a mut Vec<u8>) -> tokio::io::Copy<'a, C, Vec<u8>> =
        tokio::io::copy;
    type C = Cursor<Vec<u8>>;
    let mut rd: &[u8] = b"hello";
    let mut w: Vec<u8> = Vec::new();
    let f = tokio::io::copy(&mut rd, &mut w);
    is_unpin_send_fut::<_, std::io::Result<u64>>(&f);
    assert_eq!(f.await.unwrap(), 5);
    let mut rd: Box<dyn AsyncRead + Unpin + Send> = Box::new(&b"dyn"[..]);
    let mut w2: Box<dyn AsyncWrite + Unpin + Send> = Box::new(Vec::new());
    let n = tokio::io::copy(&mut *rd, &mut *w2).await.unwrap();
    assert_eq!(n, 3);

    // duplex
    let _: fn(usize) -> (DuplexStream, DuplexStream) = tokio::io::duplex;
    is_read::<DuplexStream>();
    is_write::<DuplexStream>();
    is_debug::<DuplexStream>();
    is_send_sync_unpin::<DuplexStream>();

    // empty / repeat / sink
    let _: fn() -> Empty = tokio::io::empty;
    let _: fn(u8) -> Repeat = tokio::io::repeat;
    let _: fn() -> Sink = tokio::io::sink;
    is_buf_read::<Empty>();
    is_read::<Repeat>();
    is_write::<Sink>();
    is_debug::<Empty>();
    is_debug::<Repeat>();
    is_debug::<Sink>();
    is_send_sync_unpin::<(Empty, Repeat, Sink)>();
    let mut e = tokio::io::empty();
    let mut v = Vec::new();
    assert_eq!(e.read_to_end(&mut v).await.unwrap(), 0);
    let mut r = tokio::io::repeat(9);
    let mut b = [0u8; 4];
    r.read_exact(&mut b).await.unwrap();
    assert_eq!(b, [9; 4]);
    let mut s = tokio::io::sink();
    assert_eq!(s.write(b"abc").await.unwrap(), 3);

    // split
    let _: fn(DuplexStream) -> (ReadHalf<DuplexStream>, WriteHalf<DuplexStream>) =
        tokio::io::split::<DuplexStream>;
    let (a, _b) = tokio::io::duplex(16);
    let (r, w) = tokio::io::split(a);
    is_debug::<ReadHalf<DuplexStream>>();
    is_debug::<WriteHalf<DuplexStream>>();
    is_send_sync_unpin::<ReadHalf<DuplexStream>>();
    is_send_sync_unpin::<WriteHalf<DuplexStream>>();
    assert!(r.is_pair_of(&w));
    assert!(w.is_pair_of(&r));
    let _a: DuplexStream = r.unsplit(w);
}

#[tokio::test]
async fn buffered_wrappers() {
    let _: fn(&'static [u8]) -> BufReader<&'static [u8]> = BufReader::new;
    let _: fn(usize, &'static [u8]) -> BufReader<&'static [u8]> = BufReader::with_capacity;
    let mut br = BufReader::with_capacity(4, &b"abcdef"[..]);
    is_debug::<BufReader<&[u8]>>();
    is_buf_read::<BufReader<&[u8]>>();
    is_write::<BufReader<DuplexStream>>();
    assert_eq!(br.buffer(), b"");
    assert_eq!(br.fill_buf_len().await, 4);
    assert_eq!(br.buffer(), b"abcd");
    let _: &&[u8] = br.get_ref();
    let _: &mut &[u8] = br.get_mut();
    let _: Pin<&mut &[u8]> = Pin::new(&mut br).get_pin_mut();
    let _: &[u8] = br.into_inner();

    let _: fn(Vec<u8>) -> BufWriter<Vec<u8>> = BufWriter::new;
    let _: fn(usize, Vec<u8>) -> BufWriter<Vec<u8>> = BufWriter::with_capacity;
    let mut bw = BufWriter::new(Vec::new());
    is_debug::<BufWriter<Vec<u8>>>();
    is_read::<BufWriter<DuplexStream>>();
    is_buf_read::<BufWriter<BufReader<DuplexStream>>>();
    bw.write_all(b"xy").await.unwrap();
    assert_eq!(bw.buffer(), b"xy");
    assert!(bw.get_ref().is_empty());
    bw.shutdown().await.unwrap();
    assert_eq!(bw.get_ref(), b"xy");
    let _: &mut Vec<u8> = bw.get_mut();
    let _: Vec<u8> = bw.into_inner();

    let (a, mut b) = tokio::io::duplex(64);
    let _: fn(DuplexStream) -> BufStream<DuplexStream> = BufStream::new;
    let _: fn(usize, usize, DuplexStream) -> BufStream<DuplexStream> = BufStream::with_capacity;
    let mut bs = BufStream::new(a);
    is_debug::<BufStream<DuplexStream>>();
    is_read::<BufStream<DuplexStream>>();
    is_buf_read::<BufStream<DuplexStream>>();
    is_write::<BufStream<DuplexStream>>();
    bs.write_all(b"ping\n").await.unwrap();
    bs.flush().await.unwrap();
    let mut got = [0u8; 5];
    b.read_exact(&mut got).await.unwrap();
    assert_eq!(&got, b"ping\n");
    b.write_all(b"pong\n").await.unwrap();
    let mut line = String::new();
    bs.read_line(&mut line).await.unwrap();
    assert_eq!(line, "pong\n");
    let _: &DuplexStream = bs.get_ref();
    let _: &mut DuplexStream = bs.get_mut();
    let a: DuplexStream = bs.into_inner();
    let bs: BufStream<DuplexStream> = BufReader::new(BufWriter::new(a)).into();
    let a = bs.into_inner();
    let _bs: BufStream<DuplexStream> = BufWriter::new(BufReader::new(a)).into();
}

/// `BufReader::buffer` after one fill.
trait FillLen {
    async fn fill_buf_len(&mut self) -> usize;
}
impl<R: AsyncBufRead + Unpin> FillLen for R {
    async fn fill_buf_len(&mut self) -> usize {
        futures::future::poll_fn(|cx| match Pin::new(&mut *self).poll_fill_buf(cx) {
            Poll::Ready(r) => Poll::Ready(r.map(|b| b.len())),
            Poll::Pending => Poll::Pending,
        })
        .await
        .unwrap()
    }
}

#[tokio::test]
async fn stream_reader_and_reader_stream() {
    use tokio::io::{ReaderStream, StreamReader};
    use tokio::stream::StreamExt;
    let chunks = vec![
        Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"ab")),
        Ok(bytes::Bytes::from_static(b"cd")),
    ];
    let mut r: StreamReader<_, bytes::Bytes> =
        tokio::io::stream_reader(tokio::stream::iter(chunks));
    is_debug::<
        StreamReader<
            tokio::stream::Iter<std::vec::IntoIter<std::io::Result<bytes::Bytes>>>,
            bytes::Bytes,
        >,
    >();
    let mut s = String::new();
    r.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "abcd");

    let rs: ReaderStream<&[u8]> = tokio::io::reader_stream(&b"hello"[..]);
    is_debug::<ReaderStream<&[u8]>>();
    let parts: Vec<std::io::Result<bytes::Bytes>> = rs.collect().await;
    let all: Vec<u8> = parts
        .into_iter()
        .flat_map(|b| b.unwrap().to_vec())
        .collect();
    assert_eq!(all, b"hello");
}

#[tokio::test]
async fn std_streams() {
    use tokio::io::{Stderr, Stdin, Stdout};
    let _: fn() -> Stdin = tokio::io::stdin;
    let _: fn() -> Stdout = tokio::io::stdout;
    let _: fn() -> Stderr = tokio::io::stderr;
    is_read::<Stdin>();
    is_write::<Stdout>();
    is_write::<Stderr>();
    is_debug::<(Stdin, Stdout, Stderr)>();
    fn raw<T: std::os::unix::io::AsRawFd>() {}
    raw::<Stdin>();
    raw::<Stdout>();
    raw::<Stderr>();
    let mut out = tokio::io::stdout();
    out.write_all(b"").await.unwrap();
    out.flush().await.unwrap();
}

#[tokio::test]
async fn prelude_brings_traits_and_ext_methods() {
    mod inner {
        use tokio::prelude::*;
        pub async fn go() -> io::Result<()> {
            let mut rd: &[u8] = b"a\n";
            let mut s = String::new();
            rd.read_line(&mut s).await?;
            let mut v: Vec<u8> = Vec::new();
            v.write_all(s.as_bytes()).await?;
            let mut c = std::io::Cursor::new(v);
            c.seek(io::SeekFrom::Start(0)).await?;
            let mut b = [0u8; 1];
            c.read_exact(&mut b).await?;
            fn _t<T: AsyncRead + AsyncWrite + AsyncBufRead>() {}
            Ok(())
        }
    }
    inner::go().await.unwrap();
}
