//! A UDP client: reads all of stdin, sends it as one datagram to a server and prints the
//! datagram that comes back.
//!
//! Try it with the UDP echo server running (`cargo run --example echo-udp`):
//!
//!     echo hello | cargo run --example udp-client [127.0.0.1:8080]
//!
//! It prints `hello`. It gives up after 5 seconds without an answer.

// tokio 0.2.25 takes `&mut self` in `send` / `recv`, this workspace takes `&self` (tokio
// 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::error::Error;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::net::UdpSocket;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let remote: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string())
        .parse()?;
    // Bind to an ephemeral port of the same address family as the server.
    let local = if remote.is_ipv4() {
        "0.0.0.0:0"
    } else {
        "[::]:0"
    };

    let mut data = Vec::new();
    tokio::io::stdin().read_to_end(&mut data).await?;
    if data.len() > 65507 {
        return Err("input too large for one UDP datagram".into());
    }

    let mut socket = UdpSocket::bind(local).await?;
    socket.connect(&remote).await?;
    socket.send(&data).await?;

    let mut response = vec![0u8; 65536];
    let n = tokio::time::timeout(Duration::from_secs(5), socket.recv(&mut response)).await??;
    println!("{}", String::from_utf8_lossy(&response[..n]).trim_end());
    Ok(())
}
