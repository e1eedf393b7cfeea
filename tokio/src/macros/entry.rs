//! Picks the `#[tokio::main]` / `#[tokio::test]` proc macros that match the enabled
//! features, as tokio 0.2 does: threaded-capable with rt-threaded, basic-only with rt-core
//! alone. Without rt-core, `main` is tokio-macros 0.2's old-style entry point (its default
//! body is `Runtime::new().unwrap().block_on(..)`, which builds the spawn-less shell runtime,
//! so a 0.2 `#[tokio::main]` that only awaits still compiles and runs), and `test` is a
//! compile error naming the missing feature (0.2's old-style test needs
//! `Builder::basic_scheduler`, which rt-core provides, so it could not compile there either).

cfg_rt_threaded! {
    pub use tokio_macros::{main_threaded as main, test_threaded as test};
}

cfg_rt_core! {
    cfg_not_rt_threaded! {
        pub use tokio_macros::{main_basic as main, test_basic as test};
    }
}

cfg_not_rt_core! {
    pub use tokio_macros::{main, test_fail as test};
}
