//! Support items for the exported macros. Not public API.

use std::time::Duration;

/// Something an elapsed time can be read from: an instant (time since it) or a
/// duration (the elapsed time itself).
pub trait ElapsedSince {
    /// The elapsed time this value stands for.
    fn elapsed_since(&self) -> Duration;
}

impl ElapsedSince for Duration {
    fn elapsed_since(&self) -> Duration {
        *self
    }
}

impl ElapsedSince for std::time::Instant {
    fn elapsed_since(&self) -> Duration {
        self.elapsed()
    }
}

impl<T: ElapsedSince + ?Sized> ElapsedSince for &T {
    fn elapsed_since(&self) -> Duration {
        (**self).elapsed_since()
    }
}

/// `(elapsed, expected, expected + tolerance)` for `assert_elapsed!`.
pub fn elapsed_bounds<T: ElapsedSince + ?Sized>(
    start: &T,
    expected: Duration,
    tolerance: Duration,
) -> (Duration, Duration, Duration) {
    (start.elapsed_since(), expected, expected + tolerance)
}

impl ElapsedSince for tokio::time::Instant {
    fn elapsed_since(&self) -> Duration {
        self.elapsed()
    }
}
