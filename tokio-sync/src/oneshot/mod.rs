//! A channel for sending a single value between asynchronous tasks.
//!
//! One allocation per channel, reference-counted in its state word (`raw.rs`); the
//! protocol is in `channel.rs`.
//!
//! A channel of non-`Send` values is not `Send`:
//! ```compile_fail
//! fn send<T: Send>(_: T) {}
//! let (tx, _rx) = tokio_sync::oneshot::channel::<std::rc::Rc<()>>();
//! send(tx);
//! ```
//! nor `Sync`:
//! ```compile_fail
//! fn sync<T: Sync>(_: T) {}
//! let (_tx, rx) = tokio_sync::oneshot::channel::<std::rc::Rc<()>>();
//! sync(rx);
//! ```

mod channel;
pub mod error;
mod raw;

pub use channel::{channel, Receiver, Sender};

#[cfg(all(test, loom))]
mod tests;
