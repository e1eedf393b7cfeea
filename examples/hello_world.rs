//! Connects to a TCP server and writes "hello world\n" to it.
//!
//! Try it: start a listener in one terminal (`ncat -l 6142`, or `nc -l 6142`), then
//!
//!     cargo run --example hello_world [127.0.0.1:6142]
//!
//! and the listener prints `hello world`.

use tokio::net::TcpStream;
use tokio::prelude::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:6142".to_string());

    // Open a TCP stream to the socket address.
    let mut stream = TcpStream::connect(&addr).await?;
    println!("created stream to {}", stream.peer_addr()?);

    stream.write_all(b"hello world\n").await?;
    println!("wrote to stream");
    Ok(())
}
