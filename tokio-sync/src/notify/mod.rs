//! `Notify`: wake one task (with a stored permit when nobody waits) or, internally, every
//! waiting task (used by `watch`, `broadcast` and `Barrier`).

mod waiters;
pub use waiters::Notify;
pub(crate) use waiters::{Notified, WaitState, Waiter};

#[cfg(all(test, loom))]
mod tests;
