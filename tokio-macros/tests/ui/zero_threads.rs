#[tokio::main(core_threads = 0)]
async fn main() {}
