//! [`JoinError`]: why a task did not return its output.

use crate::errors;
use std::any::Any;
use std::fmt;
use std::io;

/// Task failed to execute to completion: it panicked, or it was cancelled (by
/// `JoinHandle::abort` or by the runtime shutting down).
///
/// ```
/// use tokio_executor::task::JoinError;
///
/// #[allow(deprecated)]
/// let err = JoinError::cancelled();
/// assert!(err.is_cancelled());
/// assert_eq!(err.to_string(), "cancelled");
/// ```
pub struct JoinError {
    repr: Repr,
}

enum Repr {
    Cancelled,
    Panic(SyncWrapper<Box<dyn Any + Send + 'static>>),
}

/// Makes a `Send` value `Sync` by never handing out a shared reference to it.
struct SyncWrapper<T>(T);

// SAFETY: the wrapped value is only reachable by value (`into_inner`), never through
// `&SyncWrapper`, so sharing a `&SyncWrapper` across threads shares nothing.
unsafe impl<T: Send> Sync for SyncWrapper<T> {}

impl JoinError {
    /// A cancellation error.
    #[doc(hidden)]
    #[deprecated]
    pub fn cancelled() -> JoinError {
        JoinError {
            repr: Repr::Cancelled,
        }
    }

    /// A panic error carrying `err`.
    #[doc(hidden)]
    #[deprecated]
    pub fn panic(err: Box<dyn Any + Send + 'static>) -> JoinError {
        JoinError {
            repr: Repr::Panic(SyncWrapper(err)),
        }
    }

    pub(crate) fn new_cancelled() -> JoinError {
        JoinError {
            repr: Repr::Cancelled,
        }
    }

    pub(crate) fn new_panic(err: Box<dyn Any + Send + 'static>) -> JoinError {
        JoinError {
            repr: Repr::Panic(SyncWrapper(err)),
        }
    }

    /// Returns true if the task was cancelled.
    pub fn is_cancelled(&self) -> bool {
        matches!(self.repr, Repr::Cancelled)
    }

    /// Returns true if the task panicked.
    pub fn is_panic(&self) -> bool {
        matches!(self.repr, Repr::Panic(_))
    }

    /// Consumes the error, returning the panic payload.
    ///
    /// # Panics
    ///
    /// Panics if the error is a cancellation, not a panic.
    #[track_caller]
    pub fn into_panic(self) -> Box<dyn Any + Send + 'static> {
        self.try_into_panic().expect(errors::NOT_A_PANIC)
    }

    /// Consumes the error, returning the panic payload, or the error itself when it is a
    /// cancellation.
    pub fn try_into_panic(self) -> Result<Box<dyn Any + Send + 'static>, JoinError> {
        match self.repr {
            Repr::Panic(p) => Ok(p.0),
            Repr::Cancelled => Err(self),
        }
    }
}

impl fmt::Display for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr {
            Repr::Cancelled => f.write_str("cancelled"),
            Repr::Panic(_) => f.write_str("panic"),
        }
    }
}

impl fmt::Debug for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr {
            Repr::Cancelled => f.write_str("JoinError::Cancelled"),
            Repr::Panic(_) => f.write_str("JoinError::Panic(...)"),
        }
    }
}

impl std::error::Error for JoinError {}

impl From<JoinError> for io::Error {
    fn from(err: JoinError) -> io::Error {
        let msg = match err.repr {
            Repr::Cancelled => "task was cancelled",
            Repr::Panic(_) => "task panicked",
        };
        io::Error::other(msg)
    }
}
