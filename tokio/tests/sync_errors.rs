#![cfg(feature = "sync")]
//! Every public error of `tokio::sync` is a `std::error::Error + Send + Sync` with the
//! tokio 0.2 wording.

use tokio::sync::{broadcast, mpsc, oneshot, watch, TryLockError};

fn is_error<T: std::error::Error + Send + Sync>() {}

#[test]
fn mpsc_errors() {
    use mpsc::error::*;
    is_error::<SendError<()>>();
    is_error::<TrySendError<()>>();
    is_error::<RecvError>();
    is_error::<TryRecvError>();
    is_error::<ClosedError>();
    assert_eq!(SendError(()).to_string(), "channel closed");
    assert_eq!(TrySendError::Full(()).to_string(), "no available capacity");
    assert_eq!(TryRecvError::Empty.to_string(), "channel empty");
}

#[cfg(feature = "time")]
#[test]
fn mpsc_send_timeout_error() {
    use mpsc::error::SendTimeoutError;
    is_error::<SendTimeoutError<()>>();
    assert_eq!(
        SendTimeoutError::Timeout(()).to_string(),
        "timed out waiting on send operation"
    );
    assert_eq!(SendTimeoutError::Closed(()).to_string(), "channel closed");
}

#[test]
fn oneshot_errors() {
    is_error::<oneshot::error::RecvError>();
    is_error::<oneshot::error::TryRecvError>();
    assert_eq!(
        oneshot::error::TryRecvError::Closed.to_string(),
        "channel closed"
    );
}

#[test]
fn watch_errors() {
    is_error::<watch::error::SendError<()>>();
}

#[test]
fn broadcast_errors() {
    is_error::<broadcast::RecvError>();
    is_error::<broadcast::TryRecvError>();
    assert_eq!(
        broadcast::RecvError::Lagged(2).to_string(),
        "channel lagged by 2"
    );
    // SendError is Debug only, as in tokio 0.2.
    let (tx, rx) = broadcast::channel(1);
    drop(rx);
    assert_eq!(format!("{:?}", tx.send(7).unwrap_err()), "SendError(7)");
}

#[test]
fn lock_errors() {
    is_error::<TryLockError>();
    let m = tokio::sync::Mutex::new(());
    let _g = m.try_lock().unwrap();
    assert_eq!(
        m.try_lock().unwrap_err().to_string(),
        "operation would block"
    );
}
