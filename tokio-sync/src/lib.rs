//! Runtime-independent channels and async locks (tokio 0.2's `tokio::sync`).
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
