//! A line-based chat server: every line a client sends is broadcast to every other client,
//! with joins and leaves announced.
//!
//! Try it:
//!
//!     cargo run --example chat [127.0.0.1:6142]
//!
//! then connect two or more clients (`nc 127.0.0.1 6142`, or `cargo run --example connect
//! 127.0.0.1:6142`). Each client is asked for a name first; after that the others see
//! `NAME has joined the chat`, `NAME: message` for each line, and `NAME has left the chat`.
//! The first line the server prints is the bound address (pass `127.0.0.1:0` for a free
//! port).

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::collections::HashMap;
use std::error::Error;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// Every connected client's outbox, by address.
#[derive(Default)]
struct Shared {
    peers: HashMap<SocketAddr, mpsc::UnboundedSender<String>>,
}

impl Shared {
    /// Sends `line` to every peer except `from`.
    fn broadcast(&self, from: SocketAddr, line: &str) {
        for (addr, tx) in &self.peers {
            if *addr != from {
                // A failed send means that peer is leaving; its own task cleans up.
                let _ = tx.send(line.to_string());
            }
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:6142".to_string());
    let mut listener = TcpListener::bind(&addr).await?;
    println!("{}", listener.local_addr()?);

    let state = Arc::new(Mutex::new(Shared::default()));
    loop {
        let (stream, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = client(state, stream, peer).await {
                eprintln!("{}: error = {:?}", peer, e);
            }
        });
    }
}

async fn client(
    state: Arc<Mutex<Shared>>,
    stream: TcpStream,
    peer: SocketAddr,
) -> Result<(), Box<dyn Error + Send + Sync>> {
    let (read_half, mut write_half) = stream.into_split();
    let mut lines = BufReader::new(read_half).lines();

    write_half
        .write_all(b"Please enter your username:\n")
        .await?;
    let name = match lines.next_line().await? {
        Some(name) => name.trim().to_string(),
        None => return Ok(()),
    };

    // The writer task drains this client's outbox into its socket.
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    let writer = tokio::spawn(async move {
        while let Some(line) = rx.recv().await {
            if write_half.write_all(line.as_bytes()).await.is_err() {
                break;
            }
        }
    });

    {
        let mut state = state.lock().unwrap();
        state.peers.insert(peer, tx);
        state.broadcast(peer, &format!("{} has joined the chat\n", name));
    }
    println!("{} ({}) joined", name, peer);

    let result = async {
        while let Some(line) = lines.next_line().await? {
            let msg = format!("{}: {}\n", name, line);
            state.lock().unwrap().broadcast(peer, &msg);
        }
        Ok::<_, std::io::Error>(())
    }
    .await;

    {
        let mut state = state.lock().unwrap();
        state.peers.remove(&peer);
        state.broadcast(peer, &format!("{} has left the chat\n", name));
    }
    println!("{} ({}) left", name, peer);
    // Removing the outbox ends the writer once it has sent what was queued.
    let _ = writer.await;
    result?;
    Ok(())
}
