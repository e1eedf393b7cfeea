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
//! Several threads may be in `block_on` at once (the runtime shared through an `Arc`).
//! The one holding the core (the local queue and the driver) drives; the others poll
//! only their own future when it is woken, and sleep on a private parker otherwise. They
//! are current too, with no core in their context, so their spawns and wakes take the
//! remote path. When the driving thread leaves (returns or unwinds) it hands the core to
//! one waiting thread, which drives from then on; a waiting thread whose own future
//! completes returns without the core, passing its turn on if it had been handed one.
//! See `handoff` for the protocol.
//!
//! Shutdown: close the owned-task list (drops every unfinished future), drain both
//! queues, shut the driver down.

mod handoff;
mod scheduler;

#[cfg(all(test, loom))]
mod tests;

pub use self::scheduler::{CurrentThread, Spawner};

pub(crate) use self::scheduler::is_current;
