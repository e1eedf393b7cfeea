//! Single-runtime driver for the multi-thread scheduler rows (`chained_spawn`, `ping_pong`),
//! so one runtime at a time can be measured under `perf stat`, `strace -f -c` or callgrind.
//!
//! Usage: `mt_drive <ours|t02|t1> <chain|pingpong> [batches]` (2 workers; each batch is the
//! bench's batch: a chain of 1,000 spawns, or 1,000 round trips). Prints the median batch.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// Nanoseconds from the batch's first spawn to that task's first poll (last batch).
static FIRST_POLL: AtomicU64 = AtomicU64::new(0);

const DEPTH: usize = 1_000;
const ROUNDS: u64 = 1_000;

/// One-slot handoff (as the bench's): a value and a waiting receiver.
#[derive(Default)]
struct Handoff {
    slot: Mutex<(Option<u64>, Option<Waker>)>,
}

impl Handoff {
    fn send(&self, v: u64) {
        let w = {
            let mut s = self.slot.lock().unwrap();
            s.0 = Some(v);
            s.1.take()
        };
        if let Some(w) = w {
            w.wake();
        }
    }
    fn recv(&self) -> Recv<'_> {
        Recv { h: self }
    }
}

struct Recv<'a> {
    h: &'a Handoff,
}

impl Future for Recv<'_> {
    type Output = u64;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        let mut s = self.h.slot.lock().unwrap();
        match s.0.take() {
            Some(v) => Poll::Ready(v),
            None => {
                s.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

macro_rules! workloads {
    ($m:ident, $tk:ident) => {
        mod $m {
            use super::*;
            use $tk as tk;

            fn chain(left: usize, done: Arc<Handoff>) {
                if left == 0 {
                    done.send(1);
                } else {
                    drop(tk::spawn(async move { chain(left - 1, done) }));
                }
            }

            pub async fn chained() -> Duration {
                let start = Instant::now();
                let done = Arc::new(Handoff::default());
                let d = done.clone();
                drop(tk::spawn(async move {
                    FIRST_POLL.store(start.elapsed().as_nanos() as u64, Relaxed);
                    chain(DEPTH, d)
                }));
                assert_eq!(done.recv().await, 1);
                start.elapsed()
            }

            pub async fn ping_pong() -> Duration {
                let start = Instant::now();
                let (ping, pong) = (Arc::new(Handoff::default()), Arc::new(Handoff::default()));
                let (ping2, pong2) = (ping.clone(), pong.clone());
                let b = tk::spawn(async move {
                    for _ in 0..ROUNDS {
                        let v = ping2.recv().await;
                        pong2.send(v + 1);
                    }
                });
                let a = tk::spawn(async move {
                    let mut v = 0;
                    for _ in 0..ROUNDS {
                        ping.send(v);
                        v = pong.recv().await;
                    }
                    v
                });
                assert_eq!(a.await.unwrap(), ROUNDS);
                b.await.unwrap();
                start.elapsed()
            }
        }
    };
}

workloads!(ours, tokio);
workloads!(t02, tokio02);
workloads!(t1, tokio1);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rt_name = args.get(1).map(String::as_str).unwrap_or("ours");
    let work = args.get(2).map(String::as_str).unwrap_or("chain");
    let batches: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(200);
    let chain = work == "chain";
    // MT_GAP_US: idle time between batches (default none), to see how each runtime's
    // workers behave once they have had time to go to sleep.
    let gap: Option<Duration> = std::env::var("MT_GAP_US")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_micros);
    let pause = || {
        if let Some(g) = gap {
            std::thread::sleep(g);
        }
    };
    if rt_name == "all" {
        return interleaved(chain, batches);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(batches);
    let mut firsts: Vec<u64> = Vec::with_capacity(batches);
    match rt_name {
        "ours" => {
            let rt = tokio::runtime::Builder::new()
                .threaded_scheduler()
                .core_threads(2)
                .enable_all()
                .build()
                .unwrap();
            for _ in 0..batches {
                pause();
                firsts.push(FIRST_POLL.load(Relaxed));
                times.push(if chain {
                    rt.block_on(ours::chained())
                } else {
                    rt.block_on(ours::ping_pong())
                });
            }
        }
        "t02" => {
            let mut rt = tokio02::runtime::Builder::new()
                .threaded_scheduler()
                .core_threads(2)
                .enable_all()
                .build()
                .unwrap();
            for _ in 0..batches {
                pause();
                firsts.push(FIRST_POLL.load(Relaxed));
                times.push(if chain {
                    rt.block_on(t02::chained())
                } else {
                    rt.block_on(t02::ping_pong())
                });
            }
        }
        "t1" => {
            let rt = tokio1::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            for _ in 0..batches {
                pause();
                firsts.push(FIRST_POLL.load(Relaxed));
                times.push(if chain {
                    rt.block_on(t1::chained())
                } else {
                    rt.block_on(t1::ping_pong())
                });
            }
        }
        other => panic!("unknown runtime {other}: ours | t02 | t1"),
    }
    times.sort();
    firsts.remove(0);
    firsts.sort();
    let first_med = firsts.get(firsts.len() / 2).copied().unwrap_or(0);
    let med = times[times.len() / 2];
    println!(
        "{rt_name} {work}: median {:?} per batch ({} ns/op), min {:?}, max {:?}, first poll median {first_med} ns",
        med,
        med.as_nanos() / 1000,
        times[0],
        times[times.len() - 1]
    );
}

/// `mt_drive all <work> [batches]`: the three runtimes interleaved batch by batch in a
/// rotating order (as the bench does), so each batch starts with its workers asleep.
/// Prints, per runtime, the median batch time and the median time to the first poll.
fn interleaved(chain: bool, batches: usize) {
    let ours_rt = tokio::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut t02_rt = tokio02::runtime::Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let t1_rt = tokio1::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut times: [Vec<Duration>; 3] = Default::default();
    let mut firsts: [Vec<u64>; 3] = Default::default();
    // Batch times by which runtime ran the batch just before (index: runtime, predecessor).
    let mut after: [[Vec<Duration>; 3]; 3] = Default::default();
    let mut prev = 2;
    for b in 0..batches + 2 {
        for k in 0..3 {
            let i = (b + k) % 3;
            let t = match (i, chain) {
                (0, true) => ours_rt.block_on(ours::chained()),
                (0, false) => ours_rt.block_on(ours::ping_pong()),
                (1, true) => t1_rt.block_on(t1::chained()),
                (1, false) => t1_rt.block_on(t1::ping_pong()),
                (2, true) => t02_rt.block_on(t02::chained()),
                _ => t02_rt.block_on(t02::ping_pong()),
            };
            if b >= 2 {
                times[i].push(t);
                firsts[i].push(FIRST_POLL.load(Relaxed));
                after[i][prev].push(t);
            }
            prev = i;
        }
    }
    for (i, name) in ["ours", "t1", "t02"].iter().enumerate() {
        times[i].sort();
        firsts[i].sort();
        let n = times[i].len();
        println!(
            "{name}: batch median {:?} (p25 {:?}, p75 {:?}), first poll median {} ns",
            times[i][n / 2],
            times[i][n / 4],
            times[i][3 * n / 4],
            firsts[i][n / 2]
        );
        for (j, pred) in ["ours", "t1", "t02"].iter().enumerate() {
            let v = &mut after[i][j];
            if !v.is_empty() {
                v.sort();
                println!(
                    "  after {pred}: {} batches, median {:?}",
                    v.len(),
                    v[v.len() / 2]
                );
            }
        }
    }
}
