// tokio 0.2's spelling on a real `main`, returning a `Result` that uses `?`.
#[tokio::main(threaded_scheduler, core_threads = 2, max_threads = 4)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: u32 = "41".parse()?;
    let m = tokio::spawn(async move { n + 1 }).await?;
    assert_eq!(m, 42);
    Ok(())
}
