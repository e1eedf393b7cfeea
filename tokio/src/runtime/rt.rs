//! [`Runtime`]: owns the scheduler, the driver and the blocking pool.
//!
//! Shutdown (drop, `shutdown_timeout`, `shutdown_background`):
//! 1. the scheduler stops: every unfinished task's future is dropped exactly once (its
//!    `JoinHandle` then reports cancellation) and the driver is shut down;
//! 2. the blocking pool shuts down: queued closures are dropped, running ones are waited
//!    for (without bound on drop, up to the timeout otherwise). On the threaded
//!    scheduler step 1 completes on the workers, which are blocking-pool threads, so
//!    this wait also covers it.

use super::context;
use super::Handle;
use std::fmt;
use std::future::Future;
use std::time::Duration;
use tokio_executor::blocking::BlockingPool;
use tokio_executor::current_thread::CurrentThread;
use tokio_executor::errors;

/// The Tokio runtime: a scheduler, an I/O + time driver and a blocking pool.
///
/// ```
/// use tokio::runtime::Runtime;
///
/// let rt = Runtime::new().unwrap();
/// let out = rt.block_on(async {
///     let h = tokio::spawn(async { "hello" });
///     h.await.unwrap()
/// });
/// assert_eq!(out, "hello");
/// ```
pub struct Runtime {
    kind: Kind,
    handle: Handle,
    blocking_pool: BlockingPool,
    is_shutdown: bool,
}

pub(super) enum Kind {
    /// The basic scheduler, or the shell (same machinery; its spawner is `Shell`).
    CurrentThread(CurrentThread),
    #[cfg(feature = "rt-threaded")]
    ThreadPool(tokio_executor::thread_pool::ThreadPool),
}

impl Runtime {
    /// Creates a runtime with every compiled-in driver enabled and the most capable
    /// compiled-in scheduler (threaded, else basic, else none).
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// # drop(rt);
    /// ```
    pub fn new() -> std::io::Result<Runtime> {
        let mut builder = super::Builder::new();
        default_scheduler(&mut builder);
        builder.enable_all().build()
    }

    pub(super) fn from_parts(kind: Kind, handle: Handle, blocking_pool: BlockingPool) -> Runtime {
        Runtime {
            kind,
            handle,
            blocking_pool,
            is_shutdown: false,
        }
    }

    cfg_rt_core! {
        /// Spawns `future` onto the runtime.
        ///
        /// # Panics
        ///
        /// Panics when the runtime was built without a scheduler ("task execution
        /// disabled").
        ///
        /// ```
        /// let rt = tokio::runtime::Runtime::new().unwrap();
        /// let h = rt.spawn(async { 1 });
        /// assert_eq!(rt.block_on(h).unwrap(), 1);
        /// ```
        #[track_caller]
        pub fn spawn<F>(&self, future: F) -> tokio_executor::task::JoinHandle<F::Output>
        where
            F: Future + Send + 'static,
            F::Output: Send + 'static,
        {
            if self.handle.spawner.is_shell() {
                std::panic::panic_any(errors::TASK_EXECUTION_DISABLED);
            }
            self.handle.spawner.spawn(future)
        }
    }

    /// Runs `future` to completion on the current thread, inside the runtime's context.
    /// On the basic scheduler, spawned tasks run only while this is running.
    ///
    /// # Panics
    ///
    /// Panics when called from inside a runtime (a nested `block_on`).
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// assert_eq!(rt.block_on(async { 2 }), 2);
    /// ```
    #[track_caller]
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        if tokio_executor::enter::is_entered() {
            std::panic::panic_any(errors::NESTED_RUNTIME);
        }
        let _guard = context::enter(&self.handle);
        match &self.kind {
            Kind::CurrentThread(ct) => ct.block_on(future),
            #[cfg(feature = "rt-threaded")]
            Kind::ThreadPool(tp) => tp.block_on(future),
        }
    }

    /// Runs `f` inside the runtime's context (see [`Handle::enter`]).
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// rt.enter(|| assert!(tokio::runtime::Handle::try_current().is_ok()));
    /// ```
    pub fn enter<F, R>(&self, f: F) -> R
    where
        F: FnOnce() -> R,
    {
        self.handle.enter(f)
    }

    /// A handle to this runtime.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Shuts down, waiting at most `duration` for running blocking closures.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// rt.shutdown_timeout(Duration::from_millis(10));
    /// ```
    pub fn shutdown_timeout(mut self, duration: Duration) {
        self.shutdown(Some(duration));
    }

    /// Shuts down without waiting for running blocking closures.
    ///
    /// ```
    /// let rt = tokio::runtime::Runtime::new().unwrap();
    /// rt.shutdown_background();
    /// ```
    pub fn shutdown_background(self) {
        self.shutdown_timeout(Duration::ZERO);
    }

    fn shutdown(&mut self, timeout: Option<Duration>) {
        if self.is_shutdown {
            return;
        }
        self.is_shutdown = true;
        match &self.kind {
            Kind::CurrentThread(ct) => ct.shutdown(),
            #[cfg(feature = "rt-threaded")]
            Kind::ThreadPool(tp) => tp.shutdown(),
        }
        self.blocking_pool.shutdown(timeout);
    }
}

#[cfg(feature = "rt-threaded")]
fn default_scheduler(b: &mut super::Builder) {
    b.threaded_scheduler();
}

#[cfg(all(feature = "rt-core", not(feature = "rt-threaded")))]
fn default_scheduler(b: &mut super::Builder) {
    b.basic_scheduler();
}

#[cfg(not(feature = "rt-core"))]
fn default_scheduler(_b: &mut super::Builder) {}

impl Drop for Runtime {
    fn drop(&mut self) {
        if self.is_shutdown {
            return;
        }
        if tokio_executor::enter::is_entered() && !std::thread::panicking() {
            std::panic::panic_any(errors::DROP_IN_ASYNC);
        }
        self.shutdown(None);
    }
}

impl fmt::Debug for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Runtime")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}
