//! trybuild: `tests/ui/*.rs` pin every compile error of `#[tokio::main]`, `#[tokio::test]`,
//! `select!` and `pin!` (texts and spans, in the `.stderr` files); `tests/pass/*.rs` are
//! binaries whose `#[tokio::main]` must compile and run to a clean exit.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
