//! Loom model of the run queues: push with overflow into the injector, pop and
//! concurrent steal; every task is taken exactly once.

use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::thread_pool::queue::{self, Inject, LOCAL_CAP};

#[test]
fn loom_push_pop_steal_overflow() {
    loom::model(|| {
        let inject = Arc::new(Inject::new());
        let (local, steal) = queue::local::<usize>();
        let th = {
            let inject = inject.clone();
            thread::spawn(move || {
                let (dst, _s) = queue::local::<usize>();
                let mut got = Vec::new();
                if let Some(t) = steal.steal_into(&dst) {
                    got.push(t);
                }
                while let Some(t) = dst.pop() {
                    got.push(t);
                }
                if let Some(t) = inject.pop() {
                    got.push(t);
                }
                got
            })
        };
        let n = LOCAL_CAP + 1;
        for i in 0..n {
            local.push_back(i, &inject);
        }
        let mut got = Vec::new();
        while let Some(t) = local.pop() {
            got.push(t);
        }
        got.extend(th.join().unwrap());
        while let Some(t) = inject.pop() {
            got.push(t);
        }
        got.sort_unstable();
        assert_eq!(got, (0..n).collect::<Vec<_>>());
    });
}
