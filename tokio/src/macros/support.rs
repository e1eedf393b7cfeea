//! Items the macro expansions name through `$crate::macros::support`.

pub use super::rand::thread_rng_n;
pub use crate::future::{maybe_done, poll_fn};
pub use std::future::Future;
pub use std::pin::Pin;
pub use std::task::Poll;
