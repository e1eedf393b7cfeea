//! Every message a user of this crate can see, in one place, plus the public [`Error`].
//!
//! Panic texts match tokio 0.2.25 (API-0.2.md §13) so that `#[should_panic(expected = ..)]`
//! tests written against 0.2 keep passing; where 0.2 said nothing about the fix, the fix is
//! appended after the 0.2 text.

use std::error;
use std::fmt;

/// Creating a timer (`delay_for`, `timeout`, `interval`, `DelayQueue::insert`, ...) with no
/// current timer on this thread.
pub(crate) const NO_TIMER: &str = "there is no timer running, must be called from the context \
of a Tokio 0.2.x runtime (create it inside `Runtime::block_on`, a spawned task or \
`Handle::enter`, and build the runtime with `Builder::enable_time()` or `enable_all()`)";

/// A delay polled after its timer shut down.
pub(crate) const SHUTDOWN: &str =
    "timer error: the timer is shutdown, must be called from the context of Tokio runtime";

/// `pause`, `resume` or `advance` with no current timer.
#[cfg_attr(not(feature = "test-util"), allow(dead_code))]
pub(crate) const FROZEN_OUTSIDE: &str = "time cannot be frozen from outside the Tokio runtime";

/// `pause` while already paused.
#[cfg_attr(not(feature = "test-util"), allow(dead_code))]
pub(crate) const ALREADY_FROZEN: &str = "time is already frozen";

/// `resume` or `advance` while not paused.
#[cfg_attr(not(feature = "test-util"), allow(dead_code))]
pub(crate) const NOT_FROZEN: &str = "time is not frozen";

/// `interval` / `interval_at` with a zero period.
pub(crate) const ZERO_PERIOD: &str = "`period` must be non-zero.";

/// Errors reported by the timer.
///
/// ```
/// use tokio_timer::Error;
///
/// let err = Error::shutdown();
/// assert!(err.is_shutdown());
/// assert_eq!(
///     err.to_string(),
///     "the timer is shutdown, must be called from the context of Tokio runtime"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Shutdown,
    AtCapacity,
    Invalid,
}

impl Error {
    /// The timer is shut down.
    pub fn shutdown() -> Error {
        Error(Kind::Shutdown)
    }

    /// Returns `true` if the error was caused by the timer being shut down.
    pub fn is_shutdown(&self) -> bool {
        self.0 == Kind::Shutdown
    }

    /// The timer is at capacity.
    pub fn at_capacity() -> Error {
        Error(Kind::AtCapacity)
    }

    /// Returns `true` if the error was caused by the timer being at capacity.
    pub fn is_at_capacity(&self) -> bool {
        self.0 == Kind::AtCapacity
    }

    /// The duration exceeds the maximum the timer supports.
    pub fn invalid() -> Error {
        Error(Kind::Invalid)
    }

    /// Returns `true` if the error was caused by an invalid duration.
    pub fn is_invalid(&self) -> bool {
        self.0 == Kind::Invalid
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let descr = match self.0 {
            Kind::Shutdown => {
                "the timer is shutdown, must be called from the context of Tokio runtime"
            }
            Kind::AtCapacity => "timer is at capacity and cannot create a new entry",
            Kind::Invalid => "timer duration exceeds maximum duration",
        };
        f.write_str(descr)
    }
}

impl error::Error for Error {}

/// Error returned by [`Timeout`](crate::Timeout) when its deadline passed first.
///
/// ```
/// use std::io;
/// use tokio_timer::Elapsed;
///
/// fn convert(e: Elapsed) -> io::Error {
///     e.into()
/// }
/// # let _ = convert;
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Elapsed(pub(crate) ());

impl fmt::Display for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("deadline has elapsed")
    }
}

impl error::Error for Elapsed {}

impl From<Elapsed> for std::io::Error {
    fn from(_: Elapsed) -> std::io::Error {
        std::io::ErrorKind::TimedOut.into()
    }
}

/// Panics with the "timer is shut down" message.
#[track_caller]
pub(crate) fn shutdown() -> ! {
    panic!("{}", SHUTDOWN)
}
