//! A UDP echo server: every datagram is sent back to the address it came from.
//!
//! Try it:
//!
//!     cargo run --example echo-udp [127.0.0.1:8080]
//!
//! then `cargo run --example udp-client 127.0.0.1:8080 <<< hello` (or `nc -u 127.0.0.1
//! 8080`). The first line printed is the bound address (pass `127.0.0.1:0` for a free port).

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::error::Error;

use tokio::net::UdpSocket;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let mut socket = UdpSocket::bind(&addr).await?;
    println!("{}", socket.local_addr()?);

    let mut buf = vec![0u8; 65536];
    loop {
        let (n, peer) = socket.recv_from(&mut buf).await?;
        let sent = socket.send_to(&buf[..n], &peer).await?;
        eprintln!("echoed {}/{} bytes to {}", sent, n, peer);
    }
}
