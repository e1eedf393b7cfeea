#[tokio::main(core_threads = 4, max_threads = 2)]
async fn main() {}
