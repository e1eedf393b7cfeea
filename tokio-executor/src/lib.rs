//! Tasks, schedulers and the blocking pool of the runtime.
//!
//! This crate knows nothing about I/O or time. It owns:
//! - the task (one heap allocation per task, raw-vtable wakers, `JoinHandle`, `JoinError`),
//! - the multi-thread work-stealing scheduler and the current-thread scheduler,
//! - the blocking pool (`spawn_blocking`, `block_in_place`),
//! - the "entered a runtime" guard and the thread-local spawn context behind `tokio::spawn`,
//! - the [`park::Park`] / [`park::Unpark`] traits, the only seam through which a driver
//!   (reactor, timer) plugs into a scheduler.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

pub(crate) mod loom;
pub mod park;

pub mod blocking;
pub mod context;
pub mod coop;
pub mod current_thread;
pub mod enter;
pub mod errors;
pub mod local;
pub mod task;
pub mod thread_pool;
mod util;

pub use context::{spawn, Spawner};
