//! `tokio::time` delays on real runtimes: eager binding, completion on time on both
//! schedulers, resets, cancellation, shutdown and the panic messages.
#![allow(unused_mut)] // 0.2 code: `block_on(&mut self)`; this runtime takes `&self`.

use std::time::Duration;
use tokio::runtime::Builder;
use tokio::time::{delay_for, delay_until, Instant};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn delay_completes_on_time_on_basic_scheduler() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let start = std::time::Instant::now();
        delay_for(ms(30)).await;
        let took = start.elapsed();
        assert!(took >= ms(30), "{took:?}");
        assert!(took < ms(500), "{took:?}");
    });
}

#[test]
fn delay_completes_on_time_on_threaded_scheduler() {
    let mut rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let tasks: Vec<_> = (0..200u64)
            .map(|i| {
                tokio::spawn(async move {
                    let d = ms(i % 20);
                    let deadline = std::time::Instant::now() + d;
                    delay_for(d).await;
                    assert!(std::time::Instant::now() >= deadline);
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
    });
}

#[test]
fn time_only_runtime_runs_delays() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_time()
        .build()
        .unwrap();
    rt.block_on(async { delay_for(ms(5)).await });
}

#[test]
fn delay_until_and_reset() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let start = Instant::now();
        let mut d = delay_until(start + ms(1_000));
        d.reset(start + ms(10));
        (&mut d).await;
        assert!(d.is_elapsed());
        assert!(Instant::now() - start >= ms(10));
        d.reset(Instant::now() + ms(10));
        assert!(!d.is_elapsed());
        d.await;
    });
}

#[test]
fn delay_reset_from_another_task() {
    let mut rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let delay = std::sync::Arc::new(std::sync::Mutex::new(delay_for(ms(60_000))));
        let remote = delay.clone();
        let start = Instant::now();
        tokio::spawn(async move {
            delay_for(ms(20)).await;
            remote.lock().unwrap().reset(Instant::now() + ms(10));
        });
        std::future::poll_fn(|cx| std::pin::Pin::new(&mut *delay.lock().unwrap()).poll(cx)).await;
        let took = Instant::now() - start;
        assert!(took >= ms(30) && took < ms(10_000), "{took:?}");
    });
}

#[test]
#[should_panic(
    expected = "there is no timer running, must be called from the context of a Tokio 0.2.x runtime"
)]
fn delay_outside_runtime_panics() {
    drop(delay_for(ms(1)));
}

#[test]
#[should_panic(expected = "there is no timer running")]
fn delay_without_enable_time_panics() {
    let mut rt = Builder::new().basic_scheduler().build().unwrap();
    rt.block_on(async {
        drop(delay_for(ms(1)));
    });
}

#[test]
#[should_panic(expected = "timer error: the timer is shutdown")]
fn delay_polled_after_runtime_dropped_panics() {
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let d = rt.enter(|| delay_for(ms(10_000)));
    drop(rt);
    futures::executor::block_on(d);
}

#[test]
fn instant_now_in_and_out_of_runtime() {
    let a = Instant::now();
    let mut rt = Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let b = rt.block_on(async { Instant::now() });
    assert!(b >= a);
    let c: std::time::Instant = b.into();
    assert_eq!(Instant::from_std(c), b);
    assert!(b.checked_add(ms(1)).unwrap() > b);
    assert_eq!(b.saturating_duration_since(b + ms(1)), Duration::ZERO);
    assert_eq!(b.checked_duration_since(b + ms(1)), None);
}

use std::future::Future;
