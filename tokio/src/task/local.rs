//! [`LocalSet`] and [`spawn_local`]: `!Send` tasks on the current thread.

use super::JoinHandle;
use crate::runtime::Runtime;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A set of tasks that all run on the same thread, so they may be `!Send`.
///
/// The tasks run while the set is driven: inside [`LocalSet::run_until`] /
/// [`LocalSet::block_on`], or while the set itself is awaited (it completes when all its
/// tasks have). Dropping the set drops its unfinished tasks.
///
/// ```
/// use std::rc::Rc;
/// use tokio::task::{self, LocalSet};
///
/// let rt = tokio::runtime::Runtime::new().unwrap();
/// let local = LocalSet::new();
/// let data = Rc::new(41);
/// let out = local.block_on(&rt, async move {
///     let d = data.clone();
///     task::spawn_local(async move { *d + 1 }).await.unwrap()
/// });
/// assert_eq!(out, 42);
/// ```
///
/// A `LocalSet` stays on its thread:
///
/// ```compile_fail
/// fn assert_send<T: Send>() {}
/// assert_send::<tokio::task::LocalSet>();
/// ```
pub struct LocalSet {
    inner: tokio_executor::local::LocalSet,
}

/// Spawns a `!Send` future on the current [`LocalSet`].
///
/// # Panics
///
/// Panics outside a `LocalSet`: "`spawn_local` called from outside of a `task::LocalSet`".
///
/// ```
/// let rt = tokio::runtime::Runtime::new().unwrap();
/// let local = tokio::task::LocalSet::new();
/// local.block_on(&rt, async {
///     tokio::task::spawn_local(async {}).await.unwrap();
/// });
/// ```
#[track_caller]
pub fn spawn_local<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    tokio_executor::local::spawn_local(future)
}

impl LocalSet {
    /// An empty set.
    pub fn new() -> LocalSet {
        LocalSet {
            inner: tokio_executor::local::LocalSet::new(),
        }
    }

    /// Spawns a `!Send` task on this set; it runs when the set is driven.
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// let local = tokio::task::LocalSet::new();
    /// let h = local.spawn_local(async { 3 });
    /// assert_eq!(local.block_on(&rt, h).unwrap(), 3);
    /// ```
    pub fn spawn_local<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.inner.spawn_local(future)
    }

    /// Runs `future` on `rt` (its `block_on`) while driving this set's tasks.
    /// Takes `&Runtime`; 0.2 code passing `&mut rt` still compiles (coercion).
    ///
    /// # Panics
    ///
    /// Panics when called from inside a runtime.
    #[track_caller]
    pub fn block_on<F: Future>(&self, rt: &Runtime, future: F) -> F::Output {
        rt.block_on(self.run_until(future))
    }

    /// Runs `future` to completion while driving this set's tasks. Cancellation-safe:
    /// dropping it leaves the set's tasks in the set.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// let local = tokio::task::LocalSet::new();
    /// let v = rt.block_on(local.run_until(async { 5 }));
    /// assert_eq!(v, 5);
    /// ```
    pub async fn run_until<F: Future>(&self, future: F) -> F::Output {
        self.inner.run_until(future).await
    }
}

impl Future for LocalSet {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.inner.poll_tasks(cx)
    }
}

impl Default for LocalSet {
    fn default() -> LocalSet {
        LocalSet::new()
    }
}

impl fmt::Debug for LocalSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalSet").finish_non_exhaustive()
    }
}
