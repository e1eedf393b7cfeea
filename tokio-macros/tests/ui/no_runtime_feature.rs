// `main_fail` is what `tokio::main` resolves to without tokio's rt-core feature.
#[tokio_macros::main_fail]
async fn main() {}
