//! Loom models of the blocking pool.

mod loom_pool;
