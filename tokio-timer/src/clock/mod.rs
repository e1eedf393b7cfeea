//! The clock a timer reads, and its conversion to wheel ticks.
//!
//! Each [`Timer`](crate::Timer) owns one clock (runtimes stay isolated). With the
//! `test-util` feature the clock can be frozen ([`pause`]), moved by hand ([`advance`]) and
//! thawed ([`resume`]); without it the clock is `std::time::Instant::now()`.
//!
//! Ticks are whole milliseconds since the clock's `start` (the moment the timer was
//! created). Deadlines round **up** to a tick and the present rounds **down**, so "the
//! present tick has reached the deadline's tick" implies "the deadline has passed": a delay
//! can be late by up to a millisecond, never early.

#[cfg(not(feature = "test-util"))]
mod real;
#[cfg(not(feature = "test-util"))]
use self::real::Source;

#[cfg(feature = "test-util")]
mod paused;
#[cfg(feature = "test-util")]
use self::paused::Source;
#[cfg(feature = "test-util")]
pub use self::paused::{advance, pause, resume};

use std::time::{Duration, Instant};

/// A timer's clock: a time source plus the epoch its ticks count from.
#[derive(Debug)]
pub(crate) struct Clock {
    start: Instant,
    source: Source,
}

const NANOS_PER_MS: u32 = 1_000_000;

impl Clock {
    pub(crate) fn new() -> Clock {
        let source = Source::new();
        let start = source.now();
        Clock { start, source }
    }

    /// The clock's present.
    pub(crate) fn now(&self) -> Instant {
        self.source.now()
    }

    /// The tick at which an event due at `t` may fire (rounded up).
    ///
    /// Plain 64-bit arithmetic (no 128-bit division): this runs on every arm.
    pub(crate) fn deadline_tick(&self, t: Instant) -> u64 {
        let since = t.saturating_duration_since(self.start);
        let part = since.subsec_nanos().div_ceil(NANOS_PER_MS);
        since
            .as_secs()
            .saturating_mul(1000)
            .saturating_add(u64::from(part))
    }

    /// The last tick that has fully begun at `t` (rounded down).
    pub(crate) fn present_tick(&self, t: Instant) -> u64 {
        let since = t.saturating_duration_since(self.start);
        since
            .as_secs()
            .saturating_mul(1000)
            .saturating_add(u64::from(since.subsec_millis()))
    }

    /// The instant at which `tick` begins.
    pub(crate) fn instant_of(&self, tick: u64) -> Instant {
        self.start
            .checked_add(Duration::from_millis(tick))
            .unwrap_or_else(|| self.start + Duration::from_secs(86_400 * 365 * 30))
    }

    /// Whether the clock is frozen (only ever true with `test-util`).
    pub(crate) fn is_paused(&self) -> bool {
        self.source.is_paused()
    }

    /// Moves a frozen clock forward to `t` (no-op when `t` is not later).
    pub(crate) fn advance_to(&self, t: Instant) {
        self.source.advance_to(t)
    }
}

/// `Instant::now()` as user code sees it: the current timer's clock inside a runtime,
/// std's clock elsewhere.
pub(crate) fn now() -> Instant {
    Source::current_now()
}
