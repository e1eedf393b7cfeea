//! A channel for sending a single value between asynchronous tasks.

mod channel;
pub mod error;

pub use channel::{channel, Receiver, Sender};

#[cfg(all(test, loom))]
mod tests;
