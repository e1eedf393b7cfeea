use crate::watch;
use loom::thread;

#[test]
fn loom_watch_sees_last_value() {
    loom::model(|| {
        let (tx, mut rx) = watch::channel(0);
        let th = thread::spawn(move || {
            tx.broadcast(1).unwrap();
            tx.broadcast(2).unwrap();
        });
        let mut last = 0;
        loom::future::block_on(async {
            while let Some(v) = rx.recv().await {
                last = v;
            }
        });
        assert_eq!(last, 2);
        th.join().unwrap();
    });
}

#[test]
fn loom_watch_closed_on_rx_drop() {
    loom::model(|| {
        let (mut tx, rx) = watch::channel(0);
        let th = thread::spawn(move || drop(rx));
        loom::future::block_on(tx.closed());
        assert!(tx.broadcast(1).is_err());
        th.join().unwrap();
    });
}
