// tokio 1.x's spelling on a real `main`; `pub` and attributes are kept.
#[tokio::main(flavor = "current_thread")]
#[allow(clippy::needless_return)]
pub async fn main() {
    let here = std::thread::current().id();
    let there = tokio::spawn(async { std::thread::current().id() }).await.unwrap();
    assert_eq!(here, there, "current_thread runs tasks on the main thread");
    return;
}
