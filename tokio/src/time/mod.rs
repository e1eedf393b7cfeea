//! tokio::time (to be filled).
