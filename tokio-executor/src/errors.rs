//! Every panic message this crate shows a user, in one place. Each names what went wrong
//! and how to fix it; the texts match tokio 0.2.25's where it had one.

/// `tokio::spawn` (and friends) called on a thread with no runtime context.
pub(crate) const NO_SPAWN_CONTEXT: &str = "must be called from the context of a Tokio 0.2.x runtime configured with either `basic_scheduler` or `threaded_scheduler`";

/// `tokio::spawn` / `Handle::spawn` on a runtime built without a scheduler.
pub(crate) const SPAWN_DISABLED: &str = "spawning not enabled for runtime";

/// `Runtime::spawn` on a runtime built without a scheduler.
pub const TASK_EXECUTION_DISABLED: &str = "task execution disabled";

/// `spawn_blocking` (and everything built on it) outside a runtime.
pub const NO_RUNTIME: &str = "not currently running on a Tokio 0.2.x runtime.";

/// A runtime started (`block_on`) on a thread that already drives one.
pub const NESTED_RUNTIME: &str = "Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks.";

/// A runtime dropped from inside asynchronous code.
pub const DROP_IN_ASYNC: &str = "Cannot drop a runtime in a context where blocking is not allowed. This happens when a runtime is dropped from within an asynchronous context.";

/// `block_in_place` on the current-thread scheduler or inside a `LocalSet`.
pub(crate) const BLOCK_IN_PLACE_NOT_THREADED: &str =
    "can call blocking only when running on the multi-threaded runtime";

/// `spawn_local` outside a `LocalSet`.
pub(crate) const SPAWN_LOCAL_OUTSIDE: &str =
    "`spawn_local` called from outside of a `task::LocalSet`";

/// A `JoinHandle` polled again after it returned `Ready`.
pub(crate) const JOIN_AFTER_COMPLETE: &str = "polling after `JoinHandle` already completed";

/// `JoinError::into_panic` on a cancellation.
pub(crate) const NOT_A_PANIC: &str = "`JoinError` reason is not a panic.";

/// `Builder::core_threads(0)`.
pub const CORE_THREADS_ZERO: &str = "Core threads cannot be zero";

/// `Builder::max_threads(0)`.
pub const THREAD_LIMIT_ZERO: &str = "Thread limit cannot be zero";

/// A threaded runtime with more core threads than its thread limit.
pub const CORE_ABOVE_MAX: &str = "Core threads number cannot be above max limit";
