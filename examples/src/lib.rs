//! Shared helpers for the examples package (the examples themselves live in `examples/`).
