//! The blocking pool: threads for closures that block (`spawn_blocking`), and the
//! hand-off that lets a worker block in place (`block_in_place`).
//!
//! - `pool`: the threads, their queue, keep-alive and shutdown.
//! - `task`: the future wrapper that runs a closure once, and its no-op scheduler.
//!
//! Runtime worker threads are themselves blocking-pool threads, so every thread of a
//! runtime gets the pool's thread name, start/stop callbacks and context wrapper.

mod entry;
mod pool;
mod task;

#[cfg(all(test, loom))]
mod tests;

pub use self::entry::{block_in_place, spawn_blocking};
pub use self::pool::{BlockingPool, Builder, Spawner, ThreadWrapper};
