#[cfg(not(loom))]
mod generation;
#[cfg(loom)]
mod loom_reactor;
#[cfg(loom)]
mod loom_scheduled_io;
