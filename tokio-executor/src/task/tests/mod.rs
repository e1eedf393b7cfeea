//! Task state machine tests: counting fixtures (normal builds) and loom models.

#[cfg(not(loom))]
mod counting;
#[cfg(loom)]
mod loom_task;

pub(crate) mod fixture;
