//! A TCP proxy: every connection accepted on the listen address is forwarded to the server
//! address, with both directions copied concurrently.
//!
//! Try it with the echo server as the upstream (`cargo run --example echo`):
//!
//!     cargo run --example proxy [127.0.0.1:8081] [127.0.0.1:8080]
//!
//! then `nc 127.0.0.1 8081`: what you type goes through the proxy to the echo server and
//! back. The first line printed is the bound address (pass `127.0.0.1:0` for a free port).

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::error::Error;

use futures::future::try_join;
use tokio::io::{self, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let listen_addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8081".to_string());
    let server_addr = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());

    let mut listener = TcpListener::bind(&listen_addr).await?;
    println!("{}", listener.local_addr()?);
    eprintln!("proxying to {}", server_addr);

    loop {
        let (inbound, peer) = listener.accept().await?;
        let server_addr = server_addr.clone();
        tokio::spawn(async move {
            if let Err(e) = transfer(inbound, &server_addr).await {
                eprintln!("{}: failed to transfer; error = {}", peer, e);
            }
        });
    }
}

async fn transfer(mut inbound: TcpStream, server_addr: &str) -> Result<(), Box<dyn Error>> {
    let mut outbound = TcpStream::connect(server_addr).await?;

    let (mut ri, mut wi) = inbound.split();
    let (mut ro, mut wo) = outbound.split();

    // Each direction ends with the source's EOF, then passes the EOF on.
    let client_to_server = async {
        io::copy(&mut ri, &mut wo).await?;
        wo.shutdown().await
    };
    let server_to_client = async {
        io::copy(&mut ro, &mut wi).await?;
        wi.shutdown().await
    };

    try_join(client_to_server, server_to_client).await?;
    Ok(())
}
