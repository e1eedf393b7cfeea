//! The examples package. The examples themselves are the `*.rs` files beside its
//! `Cargo.toml`, declared as `[[example]]` targets so that `cargo run --example NAME` works
//! from the repository root; each starts with a comment saying how to try it. This library is
//! empty: the examples use only the public tokio 0.2 API, so the same sources also build
//! against the published tokio 0.2.25 (`bash ci/bench --compat02` checks that).
