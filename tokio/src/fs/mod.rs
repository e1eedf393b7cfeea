//! tokio::fs (to be filled).
