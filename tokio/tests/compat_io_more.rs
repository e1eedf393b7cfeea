//! tokio 0.2.25 compatibility: wrapper trait forwarding (BufReader is AsyncWrite, BufWriter is
//! AsyncRead/AsyncBufRead), `?Sized` copy, `&mut T` impls, io::split on sockets.
#![allow(unused_mut, clippy::unnecessary_mut_passed)]

use std::io::Cursor;
use tokio::io::{
    self, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, BufWriter,
};

#[tokio::test]
async fn buf_reader_forwards_write() {
    let (a, mut b) = io::duplex(64);
    let mut r = BufReader::new(a);
    r.write_all(b"hello\n").await.unwrap();
    r.flush().await.unwrap();
    let mut buf = [0u8; 6];
    b.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"hello\n");
    b.write_all(b"back\n").await.unwrap();
    let mut line = String::new();
    r.read_line(&mut line).await.unwrap();
    assert_eq!(line, "back\n");
}

#[tokio::test]
async fn buf_writer_forwards_read_and_buf_read() {
    let (a, mut b) = io::duplex(64);
    let mut w = BufWriter::new(BufReader::new(a));
    b.write_all(b"line\n").await.unwrap();
    let mut line = String::new();
    w.read_line(&mut line).await.unwrap();
    assert_eq!(line, "line\n");
    w.write_all(b"x").await.unwrap();
    w.flush().await.unwrap();
    let mut one = [0u8; 1];
    b.read_exact(&mut one).await.unwrap();
    assert_eq!(&one, b"x");
}

#[tokio::test]
async fn copy_unsized_trait_objects() {
    let mut src: &[u8] = b"dyn copy";
    let r: &mut (dyn AsyncRead + Unpin) = &mut src;
    let mut out: Vec<u8> = Vec::new();
    let w: &mut (dyn AsyncWrite + Unpin) = &mut out;
    let n = io::copy(r, w).await.unwrap();
    assert_eq!(n, 8);
    assert_eq!(out, b"dyn copy");
}

#[tokio::test]
async fn mut_ref_impls() {
    let mut r: &[u8] = b"abc";
    let mut rr = &mut r;
    let mut s = String::new();
    (&mut rr).read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "abc");
    let mut v = Vec::new();
    let vr = &mut v;
    AsyncWriteExt::write_all(&mut &mut *vr, b"z").await.unwrap();
    assert_eq!(v, b"z");
}

#[tokio::test]
async fn cursor_impls() {
    let mut c = Cursor::new(b"one\ntwo".to_vec());
    let mut line = String::new();
    c.read_line(&mut line).await.unwrap();
    assert_eq!(line, "one\n");
    let mut arr = [0u8; 3];
    let mut w = Cursor::new(&mut arr[..]);
    let n = w.write(b"abcdef").await.unwrap();
    assert_eq!(n, 3);
    let n = w.write(b"g").await.unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn io_split_tcp_stream_and_unsplit() {
    let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    let c = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut s, _) = l.accept().await.unwrap();
    let (mut rd, mut wr) = io::split(c);
    let h = tokio::spawn(async move {
        wr.write_all(b"ping").await.unwrap();
        wr
    });
    let mut buf = [0u8; 4];
    s.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"ping");
    s.write_all(b"pong").await.unwrap();
    rd.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"pong");
    let wr = h.await.unwrap();
    let c: tokio::net::TcpStream = rd.unsplit(wr);
    drop(c);
}

#[tokio::test]
async fn lines_from_tcp_and_framed_echo() {
    let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        let (s, _) = l.accept().await.unwrap();
        let (r, mut w) = io::split(s);
        let mut lines = BufReader::new(r).lines();
        while let Some(line) = lines.next_line().await.unwrap() {
            w.write_all(format!("{}!\n", line).as_bytes())
                .await
                .unwrap();
        }
    });
    let s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut s = BufReader::new(s);
    s.write_all(b"a\nb\n").await.unwrap();
    let mut line = String::new();
    s.read_line(&mut line).await.unwrap();
    assert_eq!(line, "a!\n");
    line.clear();
    s.read_line(&mut line).await.unwrap();
    assert_eq!(line, "b!\n");
}
