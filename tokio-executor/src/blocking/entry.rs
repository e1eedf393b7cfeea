//! The entry points: `spawn_blocking` on the current pool, and `block_in_place`.

use crate::context;
use crate::errors;
use crate::task::JoinHandle;

/// Runs `f` on the current runtime's blocking pool and returns a handle to its result.
///
/// This is the function `tokio::task::spawn_blocking` and the DNS resolver use.
///
/// # Panics
///
/// Panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
///
/// ```
/// let pool = tokio_executor::blocking::BlockingPool::builder().build();
/// let _guard = tokio_executor::context::set_blocking(pool.spawner().clone());
/// let handle = tokio_executor::blocking::spawn_blocking(|| 1 + 1);
/// # drop(handle);
/// ```
#[track_caller]
pub fn spawn_blocking<F, R>(f: F) -> JoinHandle<R>
where
    F: FnOnce() -> R + Send + 'static,
    R: Send + 'static,
{
    match context::current_blocking() {
        Some(pool) => pool.spawn_blocking(f),
        None => std::panic::panic_any(errors::NO_RUNTIME),
    }
}

/// Runs `f`, which may block, on the current thread. On a multi-thread runtime worker
/// the worker's queue is first handed to a new thread so other tasks keep running.
/// Outside any runtime it simply runs `f`.
///
/// # Panics
///
/// Panics on the current-thread scheduler or inside a `LocalSet`: "can call blocking
/// only when running on the multi-threaded runtime".
///
/// ```
/// let v = tokio_executor::blocking::block_in_place(|| 5);
/// assert_eq!(v, 5);
/// ```
#[track_caller]
pub fn block_in_place<F, R>(f: F) -> R
where
    F: FnOnce() -> R,
{
    if crate::current_thread::is_current() || crate::local::is_current() {
        std::panic::panic_any(errors::BLOCK_IN_PLACE_NOT_THREADED);
    }
    // A worker hands its queue to a new thread first; elsewhere `f` just runs.
    crate::thread_pool::worker::hand_off_core();
    crate::enter::exit(|| crate::coop::unconstrained(f))
}
