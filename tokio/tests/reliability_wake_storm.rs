//! Wake storm: thousands of tasks, each parked on a hand-made flag, are woken from plain OS
//! threads in bursts, round after round. A progress watchdog fails the test (instead of
//! hanging CI) if any round stops making progress: a lost wake-up shows up as a stall.
//!
//! The flag is deliberately not a tokio-sync primitive, so this exercises the scheduler's
//! wake path alone (remote wake → injector → idle-worker wake-up).

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};
use support::scale::pick;
use tokio::runtime::{Builder, Runtime};

/// A one-bit event: `set` from any thread wakes the task waiting in `Wait`.
#[derive(Default)]
struct Flag {
    state: Mutex<(bool, Option<Waker>)>,
}

impl Flag {
    fn set(&self) {
        let waker = {
            let mut s = self.state.lock().unwrap();
            s.0 = true;
            s.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

struct Wait<'a>(&'a Flag);

impl Future for Wait<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.0.state.lock().unwrap();
        if s.0 {
            s.0 = false;
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn storm(rt: Runtime) {
    let tasks = pick(1_000, 10_000, 10_000);
    let rounds = pick(3, 5, 20);
    let wakers = 4;
    let flags: Arc<Vec<Flag>> = Arc::new((0..tasks).map(|_| Flag::default()).collect());
    let done = Arc::new(AtomicUsize::new(0));

    let handles: Vec<_> = (0..tasks)
        .map(|i| {
            let flags = flags.clone();
            let done = done.clone();
            rt.spawn(async move {
                for _ in 0..rounds {
                    Wait(&flags[i]).await;
                    done.fetch_add(1, SeqCst);
                }
            })
        })
        .collect();

    for round in 0..rounds {
        // Wake every task from `wakers` threads, in bursts of 500 with short pauses.
        let threads: Vec<_> = (0..wakers)
            .map(|t| {
                let flags = flags.clone();
                std::thread::spawn(move || {
                    for (n, i) in (t..tasks).step_by(wakers).enumerate() {
                        flags[i].set();
                        if n % 500 == 499 {
                            std::thread::sleep(Duration::from_micros(200));
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        // Watchdog: the round must complete, and progress must never stall for 10 s.
        let target = tasks * (round + 1);
        let mut last = done.load(SeqCst);
        let mut last_change = Instant::now();
        while done.load(SeqCst) < target {
            std::thread::sleep(Duration::from_millis(5));
            let now = done.load(SeqCst);
            if now != last {
                last = now;
                last_change = Instant::now();
            } else if last_change.elapsed() > Duration::from_secs(10) {
                panic!("lost wake-up: round {round} stalled at {now} of {target} completions");
            }
        }
    }
    rt.block_on(async move {
        for h in handles {
            h.await.unwrap();
        }
    });
    assert_eq!(done.load(SeqCst), tasks * rounds);
    eprintln!("figure: wake storm, {tasks} tasks x {rounds} rounds woken from {wakers} threads, none lost");
}

#[test]
fn wake_storm_threaded() {
    storm(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .build()
            .unwrap(),
    );
}

#[test]
fn wake_storm_basic() {
    // The basic scheduler only runs tasks inside block_on: drive it from a helper thread
    // for the duration of the storm.
    let rt = Arc::new(Builder::new().basic_scheduler().build().unwrap());
    let stop = Arc::new(Flag::default());
    let driver = {
        let rt = rt.clone();
        let stop = stop.clone();
        std::thread::spawn(move || rt.block_on(Wait(&stop)))
    };
    let tasks = pick(1_000, 10_000, 10_000);
    let flags: Arc<Vec<Flag>> = Arc::new((0..tasks).map(|_| Flag::default()).collect());
    let done = Arc::new(AtomicUsize::new(0));
    for i in 0..tasks {
        let flags = flags.clone();
        let done = done.clone();
        rt.spawn(async move {
            Wait(&flags[i]).await;
            done.fetch_add(1, SeqCst);
        });
    }
    let t0 = Instant::now();
    for f in flags.iter() {
        f.set();
    }
    while done.load(SeqCst) < tasks {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "lost wake-up on the basic scheduler: {} of {tasks} done",
            done.load(SeqCst)
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    stop.set();
    driver.join().unwrap();
}
