#[tokio::main("threaded")]
async fn main() {}
