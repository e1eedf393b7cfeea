mod support;

use futures::FutureExt;
use std::io::ErrorKind;
use support::block_on;
use tokio_io::{AsyncReadExt, AsyncWriteExt};

#[test]
fn dropping_one_end_gives_peer_eof_after_buffered_data() {
    block_on(async {
        let (mut a, mut b) = tokio_io::duplex(16);
        a.write_all(b"last words").await.unwrap();
        drop(a);
        let mut out = String::new();
        b.read_to_string(&mut out).await.unwrap();
        assert_eq!(out, "last words");
        assert_eq!(b.read(&mut [0u8; 4]).await.unwrap(), 0);
    });
}

#[test]
fn writes_toward_dropped_end_fill_then_stay_pending() {
    block_on(async {
        let (a, mut b) = tokio_io::duplex(8);
        drop(a);
        assert_eq!(b.write(b"0123456789").await.unwrap(), 8);
        assert!(
            b.write(b"x").now_or_never().is_none(),
            "full pipe stays pending"
        );
    });
}

#[test]
fn shutdown_closes_only_own_direction() {
    block_on(async {
        let (mut a, mut b) = tokio_io::duplex(8);
        a.shutdown().await.unwrap();
        let err = a.write(b"x").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BrokenPipe);
        assert_eq!(b.read(&mut [0u8; 4]).await.unwrap(), 0);
        // The other direction still works.
        b.write_all(b"back").await.unwrap();
        let mut buf = [0u8; 4];
        a.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"back");
    });
}

#[test]
fn full_pipe_resumes_when_reader_drains() {
    block_on(async {
        let (mut a, mut b) = tokio_io::duplex(3);
        let data: Vec<u8> = (0..=255).collect();
        let write = async {
            a.write_all(&data).await.unwrap();
            drop(a);
        };
        let read = async {
            let mut out = Vec::new();
            b.read_to_end(&mut out).await.unwrap();
            out
        };
        let ((), out) = futures::join!(write, read);
        assert_eq!(out, data);
    });
}

#[test]
fn empty_read_before_data_is_pending() {
    let (_a, mut b) = tokio_io::duplex(3);
    let mut buf = [0u8; 1];
    assert!(b.read(&mut buf).now_or_never().is_none());
    assert!(format!("{b:?}").starts_with("DuplexStream"));
}
