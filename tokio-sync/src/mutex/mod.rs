//! An asynchronous, FIFO-fair mutual-exclusion lock built on the batch semaphore with a
//! single permit.

mod lock;
pub use lock::{Mutex, MutexGuard, OwnedMutexGuard, TryLockError};

#[cfg(all(test, loom))]
mod tests;
