//! The block list with BLOCK_CAP = 2 under loom: values cross block boundaries while
//! blocks are released and freed.
use crate::mpsc;
use loom::thread;

#[test]
fn loom_list_two_senders_cross_blocks() {
    loom::model(|| {
        let (tx, mut rx) = mpsc::unbounded_channel::<(u8, u8)>();
        let tx2 = tx.clone();
        let th = thread::spawn(move || {
            tx2.send((1, 0)).unwrap();
            tx2.send((1, 1)).unwrap();
        });
        tx.send((0, 0)).unwrap();
        tx.send((0, 1)).unwrap();
        drop(tx);
        let mut next = [0u8; 2];
        loom::future::block_on(async {
            while let Some((p, i)) = rx.recv().await {
                assert_eq!(next[p as usize], i);
                next[p as usize] += 1;
            }
        });
        assert_eq!(next, [2, 2]);
        th.join().unwrap();
    });
}

#[test]
fn loom_list_recv_while_sending() {
    loom::model(|| {
        let (tx, mut rx) = mpsc::unbounded_channel::<u8>();
        let th = thread::spawn(move || {
            for i in 0..3 {
                tx.send(i).unwrap();
            }
        });
        loom::future::block_on(async {
            for i in 0..3 {
                assert_eq!(rx.recv().await, Some(i));
            }
            assert_eq!(rx.recv().await, None);
        });
        th.join().unwrap();
    });
}

#[test]
fn loom_list_rx_drop_while_sending() {
    loom::model(|| {
        let (tx, rx) = mpsc::unbounded_channel::<std::sync::Arc<()>>();
        let v = std::sync::Arc::new(());
        let v2 = v.clone();
        let th = thread::spawn(move || {
            let _ = tx.send(v2.clone());
            let _ = tx.send(v2);
        });
        drop(rx);
        th.join().unwrap();
        // Every value was dropped: none leaked in a block.
        assert_eq!(std::sync::Arc::strong_count(&v), 1);
    });
}
