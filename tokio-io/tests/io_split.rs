mod support;

use support::block_on;
use tokio_io::{AsyncReadExt, AsyncWriteExt};

#[test]
fn halves_read_and_write_independently() {
    block_on(async {
        let (a, mut b) = tokio_io::duplex(64);
        let (mut rd, mut wr) = tokio_io::split(a);
        wr.write_all(b"out").await.unwrap();
        b.write_all(b"in").await.unwrap();
        let mut buf = [0u8; 3];
        b.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"out");
        let mut buf = [0u8; 2];
        rd.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"in");
    });
}

#[test]
fn halves_move_to_other_threads() {
    // Small enough that the writer waits for the reader many times; large enough that
    // the 10-byte reply fits while nobody reads it yet.
    let (a, mut b) = tokio_io::duplex(16);
    let (mut rd, mut wr) = tokio_io::split(a);
    let writer = std::thread::spawn(move || {
        block_on(async {
            wr.write_all(&[5u8; 1000]).await.unwrap();
            wr.shutdown().await.unwrap();
        })
    });
    let echo = std::thread::spawn(move || {
        block_on(async {
            let mut buf = Vec::new();
            b.read_to_end(&mut buf).await.unwrap();
            b.write_all(&buf[..10]).await.unwrap();
            buf.len()
        })
    });
    writer.join().unwrap();
    assert_eq!(echo.join().unwrap(), 1000);
    let mut buf = [0u8; 10];
    block_on(rd.read_exact(&mut buf)).unwrap();
    assert_eq!(buf, [5u8; 10]);
}

#[test]
fn is_pair_of_and_unsplit() {
    let (a, b) = tokio_io::duplex(16);
    let (rd_a, wr_a) = tokio_io::split(a);
    let (rd_b, wr_b) = tokio_io::split(b);
    assert!(rd_a.is_pair_of(&wr_a));
    assert!(wr_a.is_pair_of(&rd_a));
    assert!(!rd_a.is_pair_of(&wr_b));
    assert!(!wr_b.is_pair_of(&rd_a));
    let mut a = rd_a.unsplit(wr_a);
    let mut b = rd_b.unsplit(wr_b);
    block_on(async {
        a.write_all(b"whole again").await.unwrap();
        let mut buf = [0u8; 11];
        b.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"whole again");
    });
}

#[test]
#[should_panic(expected = "Unrelated `split::Write` passed to `split::Read::unsplit`.")]
fn unsplit_unrelated_panics() {
    let (a, b) = tokio_io::duplex(8);
    let (rd_a, _wr_a) = tokio_io::split(a);
    let (_rd_b, wr_b) = tokio_io::split(b);
    let _ = rd_a.unsplit(wr_b);
}

#[test]
fn debug_output() {
    let (a, _b) = tokio_io::duplex(8);
    let (rd, wr) = tokio_io::split(a);
    assert_eq!(format!("{rd:?}"), "split::ReadHalf");
    assert_eq!(format!("{wr:?}"), "split::WriteHalf");
}
