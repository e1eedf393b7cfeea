//! The runtime's timer: a hierarchical timing wheel as a
//! [`Park`](tokio_executor::park::Park) layer around the inner driver, and the time
//! utilities built on it ([`Delay`], [`Timeout`], [`Interval`], [`DelayQueue`],
//! [`throttle()`]), with tokio 0.2.25's API (`tokio::time` re-exports this crate).
//!
//! - [`Timer`] wraps the inner driver (the reactor, in a runtime). Parking it fires due
//!   timers and parks the inner driver until the next deadline at the latest.
//! - [`Handle`] refers to a timer; [`set_default`] makes one current on a thread.
//! - Binding is eager: `delay_for`, `timeout`, `interval`, ... capture the current handle
//!   when they are created and panic without one. The wheel entry itself is armed only on
//!   the first poll that returns `Pending`.
//! - Resolution is one millisecond (deadlines round up); the wheel spans 2^36 − 1 ms
//!   (≈ 2.2 years) and longer deadlines saturate. See the `wheel` module's doc.
//! - With the `test-util` feature the clock can be paused and advanced: `pause`,
//!   `resume`, `advance`.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

mod clock;
mod delay;
pub mod delay_queue;
mod driver;
mod errors;
mod instant;
mod interval;
pub(crate) mod loom;
pub mod throttle;
mod timeout;
mod wheel;

#[cfg(feature = "test-util")]
pub use crate::clock::{advance, pause, resume};
pub use crate::delay::{delay_for, delay_until, Delay};
pub use crate::delay_queue::DelayQueue;
pub use crate::driver::{set_default, DefaultGuard, Handle, Timer};
pub use crate::errors::{Elapsed, Error};
pub use crate::instant::Instant;
pub use crate::interval::{interval, interval_at, Interval};
pub use crate::throttle::{throttle, Throttle};
pub use crate::timeout::{timeout, timeout_at, Timeout};
pub use std::time::Duration;
