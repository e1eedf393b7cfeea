#![cfg(all(unix, feature = "full"))]

use tokio::net::{UnixDatagram, UnixListener, UnixStream};
use tokio::prelude::*;

fn sock_path(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("tokio-uds-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[tokio::test]
async fn listener_stream_round_trip_and_peer_cred() {
    let path = sock_path("stream");
    #[allow(unused_mut)]
    let mut listener = UnixListener::bind(&path).unwrap();
    let server = tokio::spawn(async move {
        let (mut s, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 5];
        s.read_exact(&mut buf).await.unwrap();
        s.write_all(&buf).await.unwrap();
    });
    let mut c = UnixStream::connect(&path).await.unwrap();
    let cred = c.peer_cred().unwrap();
    // The peer is this process.
    // SAFETY: getuid/getgid have no preconditions.
    assert_eq!((cred.uid, cred.gid), unsafe {
        (libc::getuid(), libc::getgid())
    });
    c.write_all(b"hello").await.unwrap();
    let mut buf = [0u8; 5];
    c.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"hello");
    server.await.unwrap();
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn pair_split_halves_and_datagrams() {
    let (mut a, b) = UnixStream::pair().unwrap();
    let (mut rb, mut wb) = b.into_split();
    {
        let (mut ra, mut wa) = a.split();
        wa.write_all(b"ping").await.unwrap();
        let mut buf = [0u8; 4];
        rb.read_exact(&mut buf).await.unwrap();
        wb.write_all(&buf).await.unwrap();
        ra.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"ping");
    }
    drop(wb); // shuts down b's write side
    let mut rest = Vec::new();
    a.read_to_end(&mut rest).await.unwrap();
    assert!(rest.is_empty());

    let (x, y) = UnixDatagram::pair().unwrap();
    x.send(b"dgram").await.unwrap();
    let mut buf = [0u8; 16];
    let n = y.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], b"dgram");
}
