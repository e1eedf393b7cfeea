//! tokio 0.2.25 compatibility: shapes of 0.2.25's signal_*.rs tests.
#![cfg(unix)]
#![allow(unused_mut, clippy::unnecessary_mut_passed)]

use std::time::Duration;
use tokio::signal::unix::{signal, SignalKind};
use tokio_test::assert_ok;

fn send_signal(signal: libc::c_int) {
    // SAFETY: sending a signal to our own pid; the handler for it is installed first.
    unsafe {
        assert_eq!(libc::kill(libc::getpid(), signal), 0);
    }
}

async fn within<F: std::future::Future>(f: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(5), f)
        .await
        .expect("signal was not delivered")
}

#[tokio::test]
async fn ctrl_c() {
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::spawn(async {
        send_signal(libc::SIGINT);
    });
    assert_ok!(within(ctrl_c).await);
}

#[tokio::test]
async fn signal_usr1() {
    let mut signal = signal(SignalKind::user_defined1()).expect("failed to create signal");
    send_signal(libc::SIGUSR1);
    let _ = within(signal.recv()).await;
}

#[tokio::test]
async fn twice() {
    let kind = SignalKind::user_defined2();
    let mut sig = signal(kind).expect("failed to get signal");
    for _ in 0..2 {
        send_signal(libc::SIGUSR2);
        assert!(within(sig.recv()).await.is_some());
    }
}

#[tokio::test]
async fn notify_both() {
    let kind = SignalKind::hangup();
    let mut signal1 = signal(kind).expect("failed to create signal1");
    let mut signal2 = signal(kind).expect("failed to create signal2");
    send_signal(libc::SIGHUP);
    within(signal1.recv()).await;
    within(signal2.recv()).await;
}

#[tokio::test]
async fn dropping_signal_does_not_deregister_any_other_instances() {
    let kind = SignalKind::window_change();
    // Signals should not starve based on ordering
    let first_duplicate_signal = signal(kind).expect("failed to register first duplicate signal");
    let mut sig = signal(kind).expect("failed to register signal");
    let second_duplicate_signal = signal(kind).expect("failed to register second duplicate signal");
    drop(first_duplicate_signal);
    drop(second_duplicate_signal);
    send_signal(libc::SIGWINCH);
    within(sig.recv()).await;
}

#[test]
fn multi_loop() {
    // An "ordinary" (non-future) channel
    let (sender, receiver) = std::sync::mpsc::channel();
    // Run multiple times, to see if there are race conditions
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let sender = sender.clone();
            std::thread::spawn(move || {
                let mut rt = tokio::runtime::Builder::new()
                    .basic_scheduler()
                    .enable_all()
                    .build()
                    .unwrap();
                let _ = rt.block_on(async {
                    let mut signal = signal(SignalKind::quit()).unwrap();
                    sender.send(()).unwrap();
                    tokio::time::timeout(Duration::from_secs(10), signal.recv()).await
                });
            })
        })
        .collect();
    // Wait for them to declare they're ready
    for &_ in threads.iter() {
        receiver.recv().unwrap();
    }
    // Send a signal
    send_signal(libc::SIGQUIT);
    // Make sure the threads terminated correctly
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
#[should_panic]
fn no_runtime_panics_creating_signals() {
    let _ = signal(SignalKind::hangup());
}

#[test]
fn dropping_loops_does_not_cause_starvation() {
    let kind = SignalKind::user_defined1();
    let mut first_rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let mut first_signal =
        first_rt.enter(|| signal(kind).expect("failed to register first signal"));
    let mut second_rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let mut second_signal =
        second_rt.enter(|| signal(kind).expect("failed to register second signal"));
    send_signal(libc::SIGUSR1);
    first_rt
        .block_on(async { tokio::time::timeout(Duration::from_secs(5), first_signal.recv()).await })
        .expect("failed to await first signal");
    drop(first_rt);
    drop(first_signal);
    send_signal(libc::SIGUSR1);
    second_rt
        .block_on(async {
            tokio::time::timeout(Duration::from_secs(5), second_signal.recv()).await
        })
        .expect("failed to await second signal");
}
