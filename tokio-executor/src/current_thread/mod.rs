//! The current-thread scheduler: every task runs on the thread inside `block_on`.
//!
//! Queues: a local `VecDeque` (only the driving thread touches it, through the
//! thread-local context) and a mutex-protected remote queue for wakes and spawns from
//! other threads, each followed by an unpark of the driver.
//!
//! `block_on`, per iteration:
//! 1. poll the main future if it was woken;
//! 2. run up to `MAX_TASKS_PER_TICK` (61) ready tasks (every `REMOTE_INTERVAL` ticks the
//!    remote queue goes first, so remote work cannot starve);
//! 3. with nothing left, park in the driver until woken; after a full batch, poll the
//!    driver without blocking instead.
//!
//! Parking without lost wake-ups, yet without an unpark per remote push:
//! 1. the driving thread stores `parked = true` (SeqCst), then re-checks `woken` and the
//!    remote queue (under its lock); if either has work it clears `parked` and runs;
//! 2. a remote push (under the same lock) or a main-future wake is followed by
//!    `parked.swap(false)`; only the swapper that saw `true` unparks the driver.
//!
//! Either the re-check in 1 sees the push, or the push's swap sees `parked`: the lock and
//! the SeqCst accesses order them (store/load on both sides).
//!
//! Several threads may be in `block_on` at once; the one holding the core (the local
//! queue and the driver) drives, the others wait and take over when it leaves (see
//! `handoff` for the protocol).
//!
//! Shutdown: close the owned-task list (drops every unfinished future), drain both
//! queues, shut the driver down.

mod handoff;
mod scheduler;

#[cfg(all(test, loom))]
mod tests;

pub use self::scheduler::{CurrentThread, Spawner};

pub(crate) use self::scheduler::is_current;
