//! Every utility resumes correctly when its inner reader/writer alternates `Pending`,
//! short reads and short writes.
mod support;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use support::{block_on, pattern, Choppy, Recorder};
use tokio_io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, BufStream, BufWriter};

#[test]
fn take_and_chain_as_buf_readers() {
    block_on(async {
        let data = pattern(300);
        let first = BufReader::with_capacity(5, Choppy::new(&data[..100]));
        let second = BufReader::with_capacity(7, Choppy::new(&data[100..]));
        let mut chained = first.chain(second).take(250);
        let mut out = Vec::new();
        loop {
            let n = chained.read_until(0xAA, &mut out).await.unwrap();
            if n == 0 {
                break;
            }
        }
        assert_eq!(out, &data[..250]);
    });
}

#[test]
fn buf_stream_over_choppy_duplex_end() {
    block_on(async {
        let (a, b) = tokio_io::duplex(10);
        let mut a = BufStream::with_capacity(4, 4, Choppy::new(a));
        let mut b = Choppy::new(b);
        let msg = pattern(1000);
        let send = async {
            a.write_all(&msg).await.unwrap();
            a.flush().await.unwrap();
            let mut back = Vec::new();
            a.get_mut().inner.shutdown().await.unwrap();
            a.read_to_end(&mut back).await.unwrap();
            back
        };
        let echo = async {
            let mut got = vec![0u8; msg.len()];
            b.read_exact(&mut got).await.unwrap();
            b.write_all(&got).await.unwrap();
            b.shutdown().await.unwrap();
        };
        let (back, ()) = futures::join!(send, echo);
        assert_eq!(back, msg);
    });
}

#[test]
fn buf_writer_over_choppy_with_mixed_sizes() {
    block_on(async {
        let data = pattern(5000);
        let mut w = BufWriter::with_capacity(32, Choppy::new(Recorder::default()));
        let mut rest = &data[..];
        let mut size = 1;
        while !rest.is_empty() {
            let n = size.min(rest.len());
            w.write_all(&rest[..n]).await.unwrap();
            rest = &rest[n..];
            size = size * 3 % 97 + 1;
        }
        w.shutdown().await.unwrap();
        assert_eq!(w.get_ref().inner.data, data);
        assert_eq!(w.get_ref().inner.shutdowns, 1);
    });
}

/// A stream of chunks that returns `Pending` (after waking) before every item.
struct SlowChunks {
    chunks: Vec<io::Result<Bytes>>,
    ready: bool,
}

impl Stream for SlowChunks {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if !self.ready {
            self.ready = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.ready = false;
        if self.chunks.is_empty() {
            Poll::Ready(None)
        } else {
            Poll::Ready(Some(self.chunks.remove(0)))
        }
    }
}

#[test]
fn stream_reader_over_pending_stream() {
    block_on(async {
        let data = pattern(1000);
        let chunks = data
            .chunks(37)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let mut reader = tokio_io::stream_reader(SlowChunks {
            chunks,
            ready: false,
        });
        let mut out = Vec::new();
        let mut buf = [0u8; 10];
        loop {
            let n = reader.read(&mut buf).await.unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(out, data);
    });
}

#[test]
fn reader_stream_over_choppy_reader() {
    block_on(async {
        let data = pattern(3000);
        let chunks: Vec<Bytes> = tokio_io::reader_stream(Choppy::new(&data[..]))
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(chunks.concat(), data);
    });
}

#[test]
fn split_halves_over_choppy_stream() {
    block_on(async {
        let (a, b) = tokio_io::duplex(16);
        // Each half gets its own mock: one mock shared by both halves would hand every
        // `Pending` to the same half (its poll counter is shared), starving it.
        let (rd, wr) = tokio_io::split(a);
        let (mut rd, mut wr) = (Choppy::new(rd), Choppy::new(wr));
        let (brd, bwr) = tokio_io::split(b);
        let (mut brd, mut bwr) = (Choppy::new(brd), Choppy::new(bwr));
        let data = pattern(2000);
        let expect = data.clone();
        let send = async {
            wr.write_all(&data).await.unwrap();
            wr.shutdown().await.unwrap();
        };
        let echo = async {
            tokio_io::copy(&mut brd, &mut bwr).await.unwrap();
            bwr.shutdown().await.unwrap();
        };
        let recv = async {
            let mut out = Vec::new();
            rd.read_to_end(&mut out).await.unwrap();
            out
        };
        let ((), (), out) = futures::join!(send, echo, recv);
        assert_eq!(out, expect);
    });
}
