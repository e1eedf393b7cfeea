async fn seven() -> u32 {
    7
}

fn main() {
    tokio::pin!(seven());
}
