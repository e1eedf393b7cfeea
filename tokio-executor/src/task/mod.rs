//! Tasks: one heap allocation per spawned future, woken through raw-vtable wakers.
//!
//! - `raw`: the allocation (header with the state word, vtable and list links; the
//!   scheduler; the future or its output; the join waker) and the harness that polls,
//!   completes and cancels it. The only unsafe code of the task system besides `list`.
//! - `state`: the one atomic word and its transitions.
//! - `list`: the owned-task list each scheduler keeps, for shutdown;
//!   `worker_list`: the lock-free per-worker variant of the work-stealing pool.
//! - [`JoinHandle`], [`JoinError`], [`yield_now`]: the public face.
//!
//! Reference kinds, each counted in the state word: `Task` (the owned-list entry),
//! `Notified` (a queued run), each `Waker`, and the `JoinHandle`.

mod core;
mod error;
mod join;
mod list;
mod raw;
mod state;
mod worker_list;
mod yield_now;

#[cfg(test)]
mod tests;

pub use self::error::JoinError;
pub use self::join::JoinHandle;
pub use self::yield_now::yield_now;

pub(crate) use self::core::{unowned, Notified, Schedule, Task};
pub(crate) use self::list::OwnedTasks;
pub(crate) use self::worker_list::{WorkerList, WorkerLists};
