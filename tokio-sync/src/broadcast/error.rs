//! Broadcast error types (they live in `broadcast::` directly, as in tokio 0.2).

use std::fmt;

/// Error returned by `Sender::send`: there are no receivers. The value is given back.
#[derive(Debug)]
pub struct SendError<T>(pub T);

/// Error returned by `Receiver::recv`.
#[derive(Debug, PartialEq, Clone)]
pub enum RecvError {
    /// Every sender is gone and every value was received.
    Closed,
    /// The receiver fell behind and missed this many values; the next `recv` returns the
    /// oldest value still buffered.
    Lagged(u64),
}

/// Error returned by `Receiver::try_recv`.
#[derive(Debug, PartialEq, Clone)]
pub enum TryRecvError {
    /// Nothing new right now.
    Empty,
    /// Every sender is gone and every value was received.
    Closed,
    /// The receiver fell behind and missed this many values.
    Lagged(u64),
}

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecvError::Closed => write!(f, "channel closed"),
            RecvError::Lagged(n) => write!(f, "channel lagged by {}", n),
        }
    }
}

impl std::error::Error for RecvError {}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TryRecvError::Empty => write!(f, "channel empty"),
            TryRecvError::Closed => write!(f, "channel closed"),
            TryRecvError::Lagged(n) => write!(f, "channel lagged by {}", n),
        }
    }
}

impl std::error::Error for TryRecvError {}
