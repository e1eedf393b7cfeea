//! [`block_on`]: run a future to completion from synchronous test code.

use std::future::Future;
use tokio::runtime::Builder;

/// Runs `future` to completion on a fresh single-threaded runtime (basic scheduler, I/O
/// and timer enabled) and returns its output. The runtime is dropped before returning, so
/// tasks the future spawned and did not wait for are cancelled.
///
/// Inside the future, `tokio::spawn`, timers and I/O resources work as in
/// `#[tokio::test]`.
///
/// # Panics
///
/// If the runtime cannot be built, or when called from inside a runtime ("Cannot start
/// a runtime from within a runtime...").
///
/// ```
/// let n = tokio_test::block_on(async {
///     let task = tokio::spawn(async { 6 * 7 });
///     task.await.unwrap()
/// });
/// assert_eq!(n, 42);
/// ```
#[track_caller]
pub fn block_on<F: Future>(future: F) -> F::Output {
    Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .expect("failed to build the tokio_test::block_on runtime")
        .block_on(future)
}
