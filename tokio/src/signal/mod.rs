//! tokio::signal (to be filled).
