//! tokio::sync (to be filled).
