//! Picks the `#[tokio::main]` / `#[tokio::test]` proc macros that match the enabled
//! features, as tokio 0.2 does: threaded-capable with rt-threaded, basic-only with rt-core
//! alone, and a compile error naming the missing feature without rt-core.

cfg_rt_threaded! {
    pub use tokio_macros::{main_threaded as main, test_threaded as test};
}

cfg_rt_core! {
    cfg_not_rt_threaded! {
        pub use tokio_macros::{main_basic as main, test_basic as test};
    }
}

cfg_not_rt_core! {
    pub use tokio_macros::{main_fail as main, test_fail as test};
}
