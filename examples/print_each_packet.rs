//! A TCP server that prints every chunk of bytes it receives, as it arrives.
//!
//! Try it:
//!
//!     cargo run --example print_each_packet [127.0.0.1:8080]
//!
//! then `echo hello | nc 127.0.0.1 8080` (or `cargo run --example connect
//! 127.0.0.1:8080`): the server prints `GOT: "hello\n"`. The first line printed is the
//! bound address (pass `127.0.0.1:0` for a free port).

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::error::Error;
use std::io::Write;

use tokio::net::TcpListener;
use tokio::prelude::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let mut listener = TcpListener::bind(&addr).await?;
    println!("{}", listener.local_addr()?);

    loop {
        let (mut socket, peer) = listener.accept().await?;
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            loop {
                match socket.read(&mut buf).await {
                    Ok(0) => {
                        println!("{} closed", peer);
                        return;
                    }
                    Ok(n) => {
                        let text = String::from_utf8_lossy(&buf[..n]);
                        println!("GOT: {:?}", text);
                        // Flush so that a pipe reader sees each chunk at once.
                        let _ = std::io::stdout().flush();
                    }
                    Err(e) => {
                        eprintln!("failed to read from {}; err = {:?}", peer, e);
                        return;
                    }
                }
            }
        });
    }
}
