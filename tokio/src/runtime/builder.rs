//! [`Builder`]: configures and creates a [`Runtime`].

use super::driver;
use super::rt::{Kind, Runtime};
use super::Handle;
use std::fmt;
use std::io;
use std::sync::Arc;
use tokio_executor::blocking::BlockingPool;
use tokio_executor::current_thread::CurrentThread;
use tokio_executor::errors;

type Callback = Arc<dyn Fn() + Send + Sync>;

/// Builds a [`Runtime`] with custom settings.
///
/// `Builder::new()` selects no scheduler: the runtime it builds can `block_on` (and drive
/// I/O and timers when enabled) but cannot spawn. Pick `basic_scheduler()` or
/// `threaded_scheduler()` to spawn tasks.
///
/// ```
/// use tokio::runtime::Builder;
///
/// let rt = Builder::new()
///     .threaded_scheduler()
///     .core_threads(2)
///     .thread_name("my-worker")
///     .enable_all()
///     .build()
///     .unwrap();
/// assert_eq!(rt.block_on(async { tokio::spawn(async { 1 }).await.unwrap() }), 1);
/// ```
pub struct Builder {
    kind: BuilderKind,
    enable_io: bool,
    enable_time: bool,
    core_threads: Option<usize>,
    max_threads: usize,
    thread_name: String,
    thread_stack_size: Option<usize>,
    after_start: Option<Callback>,
    before_stop: Option<Callback>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BuilderKind {
    Shell,
    #[cfg_attr(not(feature = "rt-core"), allow(dead_code))]
    Basic,
    #[cfg_attr(not(feature = "rt-threaded"), allow(dead_code))]
    ThreadPool,
}

impl Builder {
    /// A builder with the defaults: no scheduler, I/O and time off, `max_threads` 512,
    /// threads named "tokio-runtime-worker".
    pub fn new() -> Builder {
        Builder {
            kind: BuilderKind::Shell,
            enable_io: false,
            enable_time: false,
            core_threads: None,
            max_threads: 512,
            thread_name: "tokio-runtime-worker".into(),
            thread_stack_size: None,
            after_start: None,
            before_stop: None,
        }
    }

    /// Enables every driver compiled in (I/O with `io-driver`, time with `time`).
    pub fn enable_all(&mut self) -> &mut Self {
        self.enable_io = cfg!(feature = "io-driver");
        self.enable_time = cfg!(feature = "time");
        self
    }

    cfg_io_driver! {
        /// Enables the I/O driver (the reactor).
        pub fn enable_io(&mut self) -> &mut Self {
            self.enable_io = true;
            self
        }
    }

    cfg_time! {
        /// Enables the time driver (the timer).
        pub fn enable_time(&mut self) -> &mut Self {
            self.enable_time = true;
            self
        }
    }

    cfg_rt_core! {
        /// Uses the current-thread scheduler: tasks run on the thread in `block_on`.
        pub fn basic_scheduler(&mut self) -> &mut Self {
            self.kind = BuilderKind::Basic;
            self
        }
    }

    cfg_rt_threaded! {
        /// Uses the multi-thread work-stealing scheduler.
        pub fn threaded_scheduler(&mut self) -> &mut Self {
            self.kind = BuilderKind::ThreadPool;
            self
        }
    }

    /// Number of worker threads of the threaded scheduler (default: the number of CPUs,
    /// at most `max_threads`).
    ///
    /// # Panics
    ///
    /// Panics when `val` is zero.
    #[track_caller]
    pub fn core_threads(&mut self, val: usize) -> &mut Self {
        // 0.2.25's form: an `assert_ne!` (the message carries its left/right lines).
        assert_ne!(val, 0, "{}", errors::CORE_THREADS_ZERO);
        self.core_threads = Some(val);
        self
    }

    /// Sets the number of worker threads.
    #[deprecated(note = "In future will be replaced by core_threads method")]
    pub fn num_threads(&mut self, val: usize) -> &mut Self {
        self.core_threads = Some(val);
        self
    }

    /// Maximum number of threads the runtime spawns: the blocking pool's cap, which
    /// includes the threaded scheduler's workers (default 512).
    ///
    /// # Panics
    ///
    /// Panics when `val` is zero.
    #[track_caller]
    pub fn max_threads(&mut self, val: usize) -> &mut Self {
        // 0.2.25's form: an `assert_ne!` (the message carries its left/right lines).
        assert_ne!(val, 0, "{}", errors::THREAD_LIMIT_ZERO);
        self.max_threads = val;
        self
    }

    /// Name of the runtime's threads.
    pub fn thread_name(&mut self, val: impl Into<String>) -> &mut Self {
        self.thread_name = val.into();
        self
    }

    /// Stack size of the runtime's threads.
    pub fn thread_stack_size(&mut self, val: usize) -> &mut Self {
        self.thread_stack_size = Some(val);
        self
    }

    /// Runs `f` on each runtime thread (workers and blocking threads) when it starts.
    pub fn on_thread_start<F>(&mut self, f: F) -> &mut Self
    where
        F: Fn() + Send + Sync + 'static,
    {
        self.after_start = Some(Arc::new(f));
        self
    }

    /// Runs `f` on each runtime thread before it stops.
    pub fn on_thread_stop<F>(&mut self, f: F) -> &mut Self
    where
        F: Fn() + Send + Sync + 'static,
    {
        self.before_stop = Some(Arc::new(f));
        self
    }

    /// Creates the runtime. Worker threads start here.
    ///
    /// # Panics
    ///
    /// Panics (threaded scheduler) when `core_threads` exceeds `max_threads`.
    ///
    /// # Errors
    ///
    /// Fails when the I/O driver cannot be created.
    #[track_caller]
    pub fn build(&mut self) -> io::Result<Runtime> {
        let (drv, drivers) = driver::create(self.enable_io, self.enable_time)?;
        let core_threads = self.resolve_core_threads();
        let pool = self.blocking_pool();
        let blocking = pool.spawner().clone();
        let (kind, spawner) = match self.kind {
            BuilderKind::Shell => {
                let ct = CurrentThread::new_shell(drv);
                (Kind::CurrentThread(ct), tokio_executor::Spawner::Shell)
            }
            BuilderKind::Basic => {
                let ct = CurrentThread::new(drv);
                let spawner = tokio_executor::Spawner::CurrentThread(ct.spawner().clone());
                (Kind::CurrentThread(ct), spawner)
            }
            BuilderKind::ThreadPool => {
                return Ok(build_threaded(drv, drivers, pool, core_threads));
            }
        };
        let handle = Handle {
            spawner,
            blocking,
            drivers,
        };
        install_wrapper(&handle);
        Ok(Runtime::from_parts(kind, handle, pool))
    }

    #[track_caller]
    fn resolve_core_threads(&self) -> usize {
        let core = self
            .core_threads
            .unwrap_or_else(|| num_cpus::get().clamp(1, self.max_threads));
        if self.kind == BuilderKind::ThreadPool && core > self.max_threads {
            std::panic::panic_any(errors::CORE_ABOVE_MAX);
        }
        core
    }

    fn blocking_pool(&self) -> BlockingPool {
        let mut b = BlockingPool::builder()
            .thread_name(self.thread_name.clone())
            .thread_cap(self.max_threads);
        if let Some(size) = self.thread_stack_size {
            b = b.stack_size(size);
        }
        if let Some(f) = &self.after_start {
            b = b.after_start(f.clone());
        }
        if let Some(f) = &self.before_stop {
            b = b.before_stop(f.clone());
        }
        b.build()
    }
}

/// Every blocking-pool thread (workers included) runs inside the runtime's context.
fn install_wrapper(handle: &Handle) {
    let h = handle.clone();
    handle
        .blocking
        .set_thread_wrapper(Arc::new(move |body: &mut dyn FnMut()| h.enter(body)));
}

#[cfg(feature = "rt-threaded")]
fn build_threaded(
    drv: driver::Driver,
    drivers: driver::Handles,
    pool: BlockingPool,
    core_threads: usize,
) -> Runtime {
    use tokio_executor::thread_pool::ThreadPool;
    let blocking = pool.spawner().clone();
    let (tp, launch) = ThreadPool::build(core_threads, drv, &blocking);
    let handle = Handle {
        spawner: tokio_executor::Spawner::ThreadPool(tp.spawner().clone()),
        blocking,
        drivers,
    };
    // Workers start only after every pool thread is sure to run inside the context.
    install_wrapper(&handle);
    launch.launch();
    Runtime::from_parts(Kind::ThreadPool(tp), handle, pool)
}

#[cfg(not(feature = "rt-threaded"))]
fn build_threaded(
    _drv: driver::Driver,
    _drivers: driver::Handles,
    _pool: BlockingPool,
    _core_threads: usize,
) -> Runtime {
    unreachable!("threaded_scheduler requires the rt-threaded feature")
}

impl Default for Builder {
    fn default() -> Builder {
        Builder::new()
    }
}

impl fmt::Debug for Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("kind", &self.kind)
            .field("enable_io", &self.enable_io)
            .field("enable_time", &self.enable_time)
            .field("core_threads", &self.core_threads)
            .field("max_threads", &self.max_threads)
            .field("thread_name", &self.thread_name)
            .field("thread_stack_size", &self.thread_stack_size)
            .finish_non_exhaustive()
    }
}
