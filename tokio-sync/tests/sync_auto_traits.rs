//! Compile-time auto-trait checks for every public type and future.

use std::sync::Arc;
use tokio_sync::*;

fn send<T: Send>(_: &T) {}
fn sync<T: Sync>(_: &T) {}
fn unpin<T: Unpin>(_: &T) {}

macro_rules! all {
    ($e:expr) => {{
        let v = $e;
        send(&v);
        sync(&v);
        v
    }};
}

#[test]
fn types_are_send_sync() {
    let (mut tx, mut rx) = all!(mpsc::channel::<String>(1));
    unpin(&tx);
    unpin(&rx);
    let (utx, mut urx) = all!(mpsc::unbounded_channel::<String>());
    unpin(&urx);
    let (otx, orx) = all!(oneshot::channel::<String>());
    unpin(&otx);
    unpin(&orx);
    let (wtx, mut wrx) = all!(watch::channel(String::new()));
    unpin(&wrx);
    let (btx, mut brx) = all!(broadcast::channel::<String>(1));
    unpin(&brx);
    let m = all!(Mutex::new(String::new()));
    let am = Arc::new(Mutex::new(String::new()));
    let l = all!(RwLock::new(String::new()));
    let s = all!(Semaphore::new(1));
    let asem = Arc::new(Semaphore::new(1));
    let n = all!(Notify::new());
    let b = all!(Barrier::new(1));

    // Futures returned by async methods are Send.
    send(&tx.send(String::new()));
    send(&rx.recv());
    send(&urx.recv());
    send(&wrx.recv());
    send(&brx.recv());
    send(&m.lock());
    send(&am.clone().lock_owned());
    send(&l.read());
    send(&l.write());
    send(&s.acquire());
    send(&asem.clone().acquire_owned());
    send(&n.notified());
    send(&b.wait());

    // Guards and permits.
    all!(m.try_lock().unwrap());
    all!(am.clone().try_lock_owned().unwrap());
    drop(all!(s.try_acquire().unwrap()));
    drop(all!(asem.try_acquire_owned().unwrap()));
    drop((utx, wtx, btx));
}
