//! Tools for testing code written against the tokio 0.2 API.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
