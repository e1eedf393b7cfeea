//! `#[tokio::main]`, `#[tokio::test]` and the proc-macro helpers of the facade's macros.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
