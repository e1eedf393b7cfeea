//! `block_on`: a fresh basic-scheduler runtime with I/O and time per call.

use std::time::Duration;

#[test]
fn returns_the_output() {
    assert_eq!(tokio_test::block_on(async { "out" }), "out");
}

#[test]
fn spawn_timers_and_channels_work_inside() {
    let total = tokio_test::block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        for i in 0..10u32 {
            let tx = tx.clone();
            tokio::spawn(async move {
                tokio::time::delay_for(Duration::from_millis(1)).await;
                tx.send(i).unwrap();
            });
        }
        drop(tx);
        let mut total = 0;
        while let Some(i) = rx.recv().await {
            total += i;
        }
        total
    });
    assert_eq!(total, 45);
}

#[test]
fn runs_on_the_calling_thread_with_a_fresh_runtime_each_call() {
    let caller = std::thread::current().id();
    for _ in 0..3 {
        let inside = tokio_test::block_on(async {
            tokio::time::pause(); // would panic "time is already frozen" if the runtime were reused
            std::thread::current().id()
        });
        assert_eq!(inside, caller);
    }
}

#[test]
fn io_is_enabled() {
    tokio_test::block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        assert!(listener.local_addr().unwrap().ip().is_loopback());
    });
}

#[test]
#[should_panic(expected = "Cannot start a runtime from within a runtime")]
fn nested_block_on_panics() {
    tokio_test::block_on(async {
        tokio_test::block_on(async {});
    });
}
