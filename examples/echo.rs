//! A TCP echo server: everything a client sends is written straight back. This is the
//! seed README's example, unchanged except that the address comes from the command line.
//!
//! Try it:
//!
//!     cargo run --example echo [127.0.0.1:8080]
//!
//! then, in another terminal, `nc 127.0.0.1 8080` (or `cargo run --example connect
//! 127.0.0.1:8080`) and type: each line comes back. The first line the server prints is
//! the address it bound, so `127.0.0.1:0` picks a free port.

// The loop body is the README's, verbatim, `if n == 0` guard included.
#![allow(clippy::redundant_guards)]
// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use tokio::net::TcpListener;
use tokio::prelude::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let mut listener = TcpListener::bind(&addr).await?;
    println!("{}", listener.local_addr()?);

    loop {
        let (mut socket, _) = listener.accept().await?;

        tokio::spawn(async move {
            let mut buf = [0; 1024];

            // In a loop, read data from the socket and write the data back.
            loop {
                let n = match socket.read(&mut buf).await {
                    // socket closed
                    Ok(n) if n == 0 => return,
                    Ok(n) => n,
                    Err(e) => {
                        eprintln!("failed to read from socket; err = {:?}", e);
                        return;
                    }
                };

                // Write the data back
                if let Err(e) = socket.write_all(&buf[0..n]).await {
                    eprintln!("failed to write to socket; err = {:?}", e);
                    return;
                }
            }
        });
    }
}
