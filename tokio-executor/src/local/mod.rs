//! [`LocalSet`]: a set of `!Send` tasks that all run on the thread driving the set.
//!
//! The set's tasks run only inside `LocalSet::run_until` / `block_on` or while the set
//! is awaited as a future, on the thread that owns the set (the set is `!Send`). Wakes
//! from that thread while the set runs go to a local queue; wakes from elsewhere go to
//! a mutex-protected remote queue and wake the task driving the set. Each poll of the
//! set runs at most `MAX_TASKS_PER_TICK` tasks, then yields to its own scheduler.
//!
//! Drop: the owned list is closed (every unfinished future dropped, on this thread),
//! then both queues are drained.

mod set;

pub use self::set::{spawn_local, LocalSet};

pub(crate) use self::set::is_current;
