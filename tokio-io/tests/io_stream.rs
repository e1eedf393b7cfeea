mod support;

use bytes::Bytes;
use futures::StreamExt;
use std::io::{self, ErrorKind, SeekFrom};
use support::{block_on, pattern, Choppy};
use tokio_io::{AsyncBufReadExt, AsyncReadExt, AsyncSeekExt};

#[test]
fn stream_reader_reads_chunks_in_order_and_errors() {
    block_on(async {
        let chunks: Vec<io::Result<Bytes>> = vec![
            Ok(Bytes::from_static(b"ab")),
            Ok(Bytes::new()),
            Ok(Bytes::from_static(b"cde\nf")),
            Err(io::Error::other("boom")),
        ];
        let mut reader = tokio_io::stream_reader(futures::stream::iter(chunks));
        let mut line = String::new();
        reader.read_line(&mut line).await.unwrap();
        assert_eq!(line, "abcde\n");
        let mut buf = [0u8; 8];
        assert_eq!(reader.read(&mut buf).await.unwrap(), 1);
        let err = reader.read(&mut buf).await.unwrap_err();
        assert_eq!(err.to_string(), "boom");
    });
}

#[test]
fn reader_stream_chunks_are_at_most_4k_and_complete() {
    block_on(async {
        let data = pattern(20_000);
        let chunks: Vec<Bytes> = tokio_io::reader_stream(&data[..])
            .map(Result::unwrap)
            .collect()
            .await;
        assert!(chunks.iter().all(|c| !c.is_empty() && c.len() <= 4096));
        assert_eq!(chunks.concat(), data);
        let small: Vec<Bytes> = tokio_io::reader_stream(Choppy::new(&data[..100]))
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(small.concat(), &data[..100]);
    });
}

#[test]
fn round_trip_reader_stream_into_stream_reader() {
    block_on(async {
        let data = pattern(50_000);
        let stream = tokio_io::reader_stream(&data[..]);
        let mut reader = tokio_io::stream_reader(stream);
        let mut out = Vec::new();
        reader.read_to_end(&mut out).await.unwrap();
        assert_eq!(out, data);
    });
}

#[test]
fn seek_on_cursor_and_boxed() {
    block_on(async {
        let mut c = std::io::Cursor::new(b"0123456789".to_vec());
        assert_eq!(c.seek(SeekFrom::End(-3)).await.unwrap(), 7);
        assert_eq!(c.read_u8().await.unwrap(), b'7');
        assert_eq!(c.seek(SeekFrom::Current(-5)).await.unwrap(), 3);
        let err = c.seek(SeekFrom::Current(-10)).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let mut boxed: Box<dyn tokio_io::AsyncSeek + Unpin> = Box::new(c);
        assert_eq!(boxed.seek(SeekFrom::Start(1)).await.unwrap(), 1);
    });
}

#[test]
fn empty_and_repeat() {
    block_on(async {
        let mut e = tokio_io::empty();
        let mut line = String::new();
        assert_eq!(e.read_line(&mut line).await.unwrap(), 0);
        let mut r = tokio_io::repeat(b'a');
        let mut buf = [0u8; 3];
        r.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"aaa");
    });
}
