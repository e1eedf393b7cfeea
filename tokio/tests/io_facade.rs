//! tokio 0.2 code using `tokio::io` and `tokio::prelude` compiles and runs unchanged.
#![cfg(feature = "full")]

use std::io::SeekFrom;
use tokio::io::{
    self, AsyncBufRead, AsyncRead, AsyncReadExt, AsyncSeek, AsyncWrite, AsyncWriteExt, BufReader,
    BufStream, BufWriter, DuplexStream, Empty, Lines, ReadHalf, Repeat, Sink, Split, Take,
    WriteHalf,
};

fn assert_read<T: AsyncRead>() {}
fn assert_write<T: AsyncWrite>() {}
fn assert_buf_read<T: AsyncBufRead>() {}
fn assert_seek<T: AsyncSeek>() {}

#[test]
fn names_and_trait_impls_exist() {
    assert_read::<DuplexStream>();
    assert_write::<DuplexStream>();
    assert_buf_read::<BufReader<DuplexStream>>();
    assert_buf_read::<BufStream<DuplexStream>>();
    assert_write::<BufWriter<DuplexStream>>();
    assert_read::<ReadHalf<DuplexStream>>();
    assert_write::<WriteHalf<DuplexStream>>();
    assert_buf_read::<Empty>();
    assert_read::<Repeat>();
    assert_write::<Sink>();
    assert_buf_read::<Take<&[u8]>>();
    assert_seek::<std::io::Cursor<Vec<u8>>>();
    assert_read::<io::Stdin>();
    assert_write::<io::Stdout>();
    assert_write::<io::Stderr>();
    let _: Option<Lines<&[u8]>> = None;
    let _: Option<Split<&[u8]>> = None;
    let _: Option<io::Seek<'_, std::io::Cursor<Vec<u8>>>> = None;
    let _: Option<io::Copy<'_, &[u8], Vec<u8>>> = None;
    let _: Option<
        io::StreamReader<futures::stream::Empty<io::Result<bytes::Bytes>>, bytes::Bytes>,
    > = None;
    let _: Option<io::ReaderStream<&[u8]>> = None;
    let _: io::Result<()> = Err(io::Error::other("x"));
}

#[tokio::test]
async fn prelude_brings_ext_methods() {
    use tokio::prelude::*;

    let mut reader: &[u8] = b"hello";
    let mut buf = [0u8; 5];
    reader.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"hello");
    let mut out = Vec::new();
    out.write_all(b"x").await.unwrap();
    let mut lines = (&b"a\nb"[..]).lines();
    assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("a"));
    let mut c = std::io::Cursor::new(vec![1u8, 2]);
    assert_eq!(c.seek(SeekFrom::End(0)).await.unwrap(), 2);
}

#[tokio::test]
async fn copy_between_duplex_halves_on_runtime() {
    let (mut a, mut b) = io::duplex(1024);
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let expect = data.clone();
    let writer = tokio::spawn(async move {
        a.write_all(&data).await.unwrap();
        a.shutdown().await.unwrap();
    });
    let mut out = Vec::new();
    let n = io::copy(&mut b, &mut out).await.unwrap();
    writer.await.unwrap();
    assert_eq!(n, expect.len() as u64);
    assert_eq!(out, expect);
}

#[tokio::test(threaded_scheduler)]
async fn split_halves_on_threaded_runtime() {
    let (a, b) = io::duplex(64);
    let (mut rd, mut wr) = io::split(a);
    let (mut brd, mut bwr) = io::split(b);
    let echo = tokio::spawn(async move {
        let n = io::copy(&mut brd, &mut bwr).await.unwrap();
        bwr.shutdown().await.unwrap();
        n
    });
    let send = tokio::spawn(async move {
        for i in 0..1000u32 {
            wr.write_u32(i).await.unwrap();
        }
        wr.shutdown().await.unwrap();
    });
    for i in 0..1000u32 {
        assert_eq!(rd.read_u32().await.unwrap(), i);
    }
    send.await.unwrap();
    assert_eq!(echo.await.unwrap(), 4000);
    let mut rest = Vec::new();
    rd.read_to_end(&mut rest).await.unwrap();
    assert!(rest.is_empty());
}

#[tokio::test]
async fn stdout_and_stderr_write_and_flush() {
    let mut out = io::stdout();
    out.write_all(b"io_facade: stdout works\n").await.unwrap();
    out.flush().await.unwrap();
    let mut err = io::stderr();
    err.write_all(b"io_facade: stderr works\n").await.unwrap();
    err.shutdown().await.unwrap();
}

#[test]
#[should_panic(expected = "not currently running on a Tokio 0.2.x runtime.")]
fn stdout_outside_runtime_panics_on_first_write() {
    let mut out = io::stdout();
    let _ = futures::executor::block_on(out.write_all(b"never\n"));
}

#[test]
fn select_by_mut_ref_needs_unpin_futures() {
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .build()
        .unwrap();
    rt.block_on(async {
        let (mut a, mut b) = io::duplex(8);
        let mut buf = [0u8; 4];
        let mut read = b.read(&mut buf);
        a.write_all(b"ok").await.unwrap();
        let n = tokio::select! {
            n = &mut read => n.unwrap(),
        };
        assert_eq!(n, 2);
    });
}

#[test]
fn std_streams_and_fs_types_are_send_sync_unpin() {
    fn assert_all<T: Send + Sync + Unpin>() {}
    assert_all::<io::Stdin>();
    assert_all::<io::Stdout>();
    assert_all::<io::Stderr>();
    assert_all::<tokio::fs::File>();
    assert_all::<tokio::fs::ReadDir>();
    assert_all::<tokio::fs::DirEntry>();
    assert_all::<tokio::fs::OpenOptions>();
    assert_all::<tokio::fs::DirBuilder>();
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        assert_eq!(io::stdin().as_raw_fd(), 0);
        assert_eq!(io::stdout().as_raw_fd(), 1);
        assert_eq!(io::stderr().as_raw_fd(), 2);
    }
}
