//! Runtime-independent channels and async locks: tokio 0.2's `tokio::sync`.
//!
//! Everything here works under any executor (the runtime of this workspace,
//! `tokio_test::block_on`, `futures::executor::block_on`, ...): waiting is expressed with
//! `Waker`s only.
//!
//! - Message passing: [`mpsc`] (bounded with back-pressure, and unbounded), [`oneshot`],
//!   [`watch`] (latest value), [`broadcast`] (every receiver sees every value).
//! - State: [`Mutex`], [`RwLock`], [`Semaphore`], [`Notify`], [`Barrier`].
//!
//! The locks, the semaphore and the bounded channel share one fair (FIFO) semaphore whose
//! waiters are nodes embedded in the waiting futures, so waiting allocates nothing and a
//! dropped future leaves the queue without losing a permit.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

#[macro_use]
mod macros;

mod errors;
mod loom;
mod util;

mod atomic_waker;
mod barrier;
mod mutex;
mod notify;
mod rwlock;
mod semaphore;

pub mod broadcast;
pub mod mpsc;
pub mod oneshot;
pub mod watch;

pub use barrier::{Barrier, BarrierWaitResult};
pub use mutex::{Mutex, MutexGuard, OwnedMutexGuard, TryLockError};
pub use notify::Notify;
pub use rwlock::{RwLock, RwLockReadGuard, RwLockWriteGuard};
pub use semaphore::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};
