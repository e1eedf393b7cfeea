//! The crate's one door to synchronisation primitives: `std` normally, `loom` under
//! `--cfg loom`. Every `Arc` and `Mutex` of this crate (the shared halves of `split` and
//! the pipes of `duplex`) goes through here so the loom models see all of them.
#![allow(unused_imports, dead_code)]

#[cfg(not(loom))]
pub(crate) use std::{sync, thread};

#[cfg(loom)]
pub(crate) use loom::{sync, thread};

/// Locks `mutex`, ignoring poisoning: the data guarded in this crate (a pipe buffer, a
/// stream shared by two halves) stays consistent even if a poll panicked while holding it,
/// because every update is a single step that either happened or did not.
pub(crate) fn lock<T: ?Sized>(mutex: &sync::Mutex<T>) -> sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}
