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
//!
//! # Auto traits
//!
//! Every handle, guard and future is `Send` (and the shared ones `Sync`) when the value
//! type allows it; `tests/sync_auto_traits.rs` asserts the positive cases. The negative
//! ones are pinned here:
//!
//! A bounded receiver cannot be cloned (single consumer):
//! ```compile_fail
//! let (_tx, rx) = tokio_sync::mpsc::channel::<()>(1);
//! let _rx2 = rx.clone();
//! ```
//! A watch sender cannot be cloned (single producer):
//! ```compile_fail
//! let (tx, _rx) = tokio_sync::watch::channel(());
//! let _tx2 = tx.clone();
//! ```
//! A broadcast receiver cannot be cloned (use `Sender::subscribe`):
//! ```compile_fail
//! let (_tx, rx) = tokio_sync::broadcast::channel::<()>(1);
//! let _rx2 = rx.clone();
//! ```
//! A mutex of a non-`Send` value is not `Sync`:
//! ```compile_fail
//! fn sync<T: Sync>(_: T) {}
//! sync(tokio_sync::Mutex::new(std::rc::Rc::new(())));
//! ```
//! A channel of non-`Send` values is not `Send`:
//! ```compile_fail
//! fn send<T: Send>(_: T) {}
//! let (tx, _rx) = tokio_sync::mpsc::unbounded_channel::<std::rc::Rc<()>>();
//! send(tx);
//! ```
//! A oneshot channel's `Sender` is consumed by `send`:
//! ```compile_fail
//! let (tx, _rx) = tokio_sync::oneshot::channel();
//! tx.send(1).unwrap();
//! tx.send(2).unwrap();
//! ```
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
