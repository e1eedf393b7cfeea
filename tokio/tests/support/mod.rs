//! Helpers shared by the facade's integration tests. Each test binary declares `mod support;`
//! and uses what it needs.
#![allow(dead_code)]

pub mod alloc;
pub mod scale;
