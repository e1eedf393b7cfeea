mod support;

use support::{block_on, pattern, Choppy, Recorder};
use tokio_io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, BufStream, BufWriter};

#[test]
fn buf_writer_flushes_on_shutdown() {
    block_on(async {
        let mut w = BufWriter::new(Recorder::default());
        w.write_all(b"pending bytes").await.unwrap();
        assert!(w.get_ref().data.is_empty());
        assert_eq!(w.buffer(), b"pending bytes");
        w.shutdown().await.unwrap();
        assert_eq!(w.get_ref().data, b"pending bytes");
        assert_eq!(w.get_ref().shutdowns, 1);
        assert!(w.buffer().is_empty());
    });
}

#[test]
fn buf_writer_through_choppy_inner() {
    block_on(async {
        let data = pattern(10_000);
        let mut w = BufWriter::with_capacity(16, Choppy::new(Vec::new()));
        for chunk in data.chunks(7) {
            w.write_all(chunk).await.unwrap();
        }
        w.write_all(&data[..40]).await.unwrap(); // larger than the buffer: bypass
        w.flush().await.unwrap();
        let mut expect = data.clone();
        expect.extend_from_slice(&data[..40]);
        assert_eq!(w.get_ref().inner, expect);
    });
}

#[test]
fn buf_writer_shutdown_through_choppy_inner() {
    block_on(async {
        let mut w = BufWriter::new(Choppy::new(Recorder::default()));
        w.write_all(b"abcdefghij").await.unwrap();
        w.shutdown().await.unwrap();
        assert_eq!(w.get_ref().inner.data, b"abcdefghij");
        assert_eq!(w.get_ref().inner.shutdowns, 1);
    });
}

#[test]
fn buf_writer_keeps_order_with_small_then_large_write() {
    block_on(async {
        let mut w = BufWriter::with_capacity(8, Vec::new());
        w.write_all(b"abc").await.unwrap();
        w.write_all(b"0123456789").await.unwrap();
        w.flush().await.unwrap();
        assert_eq!(w.get_ref(), b"abc0123456789");
    });
}

#[test]
fn buf_stream_both_directions() {
    block_on(async {
        let (a, b) = tokio_io::duplex(1024);
        let mut a = BufStream::with_capacity(5, 5, a);
        let mut b = BufStream::new(b);
        a.write_all(b"hello from a\n").await.unwrap();
        a.flush().await.unwrap();
        let mut line = String::new();
        b.read_line(&mut line).await.unwrap();
        assert_eq!(line, "hello from a\n");
        b.write_all(b"reply").await.unwrap();
        b.shutdown().await.unwrap();
        let mut out = String::new();
        a.read_to_string(&mut out).await.unwrap();
        assert_eq!(out, "reply");
    });
}

#[test]
fn buf_stream_from_either_layering() {
    let (a, _b) = tokio_io::duplex(16);
    let s = BufStream::from(BufWriter::new(BufReader::new(a)));
    let _a: tokio_io::DuplexStream = s.into_inner();
}
