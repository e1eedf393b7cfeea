//! `#[tokio::main]` / `#[tokio::test]`: every argument form of tokio 0.2 and tokio 1.x, the
//! scheduler each one selects, and what the expansion keeps (attrs, visibility, signature).
#![cfg(all(feature = "macros", feature = "rt-threaded"))]

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// Where spawned tasks run: `Basic` when they run on the calling thread (the basic
/// scheduler only runs tasks inside `block_on`), else the set of worker threads seen.
#[derive(Debug, PartialEq)]
enum Seen {
    Basic,
    Workers(usize),
}

async fn scheduler() -> Seen {
    let me = thread::current().id();
    let seen = Arc::new(Mutex::new(HashSet::<ThreadId>::new()));
    let mut handles = Vec::new();
    for _ in 0..16 {
        let seen = seen.clone();
        handles.push(tokio::spawn(async move {
            // Keep the worker busy so that others pick up the remaining tasks.
            thread::sleep(Duration::from_millis(2));
            seen.lock().unwrap().insert(thread::current().id());
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let seen = seen.lock().unwrap();
    if seen.len() == 1 && seen.contains(&me) {
        Seen::Basic
    } else {
        assert!(
            !seen.contains(&me),
            "threaded tasks never run on the block_on thread"
        );
        Seen::Workers(seen.len())
    }
}

fn assert_threaded(seen: Seen, max_workers: usize) {
    match seen {
        Seen::Workers(n) => assert!(n >= 1 && n <= max_workers, "{} workers seen", n),
        Seen::Basic => panic!("expected the threaded scheduler"),
    }
}

// ---- tokio 0.2 spelling -------------------------------------------------------------------

#[tokio::test]
async fn test_defaults_to_basic() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(basic_scheduler)]
async fn test_basic_scheduler() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(threaded_scheduler)]
async fn test_threaded_scheduler() {
    assert_threaded(scheduler().await, 64);
}

#[tokio::test(threaded_scheduler, basic_scheduler)]
async fn test_first_flag_wins() {
    assert_threaded(scheduler().await, 64);
}

#[tokio::test(basic_scheduler, threaded_scheduler)]
async fn test_first_flag_wins_basic() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(core_threads = 2)]
async fn test_core_threads_selects_threaded() {
    assert_threaded(scheduler().await, 2);
}

#[tokio::test(threaded_scheduler, core_threads = 1)]
async fn test_core_threads_one_is_basic() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(threaded_scheduler, core_threads = 3, max_threads = 8)]
async fn test_core_and_max_threads() {
    assert_threaded(scheduler().await, 3);
    let v = tokio::task::spawn_blocking(|| 5).await.unwrap();
    assert_eq!(v, 5);
}

#[tokio::test(max_threads = 4)]
async fn test_max_threads_keeps_the_scheduler() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(Threaded_Scheduler, CORE_THREADS = 2)]
async fn test_names_are_case_insensitive() {
    assert_threaded(scheduler().await, 2);
}

// ---- tokio 1.x spelling -------------------------------------------------------------------

#[tokio::test(flavor = "current_thread")]
async fn test_flavor_current_thread() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio::test(flavor = "multi_thread")]
async fn test_flavor_multi_thread() {
    assert_threaded(scheduler().await, 64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_flavor_multi_thread_worker_threads() {
    assert_threaded(scheduler().await, 2);
}

#[tokio::test(worker_threads = 1)]
async fn test_worker_threads_alone_is_threaded() {
    assert_threaded(scheduler().await, 1);
}

#[cfg(feature = "test-util")]
#[tokio::test(start_paused = true)]
async fn test_start_paused() {
    let start = tokio::time::Instant::now();
    tokio::time::delay_for(Duration::from_secs(3600)).await;
    assert!(start.elapsed() >= Duration::from_secs(3600));
}

mod renamed {
    use ::tokio as my_tokio;

    #[my_tokio::test(crate = "my_tokio")]
    async fn test_crate_path() {
        assert_eq!(my_tokio::spawn(async { 3 }).await.unwrap(), 3);
    }
}

// ---- what the expansion keeps -------------------------------------------------------------

#[tokio::test]
async fn test_result_return_with_question_mark() -> Result<(), Box<dyn std::error::Error>> {
    let n: u32 = "42".parse()?;
    assert_eq!(n, 42);
    Ok(())
}

#[tokio::test]
#[ignore = "attributes after #[tokio::test] are kept"]
async fn test_attrs_are_kept() {
    panic!("ignored tests do not run");
}

#[tokio::test]
#[should_panic(expected = "boom")]
async fn test_should_panic_is_kept() {
    panic!("boom");
}

/// A `#[tokio::main]` that is not `main`: parameters, generics and the return type stay.
#[tokio::main]
pub(crate) async fn add<T: Into<u64>>(a: T, b: u64) -> u64 {
    tokio::spawn(async move { b }).await.unwrap() + a.into()
}

#[tokio::main(basic_scheduler)]
async fn main_basic_on_this_thread() -> Seen {
    scheduler().await
}

#[tokio::main]
async fn main_default() -> Seen {
    scheduler().await
}

#[tokio::main(core_threads = 2, max_threads = 4)]
async fn main_core_threads() -> Seen {
    scheduler().await
}

#[tokio::main(flavor = "current_thread")]
async fn main_current_thread() -> Seen {
    scheduler().await
}

#[test]
fn main_attribute_on_other_functions() {
    assert_eq!(add(1u8, 2), 3);
    assert_eq!(main_basic_on_this_thread(), Seen::Basic);
    assert_threaded(main_default(), 64);
    assert_threaded(main_core_threads(), 2);
    assert_eq!(main_current_thread(), Seen::Basic);
}

// ---- the per-feature and legacy entry points ----------------------------------------------

#[tokio_macros::test_basic(threaded_scheduler)]
async fn test_basic_ignores_threaded_scheduler() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio_macros::main_basic]
async fn main_basic_entry() -> Seen {
    scheduler().await
}

#[tokio_macros::test]
async fn legacy_test_defaults_to_basic() {
    assert_eq!(scheduler().await, Seen::Basic);
}

#[tokio_macros::test(threaded_scheduler, core_threads = 2)]
async fn legacy_test_threaded_ignores_pairs() {
    assert_threaded(scheduler().await, 64);
}

#[tokio_macros::main]
async fn legacy_main_default() -> Seen {
    scheduler().await
}

#[tokio_macros::main(basic_scheduler)]
async fn legacy_main_basic() -> Seen {
    scheduler().await
}

#[test]
fn per_feature_entry_points() {
    assert_eq!(main_basic_entry(), Seen::Basic);
    assert_threaded(legacy_main_default(), 64);
    assert_eq!(legacy_main_basic(), Seen::Basic);
}
