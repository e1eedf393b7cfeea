//! [`Handle`]: a cloneable reference to a runtime, usable from any thread.

use super::context;
use super::driver::Handles;
use std::error::Error;
use std::fmt;

use tokio_executor::blocking;
use tokio_executor::errors;

/// A handle to the runtime: spawn onto it, or enter its context, from any thread.
///
/// ```
/// use tokio::runtime::{Handle, Runtime};
///
/// let rt = Runtime::new().unwrap();
/// let handle = rt.handle().clone();
/// std::thread::spawn(move || {
///     handle.enter(|| assert!(Handle::try_current().is_ok()));
/// })
/// .join()
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Handle {
    pub(crate) spawner: tokio_executor::Spawner,
    pub(crate) blocking: blocking::Spawner,
    pub(crate) drivers: Handles,
}

/// Returned by [`Handle::try_current`] when no runtime is current.
pub struct TryCurrentError(());

impl Handle {
    /// Runs `f` inside this runtime's context: `tokio::spawn`, I/O resource and timer
    /// creation, and `Handle::current` all refer to this runtime inside `f`.
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// rt.handle().enter(|| {
    ///     let _h = tokio::spawn(async {});
    /// });
    /// ```
    pub fn enter<F, R>(&self, f: F) -> R
    where
        F: FnOnce() -> R,
    {
        let _guard = context::enter(self);
        f()
    }

    /// The handle of the runtime the current thread runs code for.
    ///
    /// # Panics
    ///
    /// Panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// rt.block_on(async {
    ///     let _handle = tokio::runtime::Handle::current();
    /// });
    /// ```
    #[track_caller]
    pub fn current() -> Handle {
        match context::current() {
            Some(h) => h,
            None => std::panic::panic_any(errors::NO_RUNTIME),
        }
    }

    /// Like [`Handle::current`], but returns an error outside a runtime.
    ///
    /// ```
    /// assert!(tokio::runtime::Handle::try_current().is_err());
    /// ```
    pub fn try_current() -> Result<Handle, TryCurrentError> {
        context::current().ok_or(TryCurrentError(()))
    }

    cfg_rt_core! {
        /// Spawns `future` onto the runtime.
        ///
        /// # Panics
        ///
        /// Panics when the runtime was built without a scheduler.
        ///
        /// ```
        /// let rt = tokio::runtime::Runtime::new().unwrap();
        /// let h = rt.handle().spawn(async { 5 });
        /// assert_eq!(rt.block_on(h).unwrap(), 5);
        /// ```
        #[track_caller]
        pub fn spawn<F>(&self, future: F) -> tokio_executor::task::JoinHandle<F::Output>
        where
            F: std::future::Future + Send + 'static,
            F::Output: Send + 'static,
        {
            self.spawner.spawn(future)
        }

        /// Blocks the current thread on `future` inside this runtime's context. It does not
        /// drive a basic scheduler: that scheduler's tasks progress only while some thread
        /// is in `Runtime::block_on`.
        ///
        /// # Panics
        ///
        /// Panics when called from a thread that drives a runtime.
        ///
        /// ```
        /// let rt = tokio::runtime::Runtime::new().unwrap();
        /// let h = rt.handle().clone();
        /// let v = std::thread::spawn(move || h.block_on(async { 3 })).join().unwrap();
        /// assert_eq!(v, 3);
        /// ```
        #[track_caller]
        pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
            let mut enter = tokio_executor::enter::enter();
            self.enter(|| enter.block_on(future))
        }
    }

    cfg_blocking! {
        /// Runs the blocking closure `f` on this runtime's blocking pool.
        ///
        /// ```
        /// let rt = tokio::runtime::Runtime::new().unwrap();
        /// let h = rt.handle().spawn_blocking(|| 2 + 2);
        /// assert_eq!(rt.block_on(h).unwrap(), 4);
        /// ```
        pub fn spawn_blocking<F, R>(&self, f: F) -> tokio_executor::task::JoinHandle<R>
        where
            F: FnOnce() -> R + Send + 'static,
            R: Send + 'static,
        {
            self.blocking.spawn_blocking(f)
        }
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("spawner", &self.spawner)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for TryCurrentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryCurrentError").finish()
    }
}

impl fmt::Display for TryCurrentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no tokio Runtime has been initialized")
    }
}

impl Error for TryCurrentError {}
