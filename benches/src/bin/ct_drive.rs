//! Single-runtime driver for profiling the current-thread scheduler's hot paths under
//! valgrind (callgrind / cachegrind), one runtime kind per process.
//!
//! Usage: `ct_drive <ours|t02|t1> <yield_many|chained_spawn|spawn_many_local> [batches]`
//!
//! Each batch is the `ci/bench` workload of the same name on a current-thread runtime with
//! I/O and time enabled. To get a per-operation figure without the setup cost, run with
//! `batches = 1` and `batches = N + 1` and divide the difference by `N` × ops per batch.
//! `CT_NO_DRIVERS=1` builds the runtimes without I/O and time drivers.

#![allow(unused_mut)]

use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Instant;

/// A std-only one-shot signal, as `ci/bench`'s handoff: the chain's last task sets it and
/// wakes the main future.
#[derive(Default)]
struct Done(Mutex<(bool, Option<Waker>)>);

impl Done {
    fn send(&self) {
        let waker = {
            let mut slot = self.0.lock().unwrap();
            slot.0 = true;
            slot.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }

    fn poll(&self, cx: &mut Context<'_>) -> Poll<()> {
        let mut slot = self.0.lock().unwrap();
        if std::mem::take(&mut slot.0) {
            Poll::Ready(())
        } else {
            slot.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

const YIELD_TASKS: usize = 200;
const YIELDS: usize = 1_000;
const CHAIN_DEPTH: usize = 1_000;
const SPAWN_MANY: usize = 10_000;

macro_rules! drive02 {
    ($tk:ident, $workload:expr, $batches:expr) => {{
        let mut b = $tk::runtime::Builder::new();
        b.basic_scheduler();
        if drivers() {
            b.enable_all();
        }
        let mut rt = b.build().expect("build runtime");
        (0..$batches)
            .map(|_| rt.block_on(workloads!($tk, $workload)))
            .collect::<Vec<_>>()
    }};
}

macro_rules! workloads {
    ($tk:ident, $workload:expr) => {
        async {
            let start = Instant::now();
            match $workload {
                "yield_many" => {
                    let handles: Vec<_> = (0..YIELD_TASKS)
                        .map(|_| {
                            $tk::spawn(async {
                                for _ in 0..YIELDS {
                                    let _ = $tk::task::yield_now().await;
                                }
                            })
                        })
                        .collect();
                    for h in handles {
                        h.await.unwrap();
                    }
                }
                "chained_spawn" => {
                    fn chain(left: usize, done: Arc<Done>) {
                        if left == 0 {
                            done.send();
                        } else {
                            drop($tk::spawn(async move { chain(left - 1, done) }));
                        }
                    }
                    let done = Arc::new(Done::default());
                    let d = done.clone();
                    drop($tk::spawn(async move { chain(CHAIN_DEPTH, d) }));
                    std::future::poll_fn(|cx| done.poll(cx)).await;
                }
                "spawn_many_local" => {
                    let handles: Vec<_> = (0..SPAWN_MANY)
                        .map(|i| $tk::spawn(async move { i }))
                        .collect();
                    for h in handles {
                        std::hint::black_box(h.await.unwrap());
                    }
                }
                other => panic!("unknown workload {other}"),
            }
            start.elapsed()
        }
    };
}

/// `CT_NO_DRIVERS=1` builds the runtimes without I/O and time drivers.
fn drivers() -> bool {
    std::env::var_os("CT_NO_DRIVERS").is_none()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map(String::as_str).unwrap_or("ours");
    let workload = args.get(2).map(String::as_str).unwrap_or("yield_many");
    let batches: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let start = Instant::now();
    let mut times = match kind {
        #[cfg(feature = "ours-rt")]
        "ours" => drive02!(tokio, workload, batches),
        "t02" => drive02!(tokio02, workload, batches),
        "t1" => {
            let mut b = tokio1::runtime::Builder::new_current_thread();
            if drivers() {
                b.enable_all();
            }
            let rt = b.build().expect("build runtime");
            (0..batches)
                .map(|_| rt.block_on(workloads!(tokio1, workload)))
                .collect::<Vec<_>>()
        }
        other => panic!("unknown runtime kind {other}"),
    };
    times.sort();
    eprintln!(
        "{kind} {workload} x{batches}: {:?} (batch min {:?}, median {:?})",
        start.elapsed(),
        times[0],
        times[times.len() / 2],
    );
}
