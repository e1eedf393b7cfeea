#![cfg(all(unix, feature = "full"))]
//! `tokio::signal` over the facade runtime (signals ride on the reactor's self-pipe).

use std::time::Duration;
use tokio::signal::unix::{signal, SignalKind};
use tokio::time::timeout;

fn raise(sig: libc::c_int) {
    // SAFETY: raise only delivers a signal to this thread; a handler is installed.
    assert_eq!(unsafe { libc::raise(sig) }, 0);
}

#[tokio::test(threaded_scheduler)]
async fn user_signal_is_delivered() {
    let mut usr1 = signal(SignalKind::user_defined1()).unwrap();
    raise(libc::SIGUSR1);
    timeout(Duration::from_secs(5), usr1.recv())
        .await
        .expect("SIGUSR1 not delivered")
        .unwrap();
}

#[tokio::test]
async fn ctrl_c_completes_on_sigint() {
    let mut ctrl_c = Box::pin(tokio::signal::ctrl_c());
    // The first poll registers the listener.
    assert!(futures::poll!(&mut ctrl_c).is_pending());
    raise(libc::SIGINT);
    timeout(Duration::from_secs(5), ctrl_c)
        .await
        .expect("ctrl_c did not complete")
        .unwrap();
}

#[test]
fn forbidden_signal_is_an_error() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let err = signal(SignalKind::from_raw(libc::SIGKILL)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("Refusing to register signal {}", libc::SIGKILL)
        );
    });
}
