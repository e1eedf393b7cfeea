//! The reactor driver and the socket types of the runtime.
//!
//! Every I/O resource binds **eagerly** to the reactor of the runtime it is created in,
//! through the thread-local current reactor that the runtime sets on each of its threads.
//! See [`driver`] for the contract.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

mod addr;
pub mod driver;
mod errors;
pub(crate) mod loom;
#[cfg(not(loom))]
pub mod signal;
mod sys;
pub mod tcp;
pub mod udp;
#[cfg(unix)]
pub mod unix;

pub use addr::{lookup_host, sealed, ToSocketAddrs};
