//! An asynchronous runtime with the tokio 0.2 API.
//!
//! This facade builds runtimes out of the workspace's pieces (a scheduler from
//! `tokio-executor`, the `Timer<Reactor>` driver from `tokio-timer` and `tokio-net`, the
//! blocking pool), sets the thread-local contexts on every runtime thread, and re-exports
//! the public API under tokio 0.2.25's module paths and feature flags.
//!
//! ```ignore
//! #[tokio::main]
//! async fn main() {
//!     let handle = tokio::spawn(async { 40 + 2 });
//!     assert_eq!(handle.await.unwrap(), 42);
//! }
//! ```
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
#[doc(hidden)]
pub mod macros;

mod errors;
pub mod io;
pub mod net;
pub mod prelude;
pub mod runtime;

cfg_rt_core! {
    pub mod task;
    pub use task::spawn;
}

cfg_time! {
    pub mod time;
}

cfg_sync! {
    pub mod sync;
}

cfg_stream! {
    pub mod stream;
}

cfg_fs! {
    pub mod fs;
}

cfg_signal! {
    pub mod signal;
}

cfg_process! {
    pub mod process;
}

#[doc(hidden)]
pub mod future;

cfg_macros! {
    #[doc(inline)]
    pub use macros::entry::{main, test};
    #[doc(hidden)]
    pub use tokio_macros::select_priv_declare_output_enum;
}
