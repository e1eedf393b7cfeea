//! Single-runtime driver for profiling the `oneshot` row under callgrind or perf: one
//! current-thread runtime (ours, tokio 0.2.25 or tokio 1.x), `N` × (create, send, await) in
//! one task, nothing else. Instructions per channel = the difference between two runs with
//! different `N`, divided by the difference in `N` (cancels the setup).
//!
//! Run: `target/release/sync_oneshot ours|02|1x N`.

use std::hint::black_box;

macro_rules! run02 {
    ($tk:ident, $n:expr) => {{
        // `block_on` takes `&mut self` in tokio 0.2.25 and `&self` in ours.
        #[allow(unused_mut)]
        let mut rt = $tk::runtime::Builder::new()
            .basic_scheduler()
            .build()
            .expect("build runtime");
        rt.block_on(async {
            for i in 0..$n {
                let (tx, rx) = $tk::sync::oneshot::channel::<usize>();
                tx.send(i).unwrap();
                assert_eq!(black_box(rx).await.unwrap(), i);
            }
        })
    }};
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "ours".into());
    let n: usize = args.next().map_or(100_000, |s| s.parse().expect("N"));
    match which.as_str() {
        "ours" => run02!(tokio, n),
        "02" => run02!(tokio02, n),
        "1x" => {
            let rt = tokio1::runtime::Builder::new_current_thread()
                .build()
                .expect("build runtime");
            rt.block_on(async {
                for i in 0..n {
                    let (tx, rx) = tokio1::sync::oneshot::channel::<usize>();
                    tx.send(i).unwrap();
                    assert_eq!(black_box(rx).await.unwrap(), i);
                }
            })
        }
        other => panic!("unknown runtime {other}: ours, 02 or 1x"),
    }
}
