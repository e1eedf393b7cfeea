use crate::loom::thread;
use crate::{duplex, AsyncReadExt, AsyncWriteExt};

/// A writer thread and a reader thread move a few bytes through a 2-byte pipe: every
/// interleaving of "buffer full → writer parks" and "buffer empty → reader parks" must
/// end with all bytes delivered in order and end of stream seen once the writer drops.
#[test]
fn loom_duplex_transfer_and_close() {
    loom::model(|| {
        let (mut a, mut b) = duplex(2);
        let writer = thread::spawn(move || {
            loom::future::block_on(async {
                a.write_all(b"abc").await.unwrap();
            });
            drop(a);
        });
        let mut out = Vec::new();
        loom::future::block_on(async {
            b.read_to_end(&mut out).await.unwrap();
        });
        writer.join().unwrap();
        assert_eq!(out, b"abc");
    });
}

/// Shutdown racing a pending read: the reader must wake and see end of stream.
#[test]
fn loom_duplex_shutdown_wakes_reader() {
    loom::model(|| {
        let (mut a, mut b) = duplex(4);
        let closer = thread::spawn(move || {
            loom::future::block_on(async {
                a.write_u8(7).await.unwrap();
                a.shutdown().await.unwrap();
            });
        });
        let mut out = Vec::new();
        loom::future::block_on(async {
            b.read_to_end(&mut out).await.unwrap();
        });
        closer.join().unwrap();
        assert_eq!(out, [7]);
    });
}
