//! The crate's one door to synchronisation primitives.
//!
//! tokio-test is tooling for users' tests and has no loom models of its own, so this is
//! always `std`: the mock waker must be a real `std::sync::Arc` (it becomes a `Waker`
//! through `std::task::Wake`), and `--cfg loom` builds of tokio-test are not supported.
#![allow(unused_imports)]

pub(crate) use std::sync;
