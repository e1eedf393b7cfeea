mod support;

use support::{block_on, pattern, Choppy, Recorder, ZeroWriter};
use tokio_io::{AsyncReadExt, AsyncWriteExt, BufWriter};

#[test]
fn copy_several_mib_through_duplex() {
    const LEN: usize = 6 * 1024 * 1024;
    let data = pattern(LEN);
    let (mut a, mut b) = tokio_io::duplex(64 * 1024);
    let (mut c, mut d) = tokio_io::duplex(16 * 1024);
    block_on(async {
        let produce = async {
            for chunk in data.chunks(100_003) {
                a.write_all(chunk).await.unwrap();
            }
            a.shutdown().await.unwrap();
        };
        // b -> c: copy between two duplex pairs.
        let forward = async {
            let n = tokio_io::copy(&mut b, &mut c).await.unwrap();
            c.shutdown().await.unwrap();
            n
        };
        let consume = async {
            let mut out = Vec::with_capacity(LEN);
            d.read_to_end(&mut out).await.unwrap();
            out
        };
        let ((), copied, out) = futures::join!(produce, forward, consume);
        assert_eq!(copied, LEN as u64);
        assert_eq!(out.len(), LEN);
        assert!(out == data, "bytes differ");
    });
}

#[test]
fn copy_through_choppy_reader_and_writer() {
    let data = pattern(20_000);
    let mut reader = Choppy::new(&data[..]);
    let mut writer = Choppy::new(Recorder::default());
    let n = block_on(tokio_io::copy(&mut reader, &mut writer)).unwrap();
    assert_eq!(n, 20_000);
    assert_eq!(writer.inner.data, data);
    assert!(writer.inner.flushes >= 1, "copy flushes at the end");
}

#[test]
fn copy_flushes_buffered_writer_at_end() {
    let data = pattern(100);
    let mut reader = &data[..];
    let mut writer = BufWriter::new(Vec::new());
    let n = block_on(tokio_io::copy(&mut reader, &mut writer)).unwrap();
    assert_eq!(n, 100);
    assert_eq!(writer.get_ref(), &data);
}

#[test]
fn copy_to_zero_writer_is_write_zero() {
    let mut reader: &[u8] = b"data";
    let err = block_on(tokio_io::copy(&mut reader, &mut ZeroWriter)).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::WriteZero);
}

#[test]
fn copy_empty_reader() {
    let mut reader = tokio_io::empty();
    let mut writer = Recorder::default();
    assert_eq!(
        block_on(tokio_io::copy(&mut reader, &mut writer)).unwrap(),
        0
    );
    assert_eq!(writer.flushes, 1);
}

#[test]
fn copy_from_dyn_reader_to_dyn_writer() {
    let mut reader: Box<dyn tokio_io::AsyncRead + Unpin> = Box::new(&b"dyn"[..]);
    let mut out = Vec::new();
    {
        let writer: &mut (dyn tokio_io::AsyncWrite + Unpin) = &mut out;
        block_on(tokio_io::copy(&mut *reader, writer)).unwrap();
    }
    assert_eq!(out, b"dyn");
}

#[test]
fn repeat_take_into_sink() {
    let mut reader = tokio_io::repeat(9).take(50_000);
    let n = block_on(tokio_io::copy(&mut reader, &mut tokio_io::sink())).unwrap();
    assert_eq!(n, 50_000);
}
