//! Helpers shared by the facade's integration tests. Each test binary declares `mod support;`
//! and uses what it needs.
#![allow(dead_code)]

pub mod alloc;
pub mod scale;

/// Serialises the tests of one binary that share process-wide state (the counting
/// allocator's live-bytes counter, the panic hook) when they are run by `cargo test`'s
/// thread-per-test harness; under nextest each test has its own process anyway.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
