//! `Notify`: wake one task (with a stored permit when nobody waits) or, internally, every
//! waiting task (used by `watch`, `broadcast` and `Barrier`).

mod slot;
mod waiters;
pub(crate) use slot::WaitSlot;
pub use waiters::Notify;

#[cfg(all(test, loom))]
mod tests;
