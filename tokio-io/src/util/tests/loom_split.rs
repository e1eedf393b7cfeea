use crate::loom::thread;
use crate::{duplex, split, AsyncReadExt, AsyncWriteExt};

/// The two halves of a split stream used from two threads: the write half's bytes reach
/// the peer, the read half sees the peer's bytes, and the halves reunite afterwards.
#[test]
fn loom_split_halves_on_two_threads() {
    loom::model(|| {
        let (a, mut b) = duplex(4);
        let (mut rd, mut wr) = split(a);
        let writer = thread::spawn(move || {
            loom::future::block_on(async {
                wr.write_u8(1).await.unwrap();
            });
            wr
        });
        loom::future::block_on(async {
            b.write_u8(2).await.unwrap();
            assert_eq!(rd.read_u8().await.unwrap(), 2);
        });
        let wr = writer.join().unwrap();
        loom::future::block_on(async {
            assert_eq!(b.read_u8().await.unwrap(), 1);
        });
        let _a = rd.unsplit(wr);
    });
}
