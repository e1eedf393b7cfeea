//! Utilities for tracking time (tokio 0.2.25's `tokio::time`).
//!
//! - [`delay_for`] / [`delay_until`]: a future that completes at a point in time.
//! - [`timeout`] / [`timeout_at`]: run a future with a deadline.
//! - [`interval`] / [`interval_at`]: a stream of ticks at a fixed period.
//! - [`DelayQueue`]: values that become available at their own deadlines.
//! - `throttle` (with `stream`): at most one item of a stream per period.
//!
//! Timers have millisecond resolution and never complete early. They bind to the runtime's
//! timer when they are created: creating one outside a runtime, or in a runtime built
//! without `Builder::enable_time()` / `enable_all()`, panics.
//!
//! ```ignore
//! use std::time::Duration;
//!
//! #[tokio::main]
//! async fn main() {
//!     tokio::time::delay_for(Duration::from_millis(10)).await;
//!     let res = tokio::time::timeout(Duration::from_secs(1), async { 7 }).await;
//!     assert_eq!(res, Ok(7));
//! }
//! ```

pub use std::time::Duration;
pub use tokio_timer::{
    delay_for, delay_until, interval, interval_at, timeout, timeout_at, Delay, DelayQueue, Elapsed,
    Error, Instant, Interval, Timeout,
};

/// A queue of delayed values (`DelayQueue`, its `Expired` items and their `Key`s).
pub mod delay_queue {
    pub use tokio_timer::delay_queue::{DelayQueue, Expired, Key};
}

cfg_stream! {
    /// Slow a stream down to at most one item per period.
    pub mod throttle {
        pub use tokio_timer::throttle::{throttle, Throttle};
    }
    pub use self::throttle::{throttle, Throttle};
}

cfg_test_util! {
    pub use tokio_timer::{advance, pause, resume};
}
