//! Helpers that drive tokio's paused clock from tests.
//!
//! Re-exports of `tokio::time::{pause, resume, advance}` (which need tokio's `test-util`
//! feature; depending on tokio-test turns it on). Inside a runtime, [`pause`] freezes
//! `tokio::time::Instant::now()`; [`advance`] moves it forward and lets timers that are
//! due fire; [`resume`] lets it run again. While paused, a runtime with nothing else to
//! do jumps the clock to the next timer, so sleeps in tests take no real time.
//!
//! # Panics
//!
//! Outside a runtime: "time cannot be frozen from outside the Tokio runtime"; `pause`
//! twice: "time is already frozen"; `resume` / `advance` while running: "time is not
//! frozen".
//!
//! ```
//! use std::time::Duration;
//! use tokio::time::Instant;
//! use tokio_test::{assert_elapsed, clock};
//!
//! tokio_test::block_on(async {
//!     clock::pause();
//!     let start = Instant::now();
//!     clock::advance(Duration::from_secs(60)).await;
//!     assert_elapsed!(start, Duration::from_secs(60));
//!     clock::resume();
//! });
//! ```

pub use tokio::time::{advance, pause, resume};
