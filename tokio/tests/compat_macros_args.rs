//! tokio 0.2.25 compatibility: less common `#[tokio::main]` / `#[tokio::test]` argument forms
//! accepted by tokio-macros 0.2.6 (names compared lower-cased, `main` in a module, both
//! `core_threads` and `max_threads`).
#![allow(clippy::unnecessary_mut_passed)]

fn tid() -> std::thread::ThreadId {
    std::thread::current().id()
}

#[tokio::test(core_threads = 2, max_threads = 2)]
async fn core_equals_max() {
    assert_ne!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(basic_scheduler, max_threads = 2)]
async fn basic_with_max() {
    tokio::task::spawn_blocking(|| ()).await.unwrap();
}

#[tokio::test(threaded_scheduler, basic_scheduler)]
async fn first_flag_wins() {
    assert_ne!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

// COMPAT BUG: tokio-macros rejects `basic_scheduler` together with `core_threads`:
// error: core_threads cannot be combined with `basic_scheduler`: the basic scheduler runs
// everything on the current thread; remove `basic_scheduler` or use `threaded_scheduler`.
// tokio-macros 0.2.6 accepts it (core_threads > 1 selects threaded, == 1 basic, overriding flags).
#[cfg(any())]
#[tokio::test(basic_scheduler, core_threads = 2)]
async fn core_threads_overrides_flag() {
    assert_ne!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

mod app {
    #[tokio::main]
    pub async fn main() -> Result<u8, Box<dyn std::error::Error>> {
        tokio::time::delay_for(std::time::Duration::from_millis(1)).await;
        Ok(7)
    }

    #[tokio::main(basic_scheduler)]
    pub async fn generic<T: Send + 'static>(t: T) -> T {
        t
    }
}

#[test]
fn main_in_module_and_generic() {
    assert_eq!(app::main().unwrap(), 7);
    assert_eq!(app::generic("x"), "x");
}

#[allow(dead_code)]
#[tokio::test]
async fn attrs_are_kept() {
    #[allow(unused_variables)]
    let x = 1;
}

// core_threads = 1 selects the basic scheduler, overriding the flag (tokio-macros 0.2.6)
#[tokio::test(threaded_scheduler, core_threads = 1)]
async fn core_threads_one_overrides_threaded_flag() {
    assert_eq!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(basic_scheduler, core_threads = 1)]
async fn basic_with_core_threads_one() {
    assert_eq!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(max_threads = 1)]
async fn max_threads_one_alone() {
    tokio::task::yield_now().await;
}
