#[tokio::main]
fn main() {}
