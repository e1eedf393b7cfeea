//! A tiny in-memory key-value server speaking a line protocol.
//!
//! Try it:
//!
//!     cargo run --example tinydb [127.0.0.1:8080]
//!
//! then `nc 127.0.0.1 8080` and type commands, one per line:
//!
//! | request         | reply                              |
//! |-----------------|------------------------------------|
//! | `SET key value` | `OK` (the value is the rest of the line, spaces included) |
//! | `GET key`       | `VALUE value`, or `NONE`           |
//! | `DEL key`       | `DELETED`, or `NONE`               |
//! | anything else   | `ERROR <reason>`                   |
//!
//! The database is shared by every connection. The first line printed is the bound address
//! (pass `127.0.0.1:0` for a free port).

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::collections::HashMap;
use std::error::Error;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

type Db = Arc<Mutex<HashMap<String, String>>>;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let mut listener = TcpListener::bind(&addr).await?;
    println!("{}", listener.local_addr()?);

    let db: Db = Arc::new(Mutex::new(HashMap::new()));
    loop {
        let (socket, _) = listener.accept().await?;
        let db = db.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(db, socket).await {
                eprintln!("connection error: {:?}", e);
            }
        });
    }
}

async fn serve(db: Db, socket: TcpStream) -> std::io::Result<()> {
    let (read_half, mut write_half) = socket.into_split();
    let mut lines = BufReader::new(read_half).lines();
    while let Some(line) = lines.next_line().await? {
        let mut reply = handle(&db, &line);
        reply.push('\n');
        write_half.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

/// Runs one command against the database and returns the reply line (without newline).
fn handle(db: &Db, line: &str) -> String {
    let line = line.trim_end_matches('\r');
    let (command, rest) = match line.find(' ') {
        Some(i) => (&line[..i], &line[i + 1..]),
        None => (line, ""),
    };
    let mut db = db.lock().unwrap();
    match command.to_ascii_uppercase().as_str() {
        "GET" if !rest.is_empty() => match db.get(rest) {
            Some(value) => format!("VALUE {}", value),
            None => "NONE".to_string(),
        },
        "SET" => match rest.find(' ') {
            Some(i) => {
                db.insert(rest[..i].to_string(), rest[i + 1..].to_string());
                "OK".to_string()
            }
            None => "ERROR usage: SET key value".to_string(),
        },
        "DEL" if !rest.is_empty() => match db.remove(rest) {
            Some(_) => "DELETED".to_string(),
            None => "NONE".to_string(),
        },
        "GET" | "DEL" => format!("ERROR usage: {} key", command.to_ascii_uppercase()),
        _ => format!("ERROR unknown command {:?}", command),
    }
}
