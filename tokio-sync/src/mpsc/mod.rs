//! A multi-producer, single-consumer queue for sending values across asynchronous tasks.
//!
//! [`channel`] is bounded (senders wait when it is full: back-pressure); [`unbounded_channel`]
//! never makes senders wait. Values from one sender arrive in the order it sent them. When
//! every sender is gone the receiver gets what is still buffered, then `None`; when the
//! receiver is gone (or closed) sends fail and give the value back.
//!
//! Both flavours share a lock-free list of fixed-size blocks (`list`, `block`): a send or
//! receive takes no lock, and blocks the receiver is done with are recycled at the end of
//! the list, so steady traffic allocates nothing.

mod block;
mod bounded;
mod chan;
mod list;
mod unbounded;

pub mod error;

pub use bounded::{channel, Receiver, Sender};
pub use unbounded::{unbounded_channel, UnboundedReceiver, UnboundedSender};

#[cfg(all(test, loom))]
mod tests;
