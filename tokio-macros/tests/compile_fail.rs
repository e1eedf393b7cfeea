//! Pins every compile error of `#[tokio::main]`, `#[tokio::test]`, `select!` and `pin!`
//! (texts and spans) with trybuild snapshots in `tests/ui/*.stderr`.

#[test]
fn compile_fail() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
