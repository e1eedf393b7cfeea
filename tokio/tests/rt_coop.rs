#![cfg(feature = "rt-core")]
//! The cooperative budget: a task polling many ready handles is made to yield, and
//! blocking closures run without a budget.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;
use tokio::runtime::{Builder, Runtime};

fn runtimes() -> Vec<Runtime> {
    let mut v = vec![Builder::new().basic_scheduler().build().unwrap()];
    #[cfg(feature = "rt-threaded")]
    v.push(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .build()
            .unwrap(),
    );
    v
}

#[test]
fn many_ready_join_handles_yield() {
    for rt in runtimes() {
        rt.block_on(async {
            let mut tasks: Vec<_> = (0..1_000).map(|_| tokio::spawn(async {})).collect();
            // Let every task finish.
            for _ in 0..50 {
                tokio::task::yield_now().await;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            poll_fn(|cx| {
                for t in &mut tasks {
                    if Pin::new(t).poll(cx).is_pending() {
                        return Poll::Ready(());
                    }
                }
                panic!("did not yield");
            })
            .await;
        });
    }
}

#[cfg(feature = "blocking")]
#[test]
fn blocking_closures_have_no_budget() {
    for rt in runtimes() {
        rt.block_on(async {
            let handles: Vec<_> = (0..300).map(|i| tokio::spawn(async move { i })).collect();
            let sum = tokio::task::spawn_blocking(move || {
                futures::executor::block_on(async move {
                    let mut sum = 0;
                    for h in handles {
                        sum += h.await.unwrap();
                    }
                    sum
                })
            })
            .await
            .unwrap();
            assert_eq!(sum, (0..300).sum::<i32>());
        });
    }
}

#[cfg(all(feature = "blocking", feature = "rt-threaded"))]
#[test]
fn block_in_place_has_no_budget() {
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(1)
        .build()
        .unwrap();
    rt.block_on(async {
        tokio::spawn(async {
            let handles: Vec<_> = (0..300).map(|i| tokio::spawn(async move { i })).collect();
            tokio::task::block_in_place(move || {
                futures::executor::block_on(async move {
                    for h in handles {
                        h.await.unwrap();
                    }
                })
            });
        })
        .await
        .unwrap();
    });
}
