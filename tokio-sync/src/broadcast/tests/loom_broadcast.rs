use crate::broadcast::{self, RecvError};
use loom::thread;

#[test]
fn loom_broadcast_two_receivers() {
    loom::model(|| {
        let (tx, mut rx1) = broadcast::channel::<u8>(2);
        let mut rx2 = tx.subscribe();
        let th = thread::spawn(move || {
            loom::future::block_on(async {
                assert_eq!(rx2.recv().await, Ok(1));
                assert_eq!(rx2.recv().await, Ok(2));
                assert_eq!(rx2.recv().await, Err(RecvError::Closed));
            })
        });
        tx.send(1).unwrap();
        tx.send(2).unwrap();
        drop(tx);
        loom::future::block_on(async {
            assert_eq!(rx1.recv().await, Ok(1));
            assert_eq!(rx1.recv().await, Ok(2));
            assert_eq!(rx1.recv().await, Err(RecvError::Closed));
        });
        th.join().unwrap();
    });
}

#[test]
fn loom_broadcast_lag() {
    loom::model(|| {
        let (tx, mut rx) = broadcast::channel::<u8>(1);
        let th = thread::spawn(move || {
            for i in 0..3 {
                tx.send(i).unwrap();
            }
        });
        let mut seen = 0u64;
        loom::future::block_on(async {
            loop {
                match rx.recv().await {
                    Ok(_) => seen += 1,
                    Err(RecvError::Lagged(n)) => seen += n,
                    Err(RecvError::Closed) => break,
                }
            }
        });
        assert_eq!(seen, 3);
        th.join().unwrap();
    });
}
