#![cfg(all(feature = "rt-core", feature = "rt-util"))]
//! LocalSet runs !Send futures; spawn_local outside one panics.

use std::cell::Cell;
use std::rc::Rc;
use tokio::runtime::{Builder, Runtime};
use tokio::task::{self, LocalSet};

fn check(rt: Runtime) {
    let local = LocalSet::new();
    let counter = Rc::new(Cell::new(0));
    let c = counter.clone();
    local.block_on(&rt, async move {
        let mut handles = Vec::new();
        for _ in 0..100 {
            let c = c.clone();
            handles.push(task::spawn_local(async move {
                task::yield_now().await;
                c.set(c.get() + 1);
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
    });
    assert_eq!(counter.get(), 100);
    // Tasks spawned on the set before it runs, then awaited as a whole.
    let c = counter.clone();
    local.spawn_local(async move { c.set(c.get() + 1) });
    rt.block_on(local);
    assert_eq!(counter.get(), 101);
}

#[test]
fn local_set_on_basic_scheduler() {
    check(Builder::new().basic_scheduler().build().unwrap());
}

#[cfg(feature = "rt-threaded")]
#[test]
fn local_set_on_threaded_scheduler() {
    check(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .build()
            .unwrap(),
    );
}

#[cfg(feature = "rt-threaded")]
#[test]
fn local_tasks_woken_from_other_threads() {
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .build()
        .unwrap();
    let local = LocalSet::new();
    local.block_on(&rt, async {
        let not_send = Rc::new(());
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let h = task::spawn_local(async move {
            let _keep = not_send;
            // Wait for another thread through the threaded pool.
            tokio::spawn(async move { rx.recv().unwrap() })
                .await
                .unwrap();
            7
        });
        std::thread::spawn(move || tx.send(()).unwrap());
        assert_eq!(h.await.unwrap(), 7);
    });
}

#[test]
#[should_panic(expected = "`spawn_local` called from outside of a `task::LocalSet`")]
fn spawn_local_outside_panics() {
    drop(task::spawn_local(async {}));
}

#[test]
fn drop_local_set_drops_tasks() {
    struct Flag(Rc<Cell<bool>>);
    impl Drop for Flag {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let dropped = Rc::new(Cell::new(false));
    let local = LocalSet::new();
    let f = Flag(dropped.clone());
    let _h = local.spawn_local(async move {
        let _f = f;
        std::future::pending::<()>().await;
    });
    drop(local);
    assert!(dropped.get());
}

#[cfg(all(feature = "blocking", feature = "rt-threaded"))]
#[test]
#[should_panic(expected = "can call blocking only when running on the multi-threaded runtime")]
fn block_in_place_in_local_set_panics() {
    let rt = Builder::new().threaded_scheduler().build().unwrap();
    LocalSet::new().block_on(&rt, async {
        task::block_in_place(|| {});
    });
}
