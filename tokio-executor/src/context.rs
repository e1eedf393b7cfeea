//! The thread-local spawn context behind `tokio::spawn` and `spawn_blocking`.
//!
//! Every thread that runs runtime code carries the runtime's [`Spawner`] and its
//! blocking-pool handle. Setting either returns a guard that restores the previous
//! value when dropped (never just clears it), so nested runtimes and `enter` compose.

use crate::blocking;
use crate::current_thread;
use crate::errors;
use crate::task::JoinHandle;
use crate::thread_pool;
use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;

thread_local! {
    static SPAWNER: RefCell<Option<Spawner>> = const { RefCell::new(None) };
    static BLOCKING: RefCell<Option<blocking::Spawner>> = const { RefCell::new(None) };
}

/// Where `tokio::spawn` sends new tasks: the scheduler of the current runtime.
#[derive(Clone)]
pub enum Spawner {
    /// A runtime built without a scheduler: spawning panics.
    Shell,
    /// The current-thread scheduler.
    CurrentThread(current_thread::Spawner),
    /// The multi-thread work-stealing scheduler.
    ThreadPool(thread_pool::Spawner),
}

impl Spawner {
    /// Spawns `future` on this scheduler.
    ///
    /// # Panics
    ///
    /// Panics on [`Spawner::Shell`] with "spawning not enabled for runtime".
    #[track_caller]
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        match self {
            Spawner::Shell => std::panic::panic_any(errors::SPAWN_DISABLED),
            Spawner::CurrentThread(s) => s.spawn(future),
            Spawner::ThreadPool(s) => s.spawn(future),
        }
    }

    /// True for the scheduler-less runtime.
    pub fn is_shell(&self) -> bool {
        matches!(self, Spawner::Shell)
    }
}

impl fmt::Debug for Spawner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Spawner::Shell => f.write_str("Shell"),
            Spawner::CurrentThread(_) => f.write_str("CurrentThread"),
            Spawner::ThreadPool(_) => f.write_str("ThreadPool"),
        }
    }
}

/// Restores the previous current spawner when dropped.
#[derive(Debug)]
pub struct SpawnerGuard {
    prev: Option<Spawner>,
    _not_send: PhantomData<*const ()>,
}

/// Restores the previous current blocking pool when dropped.
#[derive(Debug)]
pub struct BlockingGuard {
    prev: Option<blocking::Spawner>,
    _not_send: PhantomData<*const ()>,
}

/// Makes `spawner` the current spawner of this thread until the guard drops.
pub fn set_spawner(spawner: Spawner) -> SpawnerGuard {
    // During thread teardown the slot may be gone: then nothing is set or restored.
    let prev = SPAWNER
        .try_with(|s| s.borrow_mut().replace(spawner))
        .ok()
        .flatten();
    SpawnerGuard {
        prev,
        _not_send: PhantomData,
    }
}

/// Makes `pool` the current blocking pool of this thread until the guard drops.
pub fn set_blocking(pool: blocking::Spawner) -> BlockingGuard {
    let prev = BLOCKING
        .try_with(|s| s.borrow_mut().replace(pool))
        .ok()
        .flatten();
    BlockingGuard {
        prev,
        _not_send: PhantomData,
    }
}

impl Drop for SpawnerGuard {
    fn drop(&mut self) {
        let prev = self.prev.take();
        // The replaced value is dropped outside the borrow.
        let _old = SPAWNER.try_with(|s| std::mem::replace(&mut *s.borrow_mut(), prev));
    }
}

impl Drop for BlockingGuard {
    fn drop(&mut self) {
        let prev = self.prev.take();
        let _old = BLOCKING.try_with(|s| std::mem::replace(&mut *s.borrow_mut(), prev));
    }
}

/// The current thread's spawner, if it runs runtime code.
pub fn current_spawner() -> Option<Spawner> {
    SPAWNER.try_with(|s| s.borrow().clone()).ok().flatten()
}

/// The current thread's blocking pool, if it runs runtime code.
pub fn current_blocking() -> Option<blocking::Spawner> {
    BLOCKING.try_with(|s| s.borrow().clone()).ok().flatten()
}

/// Spawns `future` on the current runtime (what `tokio::spawn` does).
///
/// # Panics
///
/// Panics when called outside a runtime, or on a runtime without a scheduler.
///
/// ```
/// let rt = tokio_executor::current_thread::CurrentThread::new(
///     tokio_executor::park::ParkThread::new());
/// let out = rt.block_on(async { tokio_executor::spawn(async { 7 }).await.unwrap() });
/// assert_eq!(out, 7);
/// ```
#[track_caller]
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let res = SPAWNER.with(|s| match s.borrow().as_ref() {
        Some(Spawner::CurrentThread(s)) => Ok(s.spawn(future)),
        Some(Spawner::ThreadPool(s)) => Ok(s.spawn(future)),
        Some(Spawner::Shell) => Err(errors::SPAWN_DISABLED),
        None => Err(errors::NO_SPAWN_CONTEXT),
    });
    match res {
        Ok(handle) => handle,
        Err(msg) => std::panic::panic_any(msg),
    }
}
