//! A mock task for polling futures and streams by hand in tests.
//!
//! [`spawn`] wraps a future or stream in a [`Spawn`], which polls it with a waker whose
//! wake-ups and clones the test can observe ([`Spawn::is_woken`],
//! [`Spawn::waker_ref_count`]). Nothing is run in the background and no runtime is
//! entered: each `poll` runs the future exactly once on the calling thread.
//!
//! ```
//! use tokio_test::{assert_pending, assert_ready_eq, task};
//! use tokio::sync::oneshot;
//!
//! let (tx, rx) = oneshot::channel();
//! let mut rx = task::spawn(rx);
//! assert_pending!(rx.poll());
//! assert!(!rx.is_woken());
//! tx.send(5).unwrap();
//! assert!(rx.is_woken());
//! assert_ready_eq!(rx.poll(), Ok(5));
//! ```

mod mock_waker;
mod spawn;

pub use spawn::{spawn, Spawn};
