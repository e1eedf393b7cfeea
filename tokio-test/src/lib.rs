//! Tools for testing code written against the tokio 0.2 API.
//!
//! - [`block_on`]: run a future to completion on a fresh single-threaded runtime;
//! - [`task::spawn`]: poll a future or stream by hand with an observable mock waker;
//! - [`io::Builder`]: a scripted `AsyncRead + AsyncWrite` mock;
//! - assertion macros for `Poll` and `Result` values ([`assert_ready!`],
//!   [`assert_pending!`], [`assert_ready_ok!`], [`assert_ready_err!`],
//!   [`assert_ready_eq!`], [`assert_ok!`], [`assert_err!`]) and [`assert_elapsed!`];
//! - [`clock`]: pause, advance and resume tokio's clock.
//!
//! ```
//! use tokio_test::{assert_pending, assert_ready_eq, task};
//!
//! let mut s = task::spawn(tokio::stream::pending::<()>());
//! assert_pending!(s.poll_next());
//! let mut f = task::spawn(async { 1 });
//! assert_ready_eq!(f.poll(), 1);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod block_on;
mod errors;
mod loom;
mod macros;

pub mod clock;
pub mod io;
pub mod task;

pub use block_on::block_on;

#[doc(hidden)]
pub mod __private;
