//! `AtomicWaker`: one waker slot that a single consumer registers into while any number
//! of producers wake it, without a lock.

mod waker;
pub(crate) use waker::AtomicWaker;

#[cfg(all(test, loom))]
mod tests;
