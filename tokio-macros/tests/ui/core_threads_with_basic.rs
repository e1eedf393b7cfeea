#[tokio::main(basic_scheduler, core_threads = 4)]
async fn main() {}
