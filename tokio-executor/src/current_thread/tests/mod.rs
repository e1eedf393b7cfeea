//! Loom models of the current-thread scheduler's parking protocol.

mod loom_park;
