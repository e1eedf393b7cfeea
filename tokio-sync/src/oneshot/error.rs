//! Oneshot error types.

use std::fmt;

/// Error returned by the `Receiver` future: the `Sender` was dropped without sending.
#[derive(Debug, Eq, PartialEq)]
pub struct RecvError(pub(super) ());

/// Error returned by `Receiver::try_recv`.
#[derive(Debug, Eq, PartialEq)]
pub enum TryRecvError {
    /// No value yet; the sender is still alive.
    Empty,
    /// The sender is gone without sending, or the value was already taken.
    Closed,
}

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "channel closed")
    }
}

impl std::error::Error for RecvError {}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TryRecvError::Empty => write!(f, "channel empty"),
            TryRecvError::Closed => write!(f, "channel closed"),
        }
    }
}

impl std::error::Error for TryRecvError {}
