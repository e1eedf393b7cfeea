#![cfg(all(unix, feature = "full"))]

use std::future::Future;
use std::task::Poll;
use tokio::net::{UnixListener, UnixStream};

#[tokio::test]
async fn connect_to_a_listener_dropped_before_accept_is_connection_reset() {
    let path = std::env::temp_dir().join(format!("tokio-uds-hup-{}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path).unwrap();
    let connect = UnixStream::connect(&path);
    tokio::pin!(connect);
    // The first poll registers and waits for the connection to complete.
    futures::future::poll_fn(|cx| {
        assert!(connect.as_mut().poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
    drop(listener);
    let err = connect.await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset);
    let _ = std::fs::remove_file(&path);
}
