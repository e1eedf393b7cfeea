//! [`ThreadPool`]: creating, launching and stopping the workers.

use super::{park, worker, Spawner};
use crate::blocking;
use crate::loom::sync::Arc;
use crate::park::Park;
use crate::task::JoinHandle;
use crate::util::driver;
use std::fmt;
use std::future::Future;

/// A work-stealing scheduler running on `n` worker threads of a blocking pool.
///
/// ```
/// use tokio_executor::blocking::BlockingPool;
/// use tokio_executor::park::ParkThread;
/// use tokio_executor::thread_pool::ThreadPool;
///
/// let pool = BlockingPool::builder().build();
/// let rt = ThreadPool::new(2, ParkThread::new(), pool.spawner());
/// let handle = rt.spawn(async { 1 + 1 });
/// assert_eq!(rt.block_on(handle).unwrap(), 2);
/// rt.shutdown();
/// ```
pub struct ThreadPool {
    spawner: Spawner,
}

/// The not-yet-started workers of a [`ThreadPool`] (see [`ThreadPool::build`]).
/// Dropping it without launching stops the pool.
pub struct Launch {
    workers: Vec<worker::Worker>,
    blocking: blocking::Spawner,
}

impl Launch {
    /// Starts every worker on its own blocking-pool thread.
    pub fn launch(self) {
        for worker in self.workers {
            drop(self.blocking.spawn_blocking(move || worker.run()));
        }
    }
}

impl fmt::Debug for Launch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Launch").finish_non_exhaustive()
    }
}

impl ThreadPool {
    /// Starts `num_workers` workers on `blocking`'s threads, sharing `driver`.
    pub fn new<P>(num_workers: usize, driver: P, blocking: &blocking::Spawner) -> ThreadPool
    where
        P: Park + Send + 'static,
    {
        let (pool, launch) = ThreadPool::build(num_workers, driver, blocking);
        launch.launch();
        pool
    }

    /// Like [`new`](Self::new), but the workers start only when [`Launch::launch`] is
    /// called, so the embedder can finish setting up thread contexts first.
    pub fn build<P>(
        num_workers: usize,
        driver: P,
        blocking: &blocking::Spawner,
    ) -> (ThreadPool, Launch)
    where
        P: Park + Send + 'static,
    {
        let (driver, unpark) = driver::boxed(driver);
        let driver = Arc::new(park::SharedDriver::new(driver, unpark));
        let (shared, workers) = worker::create(num_workers, driver, blocking.clone());
        let launch = Launch {
            workers,
            blocking: blocking.clone(),
        };
        (
            ThreadPool {
                spawner: Spawner { shared },
            },
            launch,
        )
    }

    /// The spawner of this pool.
    pub fn spawner(&self) -> &Spawner {
        &self.spawner
    }

    /// Spawns `future` onto the pool.
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.spawner.spawn(future)
    }

    /// Blocks the current thread on `future` (the workers run spawned tasks meanwhile).
    ///
    /// # Panics
    ///
    /// Panics when the thread already drives a runtime.
    #[track_caller]
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        let _enter = crate::enter::enter();
        let _spawner =
            crate::context::set_spawner(crate::context::Spawner::ThreadPool(self.spawner.clone()));
        crate::util::block_on::block_on(future)
    }

    /// Signals the workers to stop. The last worker to stop drops every unfinished task
    /// and shuts the driver down; wait for that by shutting down the blocking pool.
    pub fn shutdown(&self) {
        self.spawner.shared.shutdown();
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.shutdown();
    }
}

impl fmt::Debug for ThreadPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadPool").finish_non_exhaustive()
    }
}
