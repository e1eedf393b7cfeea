//! The pause behind a scripted `wait` step: a tokio timer, so a paused clock (see
//! `tokio_test::clock`) skips it instantly.

use std::time::Duration;

/// A future that completes `duration` after it was created (on the runtime's timer).
pub(crate) type Sleep = tokio::time::Delay;

/// Starts a pause; must be called inside a runtime with the timer enabled.
pub(crate) fn new(duration: Duration) -> Sleep {
    tokio::time::delay_for(duration)
}
