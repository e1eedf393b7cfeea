//! `#[tokio::main]`, `#[tokio::test]` and the proc-macro helpers of the facade's macros.
//!
//! The facade re-exports the entry point that matches its features, as tokio 0.2 does:
//!
//! | tokio features            | `tokio::main` / `tokio::test` are            |
//! |---------------------------|----------------------------------------------|
//! | rt-core + rt-threaded     | [`main_threaded`] / [`test_threaded`]        |
//! | rt-core only              | [`main_basic`] / [`test_basic`]              |
//! | neither                   | [`main`] / a compile error naming the feature |
//!
//! [`main`] and [`test`] are tokio-macros 0.2's original ("old style") entry points.
//!
//! Arguments of both eras are accepted: tokio 0.2's `basic_scheduler`, `threaded_scheduler`,
//! `core_threads = N`, `max_threads = N`, and tokio 1.x's `flavor = "current_thread"` /
//! `flavor = "multi_thread"`, `worker_threads = N` (plus `start_paused = true`, which needs
//! tokio's `test-util` feature, and `crate = "path"`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate proc_macro;

mod args;
mod entry;
mod errors;
mod select;

use args::{Kind, Style};
use proc_macro::TokenStream;

/// Marks an async function to be run by a runtime: tokio 0.2's old-style entry point.
///
/// Only the flags `basic_scheduler` and `threaded_scheduler` are recognised (the default is
/// the threaded `Runtime::new()`); `name = value` pairs are ignored.
///
/// ```
/// #[tokio_macros::main]
/// async fn main() {
///     println!("Hello world");
/// }
/// ```
#[proc_macro_attribute]
pub fn main(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Main, Style::Legacy).into()
}

/// Marks an async test function to be run by a runtime: tokio 0.2's old-style entry point.
///
/// Only the flags `basic_scheduler` (the default) and `threaded_scheduler` are recognised.
///
/// ```
/// #[tokio_macros::test]
/// async fn my_test() {
///     assert!(true);
/// }
/// ```
#[proc_macro_attribute]
pub fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Test, Style::Legacy).into()
}

/// `#[tokio::main]` when tokio has `rt-core` and `rt-threaded`: the threaded scheduler by
/// default.
///
/// Arguments: `basic_scheduler` / `threaded_scheduler` (the first one wins),
/// `core_threads = N` (N > 1 selects the threaded scheduler, N == 1 the basic one),
/// `max_threads = M`, or tokio 1.x's `flavor = "current_thread" | "multi_thread"` and
/// `worker_threads = N`.
///
/// ```
/// #[tokio::main(core_threads = 2, max_threads = 8)]
/// async fn main() {
///     let answer = tokio::spawn(async { 42 }).await.unwrap();
///     assert_eq!(answer, 42);
/// }
/// ```
#[proc_macro_attribute]
pub fn main_threaded(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Main, Style::Threaded).into()
}

/// `#[tokio::main]` when tokio has `rt-core` but not `rt-threaded`: always the basic
/// scheduler (`threaded_scheduler` is accepted and ignored; thread counts are errors).
///
/// ```
/// #[tokio_macros::main_basic]
/// async fn main() {
///     assert_eq!(tokio::spawn(async { 1 }).await.unwrap(), 1);
/// }
/// ```
#[proc_macro_attribute]
pub fn main_basic(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Main, Style::Basic).into()
}

/// `#[tokio::test]` when tokio has `rt-core` and `rt-threaded`: the basic scheduler by
/// default, the threaded one with `threaded_scheduler`, `core_threads = N > 1`,
/// `flavor = "multi_thread"` or `worker_threads = N`.
///
/// ```no_run
/// #[tokio::test(threaded_scheduler)]
/// async fn my_test() {
///     assert_eq!(tokio::spawn(async { 1 }).await.unwrap(), 1);
/// }
/// ```
#[proc_macro_attribute]
pub fn test_threaded(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Test, Style::Threaded).into()
}

/// `#[tokio::test]` when tokio has `rt-core` but not `rt-threaded`: always the basic
/// scheduler.
///
/// ```no_run
/// #[tokio_macros::test_basic]
/// async fn my_test() {
///     assert!(true);
/// }
/// ```
#[proc_macro_attribute]
pub fn test_basic(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand(args.into(), item.into(), Kind::Test, Style::Basic).into()
}

/// `#[tokio::main]` when tokio has no runtime feature: a compile error naming the feature.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn main_fail(_args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand_missing_runtime(item.into(), Kind::Main).into()
}

/// `#[tokio::test]` when tokio has no runtime feature: a compile error naming the feature.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn test_fail(_args: TokenStream, item: TokenStream) -> TokenStream {
    entry::expand_missing_runtime(item.into(), Kind::Test).into()
}

/// Declares `select!`'s output enum for a `( _ _ .. )` branch list (hidden; used by
/// `tokio::select!` only). Panics beyond 64 branches.
#[doc(hidden)]
#[proc_macro]
pub fn select_priv_declare_output_enum(input: TokenStream) -> TokenStream {
    select::declare_output_enum(input.into()).into()
}
