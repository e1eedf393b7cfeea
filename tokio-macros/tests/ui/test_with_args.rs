#[tokio::test]
async fn with_args(_x: u32) {}

fn main() {}
