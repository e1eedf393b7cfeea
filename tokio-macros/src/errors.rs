//! Every compile-error text the macros emit, in one place.
//!
//! The 0.2 texts are tokio-macros 0.2.6's, word for word, because users' build logs and
//! trybuild snapshots may pin them. The texts added here for tokio 1.x's argument spelling
//! and for the missing-feature case name what was wrong and how to fix it.

pub(crate) const MISSING_ASYNC: &str = "the async keyword is missing from the function declaration";
pub(crate) const MAIN_ARGS: &str = "the main function cannot accept arguments";
pub(crate) const TEST_ARGS: &str = "the test function cannot accept arguments";
pub(crate) const SECOND_TEST_ATTR: &str = "second test attribute is supplied";
pub(crate) const NO_IDENT: &str = "Must have specified ident";
pub(crate) const UNKNOWN_INSIDE: &str = "Unknown attribute inside the macro";
pub(crate) const CORE_NOT_INT: &str = "core_threads argument must be an int";
pub(crate) const MAX_NOT_INT: &str = "max_threads argument must be an int";
pub(crate) const MAX_BELOW_CORE: &str = "max_threads cannot be less than core_threads";
pub(crate) const CORE_NEEDS_THREADED: &str =
    "core_threads can only be set with rt-threaded feature flag enabled";

/// "Unknown attribute {name} is specified; expected `basic_scheduler` or `threaded_scheduler`"
pub(crate) fn unknown_flag(name: &str) -> String {
    format!(
        "Unknown attribute {} is specified; expected `basic_scheduler` or `threaded_scheduler`",
        name
    )
}

/// "Unknown attribute pair {name} is specified; expected one of: `core_threads`, `max_threads`"
pub(crate) fn unknown_pair(name: &str) -> String {
    format!(
        "Unknown attribute pair {} is specified; expected one of: `core_threads`, `max_threads`",
        name
    )
}

// ---- tokio 1.x spelling (`flavor`, `worker_threads`) and contradictions -----------------

pub(crate) const CORE_WITH_BASIC: &str = "core_threads cannot be combined with `basic_scheduler`: \
     the basic scheduler runs everything on the current thread; remove `basic_scheduler` \
     or use `threaded_scheduler`";
pub(crate) const WORKERS_NOT_INT: &str = "worker_threads argument must be an int";
pub(crate) const WORKERS_NEED_MULTI: &str = "worker_threads requires the `multi_thread` runtime \
     flavor; use `flavor = \"multi_thread\"` or remove `worker_threads`";
pub(crate) const WORKERS_NEED_THREADED: &str =
    "worker_threads can only be set with rt-threaded feature flag enabled";
pub(crate) const MULTI_NEEDS_THREADED: &str = "the `multi_thread` runtime flavor needs the \
     rt-threaded feature flag of tokio; enable it or use `flavor = \"current_thread\"`";
pub(crate) const FLAVOR_NOT_STR: &str =
    "flavor argument must be a string: `\"current_thread\"` or `\"multi_thread\"`";
pub(crate) const START_PAUSED_NOT_BOOL: &str = "start_paused argument must be a bool";
pub(crate) const CRATE_NOT_PATH: &str = "crate argument must be a string holding a path, \
     such as `crate = \"tokio\"`";
pub(crate) const ZERO_THREADS: &str = "the number of threads cannot be zero";

/// Error for an unknown `flavor = "..."` value.
pub(crate) fn unknown_flavor(name: &str) -> String {
    format!(
        "No such runtime flavor `{}`; the runtime flavors are `current_thread` and `multi_thread`",
        name
    )
}

/// Error for `#[tokio::main]` / `#[tokio::test]` when tokio's runtime features are off.
pub(crate) fn runtime_feature_missing(attr: &str) -> String {
    format!(
        "#[tokio::{}] needs a runtime: enable tokio's `rt-core` feature (basic scheduler) \
         or `rt-threaded` (multi-threaded scheduler), or `full`",
        attr
    )
}

/// Panic text of the select! output-enum helper beyond its branch limit.
pub(crate) const TOO_MANY_BRANCHES: &str = "up to 64 branches supported";
