//! Loom models of the current-thread scheduler's parking and hand-over protocols.

mod loom_handoff;
mod loom_park;
