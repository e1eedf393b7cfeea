//! A multi-producer, multi-consumer broadcast queue: every receiver sees every value sent
//! after it subscribed, unless it falls more than `capacity` values behind, in which case
//! it is told how many it missed (`Lagged`) and continues from the oldest value still
//! buffered.

mod channel;
mod error;

pub use channel::{channel, Receiver, Sender};
pub use error::{RecvError, SendError, TryRecvError};

#[cfg(all(test, loom))]
mod tests;
