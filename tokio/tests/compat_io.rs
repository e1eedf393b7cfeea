//! tokio 0.2.25 compatibility: `tokio::io` traits (0.2 `poll_read(&mut [u8])` shape), ext
//! traits, utilities and the prelude.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    clippy::io_other_error,
    unused_mut
)]

use std::io::Cursor;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{
    self, AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncSeek, AsyncSeekExt,
    AsyncWrite, AsyncWriteExt, BufReader, BufStream, BufWriter,
};

fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), f)
            .await
            .expect("test timed out")
    })
}

/// A reader written against the 0.2 trait shape.
struct Chunks {
    chunks: Vec<Vec<u8>>,
}

impl AsyncRead for Chunks {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        if self.chunks.is_empty() {
            return Poll::Ready(Ok(0));
        }
        let c = self.chunks.remove(0);
        let n = c.len().min(buf.len());
        buf[..n].copy_from_slice(&c[..n]);
        Poll::Ready(Ok(n))
    }
}

/// A writer written against the 0.2 trait shape.
#[derive(Default)]
struct Collect {
    data: Vec<u8>,
    flushed: bool,
    shut: bool,
}

impl AsyncWrite for Collect {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<Result<usize, io::Error>> {
        self.data.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), io::Error>> {
        self.flushed = true;
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Result<(), io::Error>> {
        self.shut = true;
        Poll::Ready(Ok(()))
    }
}

#[test]
fn user_impl_read_write_0_2_shape() {
    run(async {
        let mut r = Chunks {
            chunks: vec![b"ab".to_vec(), b"cd".to_vec()],
        };
        let mut out = Vec::new();
        r.read_to_end(&mut out).await.unwrap();
        assert_eq!(out, b"abcd");
        let mut w = Collect::default();
        w.write_all(b"xyz").await.unwrap();
        w.flush().await.unwrap();
        w.shutdown().await.unwrap();
        assert_eq!(w.data, b"xyz");
        assert!(w.flushed && w.shut);
    });
}

#[test]
fn prepare_uninitialized_buffer_default() {
    let r = Chunks { chunks: vec![] };
    let mut buf = [std::mem::MaybeUninit::<u8>::new(7); 4];
    // SAFETY: the buffer is a valid slice of MaybeUninit<u8>.
    let zeroed = unsafe { r.prepare_uninitialized_buffer(&mut buf) };
    assert!(zeroed);
    // SAFETY: prepare_uninitialized_buffer zero-filled the buffer.
    let b0 = unsafe { buf[0].assume_init() };
    assert_eq!(b0, 0);
}

#[test]
fn poll_read_buf_and_poll_write_buf_with_bytes() {
    use bytes::{Buf, BytesMut};
    run(async {
        let mut r: &[u8] = b"hello";
        let mut bm = BytesMut::with_capacity(16);
        let n = futures::future::poll_fn(|cx| Pin::new(&mut r).poll_read_buf(cx, &mut bm))
            .await
            .unwrap();
        assert_eq!(n, 5);
        assert_eq!(&bm[..], b"hello");
        let mut w = Vec::new();
        let mut src = Cursor::new(b"abc".to_vec());
        let n = futures::future::poll_fn(|cx| Pin::new(&mut w).poll_write_buf(cx, &mut src))
            .await
            .unwrap();
        assert_eq!(n, 3);
        assert_eq!(src.remaining(), 0);
        assert_eq!(w, b"abc");
    });
}

#[test]
fn read_ext_methods() {
    run(async {
        let data: Vec<u8> = vec![
            1, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 5, 0, 6, 0, 0, 0, 0xff, b'r', b'e', b's',
            b't',
        ];
        let mut r = Cursor::new(data);
        assert_eq!(r.read_u8().await.unwrap(), 1);
        assert_eq!(r.read_u16().await.unwrap(), 2);
        assert_eq!(r.read_u32().await.unwrap(), 3);
        assert_eq!(r.read_u64().await.unwrap(), 4);
        assert_eq!(r.read_u16_le().await.unwrap(), 5);
        assert_eq!(r.read_u32_le().await.unwrap(), 6);
        assert_eq!(r.read_i8().await.unwrap(), -1);
        let mut s = String::new();
        r.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "rest");

        let mut r: &[u8] = b"0123456789";
        let mut buf = [0u8; 3];
        assert_eq!(r.read(&mut buf).await.unwrap(), 3);
        assert_eq!(r.read_exact(&mut buf).await.unwrap(), 3);
        assert_eq!(&buf, b"345");
        let mut bm = bytes::BytesMut::with_capacity(8);
        let n = r.read_buf(&mut bm).await.unwrap();
        assert_eq!(&bm[..n], b"6789");
        let err = r.read_exact(&mut buf).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);

        let r1: &[u8] = b"ab";
        let r2: &[u8] = b"cd";
        let mut ch = r1.chain(r2);
        let mut s = String::new();
        ch.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "abcd");
        let (a, b) = ch.into_inner();
        assert!(a.is_empty() && b.is_empty());

        let r: &[u8] = b"abcdef";
        let mut t: io::Take<&[u8]> = r.take(3);
        assert_eq!(t.limit(), 3);
        let mut v = Vec::new();
        t.read_to_end(&mut v).await.unwrap();
        assert_eq!(v, b"abc");
        t.set_limit(10);
        let _inner: &[u8] = t.into_inner();
    });
}

#[test]
fn write_ext_methods() {
    run(async {
        let mut w: Vec<u8> = Vec::new();
        w.write_u8(1).await.unwrap();
        w.write_u16(2).await.unwrap();
        w.write_i32_le(-1).await.unwrap();
        w.write_u128(5).await.unwrap();
        let n = w.write(b"x").await.unwrap();
        assert_eq!(n, 1);
        let mut src = Cursor::new(b"yz".to_vec());
        let n = w.write_buf(&mut src).await.unwrap();
        assert_eq!(n, 2);
        assert_eq!(w.len(), 1 + 2 + 4 + 16 + 1 + 2);
        assert_eq!(&w[..3], &[1, 0, 2]);
        assert_eq!(&w[3..7], &[0xff; 4]);

        let mut buf = [0u8; 4];
        let mut c = Cursor::new(&mut buf[..]);
        c.write_all(b"abcd").await.unwrap();
        let mut c = Cursor::new(Vec::new());
        c.write_all(b"abcd").await.unwrap();
        let mut v = Vec::new();
        let mut c = Cursor::new(&mut v);
        c.write_all(b"ab").await.unwrap();
        let mut c = Cursor::new(vec![0u8; 2].into_boxed_slice());
        c.write_all(b"ab").await.unwrap();
    });
}

#[test]
fn buf_read_ext_and_lines_split() {
    run(async {
        let mut r = BufReader::new(&b"one\ntwo\r\nthree"[..]);
        let mut line = String::new();
        assert_eq!(r.read_line(&mut line).await.unwrap(), 4);
        assert_eq!(line, "one\n");
        let mut v = Vec::new();
        r.read_until(b'\n', &mut v).await.unwrap();
        assert_eq!(v, b"two\r\n");

        let mut lines = BufReader::new(&b"a\nb\r\nc"[..]).lines();
        assert_eq!(lines.next_line().await.unwrap(), Some("a".to_string()));
        assert_eq!(lines.next_line().await.unwrap(), Some("b".to_string()));
        assert_eq!(lines.next_line().await.unwrap(), Some("c".to_string()));
        assert_eq!(lines.next_line().await.unwrap(), None);

        use tokio::stream::StreamExt;
        let lines: Vec<String> = BufReader::new(&b"x\ny\n"[..])
            .lines()
            .map(|l| l.unwrap())
            .collect()
            .await;
        assert_eq!(lines, vec!["x", "y"]);

        let mut split = BufReader::new(&b"a,b,c"[..]).split(b',');
        assert_eq!(split.next_segment().await.unwrap(), Some(b"a".to_vec()));
        let rest: Vec<Vec<u8>> = split.map(|s| s.unwrap()).collect().await;
        assert_eq!(rest, vec![b"b".to_vec(), b"c".to_vec()]);

        let mut lines: io::Lines<BufReader<&[u8]>> = BufReader::new(&b"q"[..]).lines();
        let _r: &BufReader<&[u8]> = lines.get_ref();
        let _m = lines.get_mut();
        let _i = lines.into_inner();
    });
}

#[test]
fn buf_reader_writer_stream_accessors() {
    run(async {
        let mut r = BufReader::with_capacity(4, &b"abcdefgh"[..]);
        let buf = futures::future::poll_fn(|cx| {
            Pin::new(&mut r).poll_fill_buf(cx).map_ok(|b| b.to_vec())
        })
        .await
        .unwrap();
        assert_eq!(buf, b"abcd");
        assert_eq!(r.buffer(), b"abcd");
        Pin::new(&mut r).consume(2);
        assert_eq!(r.buffer(), b"cd");
        let _: &&[u8] = r.get_ref();
        let _ = r.get_mut();
        let _ = r.into_inner();

        let mut w = BufWriter::with_capacity(16, Vec::new());
        w.write_all(b"buffered").await.unwrap();
        assert_eq!(w.buffer(), b"buffered");
        assert!(w.get_ref().is_empty());
        w.flush().await.unwrap();
        assert_eq!(w.get_ref(), b"buffered");
        let v = w.into_inner();
        assert_eq!(v, b"buffered");

        let (a, mut b) = io::duplex(64);
        let mut s = BufStream::new(a);
        s.write_all(b"ping\n").await.unwrap();
        s.flush().await.unwrap();
        let mut line = String::new();
        let mut br = BufReader::new(&mut b);
        br.read_line(&mut line).await.unwrap();
        assert_eq!(line, "ping\n");
        b.write_all(b"pong\n").await.unwrap();
        line.clear();
        s.read_line(&mut line).await.unwrap();
        assert_eq!(line, "pong\n");
        let _ = BufStream::with_capacity(8, 8, io::duplex(8).0);
        let _: BufStream<io::DuplexStream> =
            BufStream::from(BufReader::new(BufWriter::new(io::duplex(8).0)));
        let _: BufStream<io::DuplexStream> =
            BufStream::from(BufWriter::new(BufReader::new(io::duplex(8).0)));
    });
}

#[test]
fn copy_and_utilities() {
    run(async {
        let mut r: &[u8] = b"copy me";
        let mut w: Vec<u8> = Vec::new();
        let n: u64 = io::copy(&mut r, &mut w).await.unwrap();
        assert_eq!(n, 7);
        assert_eq!(w, b"copy me");

        let mut e = io::empty();
        let mut v = Vec::new();
        assert_eq!(e.read_to_end(&mut v).await.unwrap(), 0);
        let mut rep = io::repeat(b'z').take(3);
        let mut v = Vec::new();
        rep.read_to_end(&mut v).await.unwrap();
        assert_eq!(v, b"zzz");
        let mut sink = io::sink();
        sink.write_all(b"gone").await.unwrap();
        let _ = format!("{:?}{:?}{:?}", io::empty(), io::repeat(1), io::sink());
    });
}

#[test]
fn generic_split_unsplit() {
    run(async {
        let (a, mut b) = io::duplex(64);
        let (mut rd, mut wr): (
            io::ReadHalf<io::DuplexStream>,
            io::WriteHalf<io::DuplexStream>,
        ) = io::split(a);
        assert!(rd.is_pair_of(&wr));
        assert!(wr.is_pair_of(&rd));
        wr.write_all(b"abc").await.unwrap();
        let mut buf = [0u8; 3];
        b.read_exact(&mut buf).await.unwrap();
        b.write_all(b"def").await.unwrap();
        rd.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"def");
        let _a: io::DuplexStream = rd.unsplit(wr);
    });
}

#[test]
fn generic_unsplit_wrong_pair_panics() {
    let (a, b) = io::duplex(8);
    let (ra, _wa) = io::split(a);
    let (_rb, wb) = io::split(b);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _ = ra.unsplit(wb);
    }));
    let e = r.unwrap_err();
    let msg = e
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap();
    assert_eq!(
        msg,
        "Unrelated `split::Write` passed to `split::Read::unsplit`."
    );
}

#[test]
fn duplex_drop_gives_eof() {
    run(async {
        let (mut a, b) = io::duplex(16);
        drop(b);
        let mut buf = [0u8; 4];
        assert_eq!(a.read(&mut buf).await.unwrap(), 0);
        // writes toward the dropped end keep succeeding until the buffer is full
        a.write_all(b"1234").await.unwrap();
        let _ = format!("{:?}", a);
    });
}

#[test]
fn seek_cursor() {
    run(async {
        let mut c = Cursor::new(b"0123456789".to_vec());
        let pos = c.seek(io::SeekFrom::Start(4)).await.unwrap();
        assert_eq!(pos, 4);
        let mut b = [0u8; 2];
        c.read_exact(&mut b).await.unwrap();
        assert_eq!(&b, b"45");
        let pos = c.seek(io::SeekFrom::End(-1)).await.unwrap();
        assert_eq!(pos, 9);
    });
}

/// An AsyncSeek impl in 0.2 shape: start_seek takes cx and returns Poll.
struct Seeker(u64);
impl AsyncSeek for Seeker {
    fn start_seek(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        position: io::SeekFrom,
    ) -> Poll<io::Result<()>> {
        if let io::SeekFrom::Start(p) = position {
            self.0 = p;
        }
        Poll::Ready(Ok(()))
    }
    fn poll_complete(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        Poll::Ready(Ok(self.0))
    }
}

#[test]
fn user_async_seek_0_2_shape() {
    run(async {
        let mut s = Seeker(0);
        assert_eq!(s.seek(io::SeekFrom::Start(12)).await.unwrap(), 12);
    });
}

/// An AsyncBufRead impl in 0.2 shape.
struct OneBuf(Vec<u8>, usize);
impl AsyncRead for OneBuf {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let start = self.1;
        let n = (self.0.len() - start).min(buf.len());
        buf[..n].copy_from_slice(&self.0[start..start + n]);
        self.1 += n;
        Poll::Ready(Ok(n))
    }
}
impl AsyncBufRead for OneBuf {
    fn poll_fill_buf(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        Poll::Ready(Ok(&this.0[this.1..]))
    }
    fn consume(mut self: Pin<&mut Self>, amt: usize) {
        self.1 += amt;
    }
}

#[test]
fn user_async_buf_read() {
    run(async {
        let mut r = OneBuf(b"l1\nl2\n".to_vec(), 0);
        let mut s = String::new();
        r.read_line(&mut s).await.unwrap();
        assert_eq!(s, "l1\n");
    });
}

#[test]
fn trait_object_impls() {
    run(async {
        let mut b: Box<dyn AsyncRead + Unpin> = Box::new(&b"boxed"[..]);
        let mut s = String::new();
        b.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "boxed");
        let mut w: Box<dyn AsyncWrite + Unpin + Send> = Box::new(Vec::new());
        w.write_all(b"x").await.unwrap();
        let mut p: Pin<Box<dyn AsyncRead>> = Box::pin(&b"pinned"[..]);
        let mut s = String::new();
        p.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "pinned");
    });
}

#[test]
fn stream_reader_and_reader_stream() {
    use tokio::stream::StreamExt;
    run(async {
        let chunks = vec![
            Ok(bytes::Bytes::from_static(b"ab")),
            Ok(bytes::Bytes::from_static(b"cd")),
        ];
        let mut r = io::stream_reader(tokio::stream::iter(chunks));
        let mut s = String::new();
        r.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "abcd");
        let _ = format!("{:?}", r);

        let rs = io::reader_stream(&b"xyz"[..]);
        let all: Vec<bytes::Bytes> = rs.map(|b| b.unwrap()).collect().await;
        let flat: Vec<u8> = all.iter().flat_map(|b| b.iter().copied()).collect();
        assert_eq!(flat, b"xyz");
    });
}

#[test]
fn prelude_imports() {
    use tokio::prelude::*;
    run(async {
        let mut r: &[u8] = b"pre";
        let mut v = Vec::new();
        r.read_to_end(&mut v).await.unwrap();
        let mut w = Vec::new();
        w.write_all(&v).await.unwrap();
        fn takes<T: AsyncRead + AsyncWrite + AsyncBufRead>() {}
        let _ = takes::<BufReader<io::DuplexStream>>;
        let _: io::Result<()> = Ok(());
    });
}

#[test]
fn std_streams_exist() {
    run(async {
        let mut out = io::stdout();
        out.write_all(b"").await.unwrap();
        let mut err = io::stderr();
        err.flush().await.unwrap();
        let _in = io::stdin();
        let _ = format!("{:?}", out);
    });
}

#[test]
fn io_error_reexports() {
    let e = io::Error::new(io::ErrorKind::Other, "x");
    let _r: io::Result<()> = Err(e);
    let _ = io::SeekFrom::Current(0);
}
