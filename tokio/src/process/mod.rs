//! tokio::process (to be filled).
