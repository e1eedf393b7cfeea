//! One place that sizes the load tests: `TOKIO_TEST_SCALE=full` (ci/soak: the sizes
//! RELIABILITY.md quotes), `small` (sanitizer runs), anything else the default test run.

/// How big the load tests are in this run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Sanitizer runs: a few percent of full size.
    Small,
    /// The default `cargo nextest` run: large enough to mean something, quick on 2 cores.
    Default,
    /// `bash ci/soak`: the full sizes.
    Full,
}

/// The scale chosen by `TOKIO_TEST_SCALE`.
pub fn scale() -> Scale {
    match std::env::var("TOKIO_TEST_SCALE").as_deref() {
        Ok("full") => Scale::Full,
        Ok("small") => Scale::Small,
        _ => Scale::Default,
    }
}

/// Picks one of three sizes by the current scale.
pub fn pick(small: usize, default: usize, full: usize) -> usize {
    match scale() {
        Scale::Small => small,
        Scale::Default => default,
        Scale::Full => full,
    }
}
