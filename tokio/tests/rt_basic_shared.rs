#![cfg(all(
    feature = "rt-core",
    feature = "time",
    feature = "tcp",
    feature = "sync"
))]
//! Several threads in `block_on` on one basic-scheduler runtime (shared through an `Arc`).
//!
//! One thread at a time holds the scheduler's core and drives the tasks, the reactor and
//! the timer; the others wait. When the driving thread leaves `block_on` it hands the core
//! to a waiting thread, which then drives; a waiting thread whose own future completes
//! (woken from elsewhere) returns without the core.
//!
//! Every test runs under a watchdog: a hang is reported as a failure, never as a stuck
//! test binary.

use std::net::TcpStream as StdStream;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};
use tokio::runtime::{Builder, Runtime};
use tokio::time::delay_for;

fn rt() -> Arc<Runtime> {
    Arc::new(
        Builder::new()
            .basic_scheduler()
            .enable_all()
            .build()
            .unwrap(),
    )
}

/// Runs `f` on its own thread and fails the test if it has not finished within `limit`
/// (the stuck thread is left behind; the process exits at the end of the binary). A
/// panic in `f` is re-raised here.
fn within<F: FnOnce() + Send + 'static>(limit: Duration, f: F) {
    let (tx, rx) = mpsc::channel::<()>();
    let th = thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    match rx.recv_timeout(limit) {
        Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(p) = th.join() {
                std::panic::resume_unwind(p);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("hung: a block_on did not complete within {limit:?}")
        }
    }
}

const LIMIT: Duration = Duration::from_secs(20);

/// Starts thread A in a `block_on` on `rt` that returns once the returned sender fires;
/// returns when A is inside it (holding the core).
fn hold_core(rt: &Arc<Runtime>) -> (thread::JoinHandle<()>, tokio::sync::oneshot::Sender<()>) {
    let (started_tx, started_rx) = mpsc::channel();
    let (release_tx, release_rx) = tokio::sync::oneshot::channel::<()>();
    let rt = rt.clone();
    let a = thread::spawn(move || {
        rt.block_on(async {
            started_tx.send(()).unwrap();
            release_rx.await.unwrap();
        });
    });
    started_rx.recv().unwrap();
    (a, release_tx)
}

/// Thread A drives while B starts waiting; A leaves; B's timer needs the driver.
#[test]
fn waiter_takes_over_the_timer() {
    within(LIMIT, || {
        let rt = rt();
        let (started_tx, started_rx) = mpsc::channel();
        let a = {
            let rt = rt.clone();
            thread::spawn(move || {
                rt.block_on(async {
                    started_tx.send(()).unwrap();
                    delay_for(Duration::from_millis(50)).await;
                });
            })
        };
        started_rx.recv().unwrap();
        let start = Instant::now();
        rt.block_on(async { delay_for(Duration::from_millis(200)).await });
        assert!(start.elapsed() >= Duration::from_millis(200));
        a.join().unwrap();
    });
}

/// B waits on a TCP accept; the connection arrives after A left `block_on`.
#[test]
fn waiter_takes_over_the_reactor() {
    within(LIMIT, || {
        let rt = rt();
        // `accept` takes `&mut self` in 0.2 and `&self` in 1.x: either compiles.
        #[allow(unused_mut)]
        let mut listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let (started_tx, started_rx) = mpsc::channel();
        let (a_done_tx, a_done_rx) = mpsc::channel();
        let a = {
            let rt = rt.clone();
            thread::spawn(move || {
                rt.block_on(async {
                    started_tx.send(()).unwrap();
                    delay_for(Duration::from_millis(30)).await;
                });
                a_done_tx.send(()).unwrap();
            })
        };
        started_rx.recv().unwrap();
        let connector = thread::spawn(move || {
            a_done_rx.recv().unwrap();
            thread::sleep(Duration::from_millis(20));
            StdStream::connect(addr).unwrap()
        });
        let (_stream, peer) = rt.block_on(listener.accept()).unwrap();
        let client = connector.join().unwrap();
        assert_eq!(peer, client.local_addr().unwrap());
        a.join().unwrap();
    });
}

/// B awaits the `JoinHandle` of a task it spawned: the task can finish only once A has
/// left and B drives.
#[test]
fn waiter_runs_spawned_tasks_after_handoff() {
    within(LIMIT, || {
        let rt = rt();
        let (a, release_tx) = hold_core(&rt);
        let me = thread::current().id();
        let (b_waiting_tx, b_waiting_rx) = mpsc::channel();
        let (go_tx, go_rx) = tokio::sync::oneshot::channel::<()>();
        // Releases A, waits until A has left block_on, then lets the task finish.
        let releaser = thread::spawn(move || {
            b_waiting_rx.recv().unwrap();
            release_tx.send(()).unwrap();
            a.join().unwrap();
            go_tx.send(()).unwrap();
        });
        let ran_on = rt.block_on(async move {
            b_waiting_tx.send(()).unwrap();
            tokio::spawn(async {
                go_rx.await.unwrap();
                // The timer too must be driven by B now.
                delay_for(Duration::from_millis(5)).await;
                thread::current().id()
            })
            .await
            .unwrap()
        });
        releaser.join().unwrap();
        // A had left before the task could finish, so B drove it.
        assert_eq!(ran_on, me);
    });
}

/// A waiting thread whose future is woken from another thread returns while the core is
/// still held by the driving thread.
#[test]
fn waiter_completes_without_the_core() {
    within(LIMIT, || {
        let rt = rt();
        let (a, release_tx) = hold_core(&rt);
        let (tx, rx) = tokio::sync::oneshot::channel();
        let sender = thread::spawn(move || {
            thread::sleep(Duration::from_millis(10));
            tx.send(7).unwrap();
        });
        assert_eq!(rt.block_on(rx).unwrap(), 7);
        // A is still inside block_on; its future was never released.
        assert!(!a.is_finished());
        release_tx.send(()).unwrap();
        a.join().unwrap();
        sender.join().unwrap();
    });
}

/// A waiting thread whose future waits on a task run by the driving thread completes
/// while the driving thread keeps the core.
#[test]
fn waiter_woken_by_a_task_of_the_driver() {
    within(LIMIT, || {
        let rt = rt();
        let (started_tx, started_rx) = mpsc::channel();
        let (release_tx, release_rx) = tokio::sync::oneshot::channel::<()>();
        let a_id = Arc::new(std::sync::Mutex::new(None));
        let a = {
            let rt = rt.clone();
            let a_id = a_id.clone();
            thread::spawn(move || {
                *a_id.lock().unwrap() = Some(thread::current().id());
                rt.block_on(async {
                    started_tx.send(()).unwrap();
                    release_rx.await.unwrap();
                });
            })
        };
        started_rx.recv().unwrap();
        let h = rt.spawn(async {
            delay_for(Duration::from_millis(10)).await;
            thread::current().id()
        });
        let ran_on = rt.block_on(h).unwrap();
        assert_eq!(Some(ran_on), *a_id.lock().unwrap());
        release_tx.send(()).unwrap();
        a.join().unwrap();
    });
}

/// The driving thread's future panics; the waiting thread takes over.
#[test]
fn waiter_takes_over_after_a_panic() {
    within(LIMIT, || {
        let rt = rt();
        let (started_tx, started_rx) = mpsc::channel();
        let a = {
            let rt = rt.clone();
            thread::spawn(move || {
                rt.block_on(async {
                    started_tx.send(()).unwrap();
                    delay_for(Duration::from_millis(30)).await;
                    panic!("boom");
                });
            })
        };
        started_rx.recv().unwrap();
        let v = rt.block_on(async {
            delay_for(Duration::from_millis(150)).await;
            tokio::spawn(async { 11 }).await.unwrap()
        });
        assert_eq!(v, 11);
        assert!(a.join().is_err());
    });
}

/// A spawned task that ticks on a timer keeps running across handoffs.
#[test]
fn spawned_task_keeps_running_across_handoffs() {
    within(LIMIT, || {
        let rt = rt();
        let ticks = Arc::new(AtomicUsize::new(0));
        {
            let ticks = ticks.clone();
            rt.spawn(async move {
                loop {
                    delay_for(Duration::from_millis(2)).await;
                    ticks.fetch_add(1, SeqCst);
                }
            });
        }
        let mut threads = Vec::new();
        for i in 0..3u64 {
            let rt = rt.clone();
            threads.push(thread::spawn(move || {
                rt.block_on(async { delay_for(Duration::from_millis(40 * (i + 1))).await });
            }));
        }
        for t in threads {
            t.join().unwrap();
        }
        let seen = ticks.load(SeqCst);
        // The last thread waits until the ticking task has ticked again.
        let target = seen + 3;
        let t = {
            let rt = rt.clone();
            let ticks = ticks.clone();
            thread::spawn(move || {
                rt.block_on(async move {
                    while ticks.load(SeqCst) < target {
                        delay_for(Duration::from_millis(1)).await;
                    }
                });
            })
        };
        t.join().unwrap();
        assert!(ticks.load(SeqCst) >= target);
    });
}

/// Many threads, many iterations: every block_on needs the driver (a timer, a spawned
/// task, a remote wake) and every one completes.
#[test]
fn many_threads_many_block_ons() {
    const THREADS: usize = 6;
    const ITERS: usize = 100;
    within(Duration::from_secs(60), || {
        let rt = rt();
        let done = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..THREADS)
            .map(|t| {
                let rt = rt.clone();
                let done = done.clone();
                thread::spawn(move || {
                    for i in 0..ITERS {
                        let v = rt.block_on(async move {
                            match (t + i) % 3 {
                                0 => {
                                    delay_for(Duration::from_millis(1)).await;
                                    i
                                }
                                1 => tokio::spawn(async move { i }).await.unwrap(),
                                _ => {
                                    tokio::task::yield_now().await;
                                    let (tx, rx) = tokio::sync::oneshot::channel();
                                    tokio::spawn(async move {
                                        delay_for(Duration::from_micros(200)).await;
                                        tx.send(i).unwrap();
                                    });
                                    rx.await.unwrap()
                                }
                            }
                        });
                        assert_eq!(v, i);
                        done.fetch_add(1, SeqCst);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(done.load(SeqCst), THREADS * ITERS);
    });
}

/// Short block_ons racing long ones: every short one returns, every long one finishes.
#[test]
fn short_and_long_block_ons_race() {
    within(Duration::from_secs(60), || {
        let rt = rt();
        let mut threads = Vec::new();
        for t in 0..4 {
            let rt = rt.clone();
            threads.push(thread::spawn(move || {
                for i in 0..50u64 {
                    if t % 2 == 0 {
                        rt.block_on(async {});
                    } else {
                        let ms = i % 4;
                        rt.block_on(async { delay_for(Duration::from_millis(ms)).await });
                    }
                }
            }));
        }
        for th in threads {
            th.join().unwrap();
        }
    });
}

/// `block_in_place` panics on a waiting thread as on the driving one: both run a basic
/// scheduler's `block_on`.
#[cfg(all(feature = "blocking", feature = "rt-threaded"))]
#[test]
fn block_in_place_panics_on_a_waiting_thread() {
    within(LIMIT, || {
        let rt = rt();
        let (a, release_tx) = hold_core(&rt);
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rt.block_on(async { tokio::task::block_in_place(|| 1) })
        }));
        let err = res.expect_err("block_in_place on a waiting thread must panic");
        let msg = err
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| err.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(
            msg.contains("can call blocking only when running on the multi-threaded runtime"),
            "{msg}"
        );
        // The runtime still works for this thread afterwards.
        assert_eq!(
            rt.block_on(async { tokio::spawn(async { 4 }).await.unwrap() }),
            4
        );
        release_tx.send(()).unwrap();
        a.join().unwrap();
    });
}
