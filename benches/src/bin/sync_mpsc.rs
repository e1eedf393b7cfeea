//! Single-runtime driver for profiling the mpsc rows: one runtime (ours, tokio 0.2.25 or
//! tokio 1.x; current-thread or multi-thread with 2 workers), `P` producer tasks sending
//! `N / P` values each through `mpsc::channel(1000)` (or `unbounded_channel`) to one consumer
//! task, repeated `R` times. Prints the median batch time per message (and every batch's,
//! in run order, with `SYNC_MPSC_ALL=1`).
//!
//! Run: `target/release/sync_mpsc ours|02|1x ct|mt bounded|unbounded P N R`.

use std::hint::black_box;
use std::time::{Duration, Instant};

macro_rules! batch {
    ($tk:ident, $bounded:expr, $p:expr, $n:expr) => {
        async move {
            let start = Instant::now();
            let consumer = if $bounded {
                let (tx, mut rx) = $tk::sync::mpsc::channel::<usize>(1000);
                for _ in 0..$p {
                    // `send` takes `&mut self` in the 0.2 API and `&self` in tokio 1.x.
                    #[allow(unused_mut)]
                    let mut tx = tx.clone();
                    drop($tk::spawn(async move {
                        for i in 0..$n / $p {
                            let _ = tx.send(i).await;
                        }
                    }));
                }
                drop(tx);
                $tk::spawn(async move {
                    let mut n = 0;
                    while let Some(v) = rx.recv().await {
                        black_box(v);
                        n += 1;
                    }
                    n
                })
            } else {
                let (tx, mut rx) = $tk::sync::mpsc::unbounded_channel::<usize>();
                for _ in 0..$p {
                    let tx = tx.clone();
                    drop($tk::spawn(async move {
                        for i in 0..$n / $p {
                            let _ = tx.send(i);
                        }
                    }));
                }
                drop(tx);
                $tk::spawn(async move {
                    let mut n = 0;
                    while let Some(v) = rx.recv().await {
                        black_box(v);
                        n += 1;
                    }
                    n
                })
            };
            assert_eq!(consumer.await.unwrap(), $n / $p * $p);
            start.elapsed()
        }
    };
}

macro_rules! run02 {
    ($tk:ident, $mt:expr, $bounded:expr, $p:expr, $n:expr, $r:expr) => {{
        let mut b = $tk::runtime::Builder::new();
        if $mt {
            b.threaded_scheduler().core_threads(2);
        } else {
            b.basic_scheduler();
        }
        #[allow(unused_mut)]
        let mut rt = b.build().expect("build runtime");
        (0..$r)
            .map(|_| rt.block_on(batch!($tk, $bounded, $p, $n)))
            .collect::<Vec<Duration>>()
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, d: &str| args.get(i).cloned().unwrap_or_else(|| d.to_string());
    let which = arg(0, "ours");
    let mt = arg(1, "ct") == "mt";
    let bounded = arg(2, "bounded") == "bounded";
    let p: usize = arg(3, "1").parse().expect("P");
    let n: usize = arg(4, "100000").parse().expect("N");
    let r: usize = arg(5, "5").parse().expect("R");
    let mut times = match which.as_str() {
        "ours" => run02!(tokio, mt, bounded, p, n, r),
        "02" => run02!(tokio02, mt, bounded, p, n, r),
        "1x" => {
            let rt = if mt {
                tokio1::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .build()
            } else {
                tokio1::runtime::Builder::new_current_thread().build()
            }
            .expect("build runtime");
            (0..r)
                .map(|_| rt.block_on(batch!(tokio1, bounded, p, n)))
                .collect()
        }
        other => panic!("unknown runtime {other}: ours, 02 or 1x"),
    };
    if std::env::var_os("SYNC_MPSC_ALL").is_some() {
        let all: Vec<String> = times
            .iter()
            .map(|t| format!("{:.0}", t.as_nanos() as f64 / n as f64))
            .collect();
        println!("batches (ns/msg, in run order): {}", all.join(" "));
    }
    times.sort();
    let med = times[times.len() / 2];
    println!(
        "{which} {} {} P={p} N={n}: median {:.1} ns/msg, min {:.1}",
        if mt { "mt" } else { "ct" },
        if bounded { "bounded" } else { "unbounded" },
        med.as_nanos() as f64 / n as f64,
        times[0].as_nanos() as f64 / n as f64
    );
}
