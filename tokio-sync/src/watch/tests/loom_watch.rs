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

#[test]
fn loom_watch_two_receivers_and_close() {
    loom::model(|| {
        let (tx, mut rx1) = watch::channel(0);
        let mut rx2 = rx1.clone();
        let th = thread::spawn(move || {
            loom::future::block_on(async {
                let mut last = 0;
                while let Some(v) = rx2.recv().await {
                    last = v;
                }
                last
            })
        });
        tx.broadcast(1).unwrap();
        drop(tx);
        let mut last = 0;
        loom::future::block_on(async {
            while let Some(v) = rx1.recv().await {
                last = v;
            }
        });
        assert_eq!(last, 1);
        assert_eq!(th.join().unwrap(), 1);
    });
}
