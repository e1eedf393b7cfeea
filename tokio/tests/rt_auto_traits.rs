//! Auto-traits of the runtime and task types, checked at compile time.

#![allow(dead_code)]

fn send<T: Send>() {}
fn sync<T: Sync>() {}
fn unpin<T: Unpin>() {}

#[test]
fn runtime_types() {
    send::<tokio::runtime::Runtime>();
    sync::<tokio::runtime::Runtime>();
    send::<tokio::runtime::Handle>();
    sync::<tokio::runtime::Handle>();
    send::<tokio::runtime::Builder>();
    send::<tokio::runtime::TryCurrentError>();
    sync::<tokio::runtime::TryCurrentError>();
}

#[cfg(feature = "rt-core")]
#[test]
fn task_types() {
    send::<tokio::task::JoinHandle<u8>>();
    sync::<tokio::task::JoinHandle<u8>>();
    unpin::<tokio::task::JoinHandle<std::rc::Rc<u8>>>();
    send::<tokio::task::JoinError>();
    sync::<tokio::task::JoinError>();
    fn yield_fut() -> impl std::future::Future + Send + Sync {
        tokio::task::yield_now()
    }
    let _ = yield_fut;
}

#[cfg(all(feature = "rt-core", feature = "rt-util"))]
#[test]
fn local_set_is_unpin() {
    unpin::<tokio::task::LocalSet>();
}
