#[tokio::main(fast_scheduler)]
async fn main() {}
