//! Compile-time checks of `Send`, `Sync` and `Unpin` for every public type and returned
//! future. The futures must be `Unpin` so they can be polled by `&mut` in `select!`.
#![allow(dead_code)]

use std::io::{Cursor, SeekFrom};
use tokio_io::*;

fn send_sync_unpin<T: Send + Sync + Unpin>(_: &T) {}
fn unpin<T: Unpin>(_: &T) {}

type R = &'static [u8];

#[test]
fn utility_types_are_send_sync_unpin() {
    let (a, b) = duplex(8);
    send_sync_unpin(&a);
    let (rd, wr) = split(b);
    send_sync_unpin(&rd);
    send_sync_unpin(&wr);
    send_sync_unpin(&empty());
    send_sync_unpin(&repeat(0));
    send_sync_unpin(&sink());
    let r: R = b"";
    send_sync_unpin(&BufReader::new(r));
    send_sync_unpin(&BufWriter::new(Vec::new()));
    send_sync_unpin(&BufStream::new(a));
    send_sync_unpin(&r.take(1));
    send_sync_unpin(&r.chain(r));
    send_sync_unpin(&r.lines());
    send_sync_unpin(&AsyncBufReadExt::split(r, b','));
    send_sync_unpin(&reader_stream(r));
    send_sync_unpin(&stream_reader(futures::stream::empty::<
        std::io::Result<bytes::Bytes>,
    >()));
}

#[test]
fn returned_futures_are_send_sync_unpin() {
    let mut r: R = b"";
    let mut w: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4];
    let mut v = Vec::new();
    let mut s = String::new();
    send_sync_unpin(&r.read(&mut buf));
    send_sync_unpin(&r.read_exact(&mut buf));
    send_sync_unpin(&r.read_buf(&mut v));
    send_sync_unpin(&r.read_to_end(&mut v));
    send_sync_unpin(&r.read_to_string(&mut s));
    send_sync_unpin(&r.read_u8());
    send_sync_unpin(&r.read_i128_le());
    send_sync_unpin(&r.read_until(b'\n', &mut v));
    send_sync_unpin(&r.read_line(&mut s));
    send_sync_unpin(&w.write(b""));
    send_sync_unpin(&w.write_all(b""));
    send_sync_unpin(&w.write_buf(&mut &b""[..]));
    send_sync_unpin(&w.flush());
    send_sync_unpin(&w.shutdown());
    send_sync_unpin(&w.write_u64(1));
    send_sync_unpin(&w.write_i16_le(1));
    let mut c = Cursor::new(vec![0u8]);
    send_sync_unpin(&c.seek(SeekFrom::Start(0)));
    send_sync_unpin(&copy(&mut r, &mut w));
}

/// A reader that is neither `Send` nor `Sync`: the futures over it are still `Unpin`.
struct Local(std::rc::Rc<()>);

impl AsyncRead for Local {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        _: &mut [u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::task::Poll::Ready(Ok(0))
    }
}

#[test]
fn futures_over_non_send_reader_are_unpin() {
    let mut l = Local(std::rc::Rc::new(()));
    let mut buf = [0u8; 1];
    unpin(&l.read(&mut buf));
    unpin(&l.read_u32());
}

#[test]
fn futures_work_by_mut_ref_in_select() {
    support_block_on(async {
        let (mut a, mut b) = duplex(8);
        let mut buf = [0u8; 1];
        let mut read = b.read(&mut buf);
        a.write_all(b"x").await.unwrap();
        // Polling by `&mut` needs `Unpin`.
        let n = futures::future::select(&mut read, futures::future::pending::<()>()).await;
        assert!(matches!(n, futures::future::Either::Left((Ok(1), _))));
    });
}

fn support_block_on<F: std::future::Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}
