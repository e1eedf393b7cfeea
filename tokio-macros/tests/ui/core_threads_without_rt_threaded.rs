// `main_basic` is what `tokio::main` resolves to with rt-core but without rt-threaded.
#[tokio_macros::main_basic(core_threads = 2)]
async fn main() {}
