//! tokio::stream (to be filled).
