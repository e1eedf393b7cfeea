//! The runtime: a scheduler, the I/O + time driver and the blocking pool, composed.
//!
//! A [`Runtime`] is built by a [`Builder`] (or [`Runtime::new`]) out of:
//! - a scheduler from `tokio-executor`: the multi-thread work-stealing pool
//!   (`threaded_scheduler`), the current-thread scheduler (`basic_scheduler`), or none
//!   (the "shell": `block_on` works, spawning panics);
//! - the driver (`driver.rs`): the reactor, the timer around it, or a plain thread
//!   parker, as enabled;
//! - the blocking pool, which also hosts the worker threads.
//!
//! Every thread running runtime code (workers, the `block_on` thread, blocking-pool
//! threads, and inside [`Handle::enter`]) carries the runtime's contexts (`context.rs`),
//! restored on exit.
//!
//! ```
//! use tokio::runtime::Runtime;
//!
//! let rt = Runtime::new().unwrap();
//! let v = rt.block_on(async { tokio::spawn(async { 1 + 2 }).await.unwrap() });
//! assert_eq!(v, 3);
//! ```

mod builder;
mod context;
mod driver;
mod handle;
mod rt;

pub use self::builder::Builder;
pub use self::handle::{Handle, TryCurrentError};
pub use self::rt::Runtime;
