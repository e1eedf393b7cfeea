//! Asynchronous green threads: spawning, joining, yielding and local task sets.
//!
//! A task is a light-weight, non-blocking unit of execution, spawned with [`spawn`] and
//! joined through its [`JoinHandle`]. Blocking work goes to [`spawn_blocking`] (or, on
//! the threaded scheduler, [`block_in_place`]); `!Send` futures run on a [`LocalSet`].
//!
//! ```
//! # let rt = tokio::runtime::Runtime::new().unwrap();
//! # rt.block_on(async {
//! let handle = tokio::task::spawn(async { "done" });
//! assert_eq!(handle.await.unwrap(), "done");
//! # });
//! ```

pub use tokio_executor::task::{yield_now, JoinError, JoinHandle};

use std::future::Future;

/// Spawns a new asynchronous task on the current runtime and returns its handle.
///
/// The task starts running in the background right away (it does not wait for the
/// handle to be awaited); dropping the handle detaches it.
///
/// # Panics
///
/// Panics outside a runtime ("must be called from the context of a Tokio 0.2.x runtime
/// configured with either `basic_scheduler` or `threaded_scheduler`"), and on a
/// runtime built without a scheduler ("spawning not enabled for runtime").
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let h = tokio::spawn(async { 1 + 1 });
/// assert_eq!(h.await.unwrap(), 2);
/// # });
/// ```
#[track_caller]
pub fn spawn<T>(task: T) -> JoinHandle<T::Output>
where
    T: Future + Send + 'static,
    T::Output: Send + 'static,
{
    tokio_executor::spawn(task)
}

cfg_blocking! {
    /// Runs the blocking closure `f` on the runtime's blocking pool and returns a handle
    /// to its result. Beyond the pool's thread cap, calls queue until a thread frees up.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let v = tokio::task::spawn_blocking(|| 6 * 7).await.unwrap();
    /// assert_eq!(v, 42);
    /// # });
    /// ```
    #[track_caller]
    pub fn spawn_blocking<F, R>(f: F) -> JoinHandle<R>
    where
        F: FnOnce() -> R + Send + 'static,
        R: Send + 'static,
    {
        tokio_executor::blocking::spawn_blocking(f)
    }
}

cfg_block_in_place! {
    /// Runs the blocking closure `f` on the current thread; on a threaded-scheduler
    /// worker the worker's other tasks are first handed to a new thread. Outside a
    /// runtime it simply runs `f`.
    ///
    /// # Panics
    ///
    /// Panics on the basic scheduler or inside a `LocalSet`: "can call blocking only
    /// when running on the multi-threaded runtime".
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let v = tokio::spawn(async { tokio::task::block_in_place(|| 3) }).await.unwrap();
    /// assert_eq!(v, 3);
    /// # });
    /// ```
    #[track_caller]
    pub fn block_in_place<F, R>(f: F) -> R
    where
        F: FnOnce() -> R,
    {
        tokio_executor::blocking::block_in_place(f)
    }
}

cfg_rt_util! {
    mod local;
    pub use local::{spawn_local, LocalSet};
    mod task_local;
    pub use task_local::LocalKey;
}
