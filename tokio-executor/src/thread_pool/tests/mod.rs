//! Loom models of the work-stealing scheduler's pieces.

mod loom_idle;
mod loom_queue;
mod loom_shutdown;
