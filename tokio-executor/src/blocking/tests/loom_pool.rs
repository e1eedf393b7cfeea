//! Loom model of the blocking pool against shutdown: a closure submitted while the pool is
//! shutting down either runs exactly once (its handle yields the value) or is cancelled
//! (its handle yields a cancelled `JoinError` and the closure never runs); shutdown returns
//! only once every pool thread has exited, and nothing deadlocks.

use crate::blocking::BlockingPool;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;

#[test]
fn loom_spawn_blocking_races_shutdown() {
    loom::model(|| {
        let mut pool = BlockingPool::builder().thread_cap(1).build();
        let spawner = pool.spawner().clone();
        let ran = Arc::new(AtomicUsize::new(0));
        let r = ran.clone();
        let submitter = thread::spawn(move || {
            spawner.spawn_blocking(move || {
                r.fetch_add(1, SeqCst);
                7
            })
        });
        pool.shutdown(None);
        let handle = submitter.join().unwrap();
        match loom::future::block_on(handle) {
            Ok(v) => {
                assert_eq!(v, 7);
                assert_eq!(
                    ran.load(SeqCst),
                    1,
                    "a closure that reported a value ran once"
                );
            }
            Err(e) => {
                assert!(e.is_cancelled(), "{e:?}");
                assert_eq!(ran.load(SeqCst), 0, "a cancelled closure never ran");
            }
        }
        drop(pool);
    });
}
