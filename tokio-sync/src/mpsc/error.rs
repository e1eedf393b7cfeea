//! Channel error types.

use std::error::Error;
use std::fmt;

/// Error returned by `send`: the receiver is gone; the value is given back.
#[derive(Debug)]
pub struct SendError<T>(pub T);

impl<T> fmt::Display for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "channel closed")
    }
}

impl<T: fmt::Debug> Error for SendError<T> {}

/// Error returned by `try_send`.
#[derive(Debug)]
pub enum TrySendError<T> {
    /// The channel is at capacity; the value is given back.
    Full(T),
    /// The receiver is gone; the value is given back.
    Closed(T),
}

impl<T> fmt::Display for TrySendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let descr = match self {
            TrySendError::Full(..) => "no available capacity",
            TrySendError::Closed(..) => "channel closed",
        };
        write!(f, "{}", descr)
    }
}

impl<T: fmt::Debug> Error for TrySendError<T> {}

impl<T> From<SendError<T>> for TrySendError<T> {
    fn from(src: SendError<T>) -> TrySendError<T> {
        TrySendError::Closed(src.0)
    }
}

/// Error returned by the receiver when the channel is closed (kept for API compatibility).
#[derive(Debug)]
pub struct RecvError(());

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "channel closed")
    }
}

impl Error for RecvError {}

/// Error returned by `try_recv`.
#[derive(Debug, PartialEq)]
pub enum TryRecvError {
    /// Nothing is buffered right now, but senders remain.
    Empty,
    /// Every sender is gone (or the receiver closed) and nothing is buffered.
    Closed,
}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let descr = match self {
            TryRecvError::Empty => "channel empty",
            TryRecvError::Closed => "channel closed",
        };
        write!(f, "{}", descr)
    }
}

impl Error for TryRecvError {}

/// Error returned by `Sender::poll_ready`: the receiver is gone.
#[derive(Debug)]
pub struct ClosedError(());

impl ClosedError {
    pub(crate) fn new() -> ClosedError {
        ClosedError(())
    }
}

impl fmt::Display for ClosedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "channel closed")
    }
}

impl Error for ClosedError {}

cfg_time! {
    /// Error returned by `Sender::send_timeout`; the value is given back.
    #[derive(Debug)]
    pub enum SendTimeoutError<T> {
        /// No capacity freed up before the timeout.
        Timeout(T),
        /// The receiver is gone.
        Closed(T),
    }

    impl<T> fmt::Display for SendTimeoutError<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let descr = match self {
                SendTimeoutError::Timeout(..) => "timed out waiting on send operation",
                SendTimeoutError::Closed(..) => "channel closed",
            };
            write!(f, "{}", descr)
        }
    }

    impl<T: fmt::Debug> Error for SendTimeoutError<T> {}
}
