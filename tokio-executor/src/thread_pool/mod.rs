//! The multi-thread work-stealing scheduler.
//!
//! - `worker`: the run loop, scheduling (LIFO slot / local queue / injector), hand-off
//!   for `block_in_place`, and shutdown;
//! - `queue`: local queues, stealers and the injector (crossbeam-deque, or a loom
//!   stand-in);
//! - `idle`: who sleeps and who searches (at most half the workers search);
//! - `park`: how a worker sleeps (in the shared driver, or on its condvar).

//! - `pool` / `spawner`: the public handles.

pub(crate) mod idle;
pub(crate) mod park;
mod pool;
pub(crate) mod queue;
mod spawner;
pub(crate) mod worker;

#[cfg(all(test, loom))]
mod tests;

pub use self::pool::{Launch, ThreadPool};
pub use self::spawner::Spawner;
