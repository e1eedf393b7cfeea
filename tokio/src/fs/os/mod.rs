//! Platform-specific parts of `tokio::fs`.

#[cfg(unix)]
pub mod unix;

#[cfg(windows)]
pub mod windows;
