//! A single-producer, multi-consumer channel that keeps only the latest value.
//!
//! Receivers see the most recent value: `recv` returns it once per change (and the
//! initial value on the first call), `borrow` peeks at it.

mod channel;
pub mod error;

pub use channel::{channel, Receiver, Ref, Sender};

#[cfg(all(test, loom))]
mod tests;
