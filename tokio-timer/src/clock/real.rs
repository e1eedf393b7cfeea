//! The clock without `test-util`: std's monotonic clock, never frozen.

use std::time::Instant;

#[derive(Debug)]
pub(crate) struct Source;

impl Source {
    pub(crate) fn new() -> Source {
        Source
    }

    pub(crate) fn now(&self) -> Instant {
        Instant::now()
    }

    pub(crate) fn current_now() -> Instant {
        Instant::now()
    }

    pub(crate) fn is_paused(&self) -> bool {
        false
    }

    pub(crate) fn advance_to(&self, _t: Instant) {}
}
