//! Loom models of the shared state in `duplex` and `split`.

mod loom_duplex;
mod loom_split;
