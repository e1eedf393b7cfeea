#[tokio::test(max_threads = 2.5)]
async fn t() {}

fn main() {}
