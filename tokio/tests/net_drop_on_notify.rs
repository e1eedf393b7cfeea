#![cfg(feature = "full")]
//! A wake-up that drops the last reference to a task (and so its socket) must not
//! deadlock the reactor that is delivering it.

use futures::task::{waker_ref, ArcWake};
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::Context;
use tokio::net::TcpListener;

struct Task {
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
}

impl ArcWake for Task {
    fn wake_by_ref(_: &Arc<Self>) {
        // Nothing: the point is that the waker owns the last reference to the task.
    }
}

#[test]
fn reactor_survives_a_wake_that_drops_the_socket() {
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let (addr_tx, addr_rx) = mpsc::channel();
    let task = Arc::new(Task {
        future: Mutex::new(Box::pin(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let _ = listener.accept().await;
            }
        })),
    });
    rt.enter(|| {
        let waker = waker_ref(&task);
        let mut cx = Context::from_waker(&waker);
        assert!(task
            .future
            .lock()
            .unwrap()
            .as_mut()
            .poll(&mut cx)
            .is_pending());
    });
    let addr = addr_rx.recv().unwrap();
    // From now on only the reactor's stored waker keeps the task (and listener) alive.
    drop(task);
    let _client = std::net::TcpStream::connect(addr).unwrap();
    // Turn the reactor: it wakes (and drops) the task, which deregisters the listener.
    rt.block_on(async {
        tokio::time::delay_for(std::time::Duration::from_millis(20)).await;
    });
}
