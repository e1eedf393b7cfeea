//! Future-aware synchronization: channels and async locks (tokio 0.2's `tokio::sync`).
//!
//! Everything here comes from the runtime-independent `tokio-sync` crate, so it also works
//! outside a Tokio runtime (e.g. under `futures::executor::block_on`).
//!
//! - Message passing: [`mpsc`], [`oneshot`], [`watch`], [`broadcast`].
//! - State: [`Mutex`], [`RwLock`], [`Semaphore`], [`Notify`], [`Barrier`].
//!
//! ```
//! use tokio::sync::{mpsc, oneshot, Mutex};
//!
//! futures::executor::block_on(async {
//!     let (mut tx, mut rx) = mpsc::channel(8);
//!     tx.send(1).await.unwrap();
//!     assert_eq!(rx.recv().await, Some(1));
//!
//!     let (otx, orx) = oneshot::channel();
//!     otx.send("done").unwrap();
//!     assert_eq!(orx.await.unwrap(), "done");
//!
//!     let m = Mutex::new(0);
//!     *m.lock().await += 1;
//!     assert_eq!(*m.lock().await, 1);
//! });
//! ```

pub use tokio_sync::Notify;
pub use tokio_sync::{broadcast, mpsc, oneshot, watch};
pub use tokio_sync::{Barrier, BarrierWaitResult};
pub use tokio_sync::{Mutex, MutexGuard, OwnedMutexGuard, TryLockError};
pub use tokio_sync::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};
pub use tokio_sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
