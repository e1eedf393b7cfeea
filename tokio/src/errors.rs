//! Panic texts of the facade's own misuse checks, in one place. The runtime's, the
//! reactor's and the timer's live in `tokio_executor::errors`, tokio-net's and tokio-timer's
//! errors modules; each names what was wrong and how to fix it.
#![allow(dead_code)]

/// `LocalKey::with` / `get` outside a `LocalKey::scope` of that key (0.2.25's exact text).
pub(crate) const TASK_LOCAL_NOT_SET: &str =
    "cannot access a Task Local Storage value without setting it via `LocalKey::set`";
