//! Many spawned tasks sleeping short random delays, awaited round after round, on the
//! current-thread scheduler: a timer that fires while the driver prepares to park must not
//! leave the woken tasks stranded in the local queue while the thread sleeps in the driver.

use std::time::Duration;
use tokio::runtime::Builder;

fn rounds(rt: tokio::runtime::Runtime, tasks: u64, rounds: u64) {
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(30), async {
            for round in 0..rounds {
                let handles: Vec<_> = (0..tasks)
                    .map(|i| {
                        let ms = (i * 7 + round * 13) % 11;
                        tokio::spawn(async move {
                            tokio::time::delay_for(Duration::from_millis(ms)).await;
                        })
                    })
                    .collect();
                for h in handles {
                    h.await.unwrap();
                }
            }
        })
        .await
        .expect("spawned delays were stranded: a round never finished");
    });
}

#[test]
fn spawned_delays_all_fire_basic() {
    rounds(
        Builder::new()
            .basic_scheduler()
            .enable_all()
            .build()
            .unwrap(),
        200,
        50,
    );
}

#[test]
fn spawned_delays_all_fire_threaded() {
    rounds(
        Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .enable_all()
            .build()
            .unwrap(),
        200,
        50,
    );
}
