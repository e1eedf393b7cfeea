#[tokio::main(runtime::threaded)]
async fn main() {}
