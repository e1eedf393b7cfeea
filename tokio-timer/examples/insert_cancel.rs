//! Insert + cancel of delays on a timer driven by the calling thread, for profiling
//! (`perf stat -e instructions`): `cargo run --release -p tokio-timer --example insert_cancel [n]`.

use std::future::Future;
use std::pin::Pin;
use std::task::Context;
use std::time::{Duration, Instant};
use tokio_executor::park::ParkThread;
use tokio_timer::{set_default, Timer};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let timer = Timer::new(ParkThread::new());
    let _guard = set_default(&timer.handle());
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    let start = Instant::now();
    for _ in 0..n {
        let mut delay = tokio_timer::delay_for(Duration::from_secs(3600));
        assert!(Pin::new(&mut delay).poll(&mut cx).is_pending());
    }
    let elapsed = start.elapsed();
    println!("{:.1} ns/delay", elapsed.as_nanos() as f64 / n as f64);
}
