//! Loom models of the driver's lock-free edges (run with `--cfg loom`).

mod loom_timer;
