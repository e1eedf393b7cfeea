//! Counting semaphore: the internal batch semaphore (`batch`) and the public `Semaphore`
//! with its permit guards (`public`).

pub(crate) mod batch;
mod public;

pub use public::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};

#[cfg(all(test, loom))]
mod tests;
