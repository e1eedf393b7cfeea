//! The process module's door to synchronisation primitives: `std` normally, `loom` under
//! `--cfg loom` (the crate-wide shim pattern, kept local to this module).
#![allow(unused_imports, dead_code)]

#[cfg(not(loom))]
pub(crate) use std::sync::Mutex;

#[cfg(loom)]
pub(crate) use loom::sync::Mutex;
