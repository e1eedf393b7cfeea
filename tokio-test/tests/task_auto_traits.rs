//! Compile-time `Send` / `Sync` / `Unpin` checks of tokio-test's public types.

use tokio_test::io::{Builder, Handle, Mock};
use tokio_test::task::{self, Spawn};

fn send_sync_unpin<T: Send + Sync + Unpin>() {}
fn send_unpin<T: Send + Unpin>() {}

#[test]
fn io_types() {
    send_sync_unpin::<Builder>();
    send_sync_unpin::<Mock>();
    send_sync_unpin::<Handle>();
}

#[test]
fn spawn_is_unpin_even_for_not_unpin_futures() {
    fn check<T>(_: &Spawn<T>)
    where
        Spawn<T>: Send + Unpin,
    {
    }
    let fut = task::spawn(async {
        let local = 1;
        let r = &local;
        std::future::ready(()).await;
        *r
    });
    check(&fut);
    send_unpin::<Spawn<std::future::Pending<()>>>();
}
