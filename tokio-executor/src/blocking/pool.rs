//! The pool's threads and queue.
//!
//! State under one mutex: the queue of tasks, the number of threads (`num_th`), how many
//! of them wait for work (`num_idle`), how many wake-ups were handed out and not yet
//! consumed (`num_notify`), and the shutdown flag.
//!
//! Spawning:
//! 1. push the task;
//! 2. if a thread is idle, hand it a wake-up (`num_idle -= 1`, `num_notify += 1`,
//!    `notify_one`): the counter makes a wake-up that races a keep-alive timeout count;
//! 3. else, below the cap, start a thread; at the cap the task waits in the queue.
//!
//! A thread runs queued tasks until the queue is empty, then waits up to the keep-alive
//! (10 s) for a wake-up; on timeout it exits.
//!
//! Shutdown: set the flag and wake every thread; tasks still queued are cancelled (their
//! handles report cancellation); then wait (bounded by the timeout, if any) for running
//! closures to return and threads to exit.

use super::task::{BlockingTask, NoopSchedule};
use crate::loom::sync::{Arc, Condvar, Mutex};
use crate::loom::thread;
use crate::task::{self, JoinHandle, Notified};
use std::collections::VecDeque;
use std::fmt;
use std::time::{Duration, Instant};

type Callback = std::sync::Arc<dyn Fn() + Send + Sync>;

/// Runs a pool thread's whole body (passed as the closure) inside contexts the
/// embedder sets up: the facade sets the runtime's thread-locals this way.
pub type ThreadWrapper = std::sync::Arc<dyn Fn(&mut dyn FnMut()) + Send + Sync>;

/// Configures a [`BlockingPool`].
pub struct Builder {
    thread_name: String,
    stack_size: Option<usize>,
    after_start: Option<Callback>,
    before_stop: Option<Callback>,
    thread_cap: usize,
    keep_alive: Duration,
}

/// Owns the pool: shuts it down (waiting for running closures) when dropped.
pub struct BlockingPool {
    spawner: Spawner,
}

/// Submits work to a [`BlockingPool`]; cheap to clone.
#[derive(Clone)]
pub struct Spawner {
    inner: Arc<Inner>,
}

struct Inner {
    shared: Mutex<Shared>,
    /// Idle threads wait here for work.
    condvar: Condvar,
    /// Shutdown waits here for threads to exit.
    exited: Condvar,
    thread_name: String,
    stack_size: Option<usize>,
    after_start: Option<Callback>,
    before_stop: Option<Callback>,
    wrapper: Mutex<Option<ThreadWrapper>>,
    thread_cap: usize,
    keep_alive: Duration,
}

struct Shared {
    queue: VecDeque<Notified<NoopSchedule>>,
    num_th: usize,
    num_idle: usize,
    num_notify: usize,
    shutdown: bool,
}

impl Builder {
    /// Name of the pool's threads.
    pub fn thread_name(mut self, name: impl Into<String>) -> Self {
        self.thread_name = name.into();
        self
    }

    /// Stack size of the pool's threads.
    pub fn stack_size(mut self, size: usize) -> Self {
        self.stack_size = Some(size);
        self
    }

    /// Runs on each new thread before it takes work.
    pub fn after_start(mut self, f: std::sync::Arc<dyn Fn() + Send + Sync>) -> Self {
        self.after_start = Some(f);
        self
    }

    /// Runs on each thread before it exits.
    pub fn before_stop(mut self, f: std::sync::Arc<dyn Fn() + Send + Sync>) -> Self {
        self.before_stop = Some(f);
        self
    }

    /// Maximum number of threads (at least 1).
    pub fn thread_cap(mut self, cap: usize) -> Self {
        self.thread_cap = cap.max(1);
        self
    }

    /// How long an idle thread waits for work before exiting.
    pub fn keep_alive(mut self, d: Duration) -> Self {
        self.keep_alive = d;
        self
    }

    /// Creates the pool (no thread starts before the first task).
    pub fn build(self) -> BlockingPool {
        BlockingPool {
            spawner: Spawner {
                inner: Arc::new(Inner {
                    shared: Mutex::new(Shared {
                        queue: VecDeque::new(),
                        num_th: 0,
                        num_idle: 0,
                        num_notify: 0,
                        shutdown: false,
                    }),
                    condvar: Condvar::new(),
                    exited: Condvar::new(),
                    thread_name: self.thread_name,
                    stack_size: self.stack_size,
                    after_start: self.after_start,
                    before_stop: self.before_stop,
                    wrapper: Mutex::new(None),
                    thread_cap: self.thread_cap,
                    keep_alive: self.keep_alive,
                }),
            },
        }
    }
}

impl fmt::Debug for Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("thread_name", &self.thread_name)
            .field("thread_cap", &self.thread_cap)
            .finish_non_exhaustive()
    }
}

impl BlockingPool {
    /// A builder with the defaults: 512 threads, 10 s keep-alive, threads named
    /// "tokio-runtime-worker".
    pub fn builder() -> Builder {
        Builder {
            thread_name: "tokio-runtime-worker".to_string(),
            stack_size: None,
            after_start: None,
            before_stop: None,
            thread_cap: 512,
            keep_alive: Duration::from_secs(10),
        }
    }

    /// The handle that submits work.
    pub fn spawner(&self) -> &Spawner {
        &self.spawner
    }

    /// Shuts down: queued tasks are cancelled, and running ones are waited for, at most
    /// `timeout` when given.
    pub fn shutdown(&mut self, timeout: Option<Duration>) {
        self.spawner.shutdown(timeout);
    }
}

impl Drop for BlockingPool {
    fn drop(&mut self) {
        self.spawner.shutdown(None);
    }
}

impl fmt::Debug for BlockingPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockingPool").finish_non_exhaustive()
    }
}

impl fmt::Debug for Spawner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::Spawner").finish_non_exhaustive()
    }
}

impl Spawner {
    /// Runs `f` on a pool thread; the handle resolves to its return value (or a
    /// cancelled error if the pool shut down before `f` started).
    pub fn spawn_blocking<F, R>(&self, f: F) -> JoinHandle<R>
    where
        F: FnOnce() -> R + Send + 'static,
        R: Send + 'static,
    {
        let (notified, handle) = task::unowned(BlockingTask::new(f), NoopSchedule);
        self.spawn_task(notified);
        handle
    }

    /// Sets the wrapper each new pool thread runs its body in.
    pub fn set_thread_wrapper(&self, wrapper: ThreadWrapper) {
        *self.inner.wrapper.lock().unwrap() = Some(wrapper);
    }

    /// Whether both handles submit to the same pool.
    pub fn ptr_eq(&self, other: &Spawner) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    fn spawn_task(&self, task: Notified<NoopSchedule>) {
        let mut shared = self.inner.shared.lock().unwrap();
        if shared.shutdown {
            drop(shared);
            task.shutdown();
            return;
        }
        shared.queue.push_back(task);
        if shared.num_idle > 0 {
            shared.num_idle -= 1;
            shared.num_notify += 1;
            self.inner.condvar.notify_one();
        } else if shared.num_th < self.inner.thread_cap {
            shared.num_th += 1;
            drop(shared);
            if let Err(e) = self.start_thread() {
                // The task stays queued; a live thread (if any) will take it.
                log::error!("failed to spawn a blocking-pool thread: {e}");
                self.inner.shared.lock().unwrap().num_th -= 1;
            }
        }
    }

    fn start_thread(&self) -> std::io::Result<()> {
        let mut builder = thread::Builder::new().name(self.inner.thread_name.clone());
        if let Some(size) = self.inner.stack_size {
            builder = builder.stack_size(size);
        }
        let inner = self.inner.clone();
        let wrapper = self.inner.wrapper.lock().unwrap().clone();
        builder.spawn(move || {
            let mut body = Some(|| inner.run());
            let mut call = || {
                if let Some(body) = body.take() {
                    body();
                }
            };
            match wrapper {
                Some(w) => w(&mut call),
                None => call(),
            }
        })?;
        Ok(())
    }

    pub(crate) fn shutdown(&self, timeout: Option<Duration>) {
        let queued: Vec<_> = {
            let mut shared = self.inner.shared.lock().unwrap();
            if shared.shutdown {
                // Only the first shutdown waits (a later `Drop` must not wait again).
                return;
            }
            shared.shutdown = true;
            self.inner.condvar.notify_all();
            shared.queue.drain(..).collect()
        };
        for task in queued {
            task.shutdown();
        }
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut shared = self.inner.shared.lock().unwrap();
        while shared.num_th > 0 {
            match deadline {
                None => shared = self.inner.exited.wait(shared).unwrap(),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        break;
                    }
                    shared = self.inner.exited.wait_timeout(shared, d - now).unwrap().0;
                }
            }
        }
        drop(shared);
        // Breaks the cycle pool -> wrapper -> (embedder's handle) -> pool.
        let wrapper = self.inner.wrapper.lock().unwrap().take();
        drop(wrapper);
    }
}

impl Inner {
    fn run(&self) {
        if let Some(f) = &self.after_start {
            f();
        }
        let mut shared = self.shared.lock().unwrap();
        'main: loop {
            while let Some(task) = shared.queue.pop_front() {
                drop(shared);
                task.run();
                shared = self.shared.lock().unwrap();
            }
            if shared.shutdown {
                break;
            }
            shared.num_idle += 1;
            loop {
                let (guard, res) = self.condvar.wait_timeout(shared, self.keep_alive).unwrap();
                shared = guard;
                if shared.num_notify > 0 {
                    shared.num_notify -= 1;
                    continue 'main;
                }
                if shared.shutdown || res.timed_out() {
                    // Still counted idle: nobody handed us a wake-up.
                    shared.num_idle -= 1;
                    break 'main;
                }
            }
        }
        // Cancel what a shutdown left queued (a task may have raced it in).
        let rest: Vec<_> = if shared.shutdown {
            shared.queue.drain(..).collect()
        } else {
            Vec::new()
        };
        drop(shared);
        for task in rest {
            task.shutdown();
        }
        if let Some(f) = &self.before_stop {
            f();
        }
        let mut shared = self.shared.lock().unwrap();
        shared.num_th -= 1;
        if shared.num_th == 0 {
            self.exited.notify_all();
        }
    }
}
