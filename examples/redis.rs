//! An in-memory key-value server speaking the Redis protocol (RESP) for PING, ECHO, GET,
//! SET, DEL and INCR, with pipelined requests and inline commands, so that the stock
//! `redis-cli` and `redis-benchmark` (Debian's `redis-tools`) can drive it.
//!
//! Try it:
//!
//!     cargo run --release --example redis [127.0.0.1:6379]
//!     redis-cli -p 6379 set hello world
//!     redis-cli -p 6379 get hello
//!     redis-benchmark -p 6379 -t ping,set,get,incr -n 100000 -P 16 -q
//!
//! Also answered, so those tools start cleanly: `COMMAND` (an empty list), `CONFIG GET`
//! (an empty value), `SELECT` and `QUIT`. The first line printed is the bound address
//! (pass `127.0.0.1:0` for a free port). `bash ci/load` runs the redis-benchmark figure.

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::collections::HashMap;
use std::error::Error;
use std::sync::{Arc, Mutex};

use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;

type Db = Arc<Mutex<HashMap<Vec<u8>, Vec<u8>>>>;

/// Largest request (one command with its arguments) accepted.
const MAX_REQUEST: usize = 64 * 1024 * 1024;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:6379".to_string());
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

/// Reads, runs every complete command in the buffer (pipelining), writes all replies at
/// once, until the client closes or sends QUIT.
async fn serve(db: Db, mut socket: TcpStream) -> io::Result<()> {
    socket.set_nodelay(true)?;
    let mut buf: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut out: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);

        let mut consumed = 0;
        let mut quit = false;
        while !quit {
            match parse(&buf[consumed..]) {
                Ok(Some((args, len))) => {
                    consumed += len;
                    if !args.is_empty() {
                        quit = execute(&db, &args, &mut out);
                    }
                }
                Ok(None) if buf.len() - consumed > MAX_REQUEST => {
                    out.extend_from_slice(b"-ERR request too large\r\n");
                    quit = true;
                }
                Ok(None) => break,
                Err(why) => {
                    out.extend_from_slice(format!("-ERR Protocol error: {}\r\n", why).as_bytes());
                    quit = true;
                }
            }
        }
        buf.drain(..consumed);
        if !out.is_empty() {
            socket.write_all(&out).await?;
            out.clear();
        }
        if quit {
            return Ok(());
        }
    }
}

/// Finds the `\r\n`-terminated line at the start of `buf`; returns it and the bytes used.
fn line(buf: &[u8]) -> Option<(&[u8], usize)> {
    let i = buf.iter().position(|&b| b == b'\n')?;
    let end = if i > 0 && buf[i - 1] == b'\r' {
        i - 1
    } else {
        i
    };
    Some((&buf[..end], i + 1))
}

fn number(s: &[u8]) -> Result<i64, &'static str> {
    std::str::from_utf8(s)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or("invalid length")
}

/// Parses one command: a RESP array of bulk strings, or an inline command line.
/// `Ok(None)` means more bytes are needed.
#[allow(clippy::type_complexity)]
fn parse(buf: &[u8]) -> Result<Option<(Vec<Vec<u8>>, usize)>, &'static str> {
    if buf.is_empty() {
        return Ok(None);
    }
    if buf[0] != b'*' {
        // Inline command: space-separated words on one line.
        return Ok(line(buf).map(|(l, used)| {
            let args = l
                .split(|b| b.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .map(|w| w.to_vec())
                .collect();
            (args, used)
        }));
    }
    let (head, mut pos) = match line(buf) {
        Some(x) => x,
        None => return Ok(None),
    };
    let count = number(&head[1..])?;
    if !(0..=1024 * 1024).contains(&count) {
        return Err("invalid multibulk length");
    }
    let mut args = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (head, used) = match line(&buf[pos..]) {
            Some(x) => x,
            None => return Ok(None),
        };
        if head.first() != Some(&b'$') {
            return Err("expected '$'");
        }
        let len = number(&head[1..])?;
        if !(0..=MAX_REQUEST as i64).contains(&len) {
            return Err("invalid bulk length");
        }
        let start = pos + used;
        let end = start + len as usize;
        if buf.len() < end + 2 {
            return Ok(None);
        }
        if &buf[end..end + 2] != b"\r\n" {
            return Err("bulk string not terminated by CRLF");
        }
        args.push(buf[start..end].to_vec());
        pos = end + 2;
    }
    Ok(Some((args, pos)))
}

fn bulk(out: &mut Vec<u8>, v: &[u8]) {
    out.extend_from_slice(format!("${}\r\n", v.len()).as_bytes());
    out.extend_from_slice(v);
    out.extend_from_slice(b"\r\n");
}

fn wrong_args(out: &mut Vec<u8>, cmd: &str) {
    out.extend_from_slice(
        format!(
            "-ERR wrong number of arguments for '{}' command\r\n",
            cmd.to_lowercase()
        )
        .as_bytes(),
    );
}

/// Runs one command, appending its reply to `out`. Returns true when the client asked to
/// close the connection.
fn execute(db: &Db, args: &[Vec<u8>], out: &mut Vec<u8>) -> bool {
    let cmd = String::from_utf8_lossy(&args[0]).to_ascii_uppercase();
    let n = args.len();
    match (cmd.as_str(), n) {
        ("PING", 1) => out.extend_from_slice(b"+PONG\r\n"),
        ("PING", 2) | ("ECHO", 2) => bulk(out, &args[1]),
        ("GET", 2) => match db.lock().unwrap().get(&args[1]) {
            Some(v) => bulk(out, v),
            None => out.extend_from_slice(b"$-1\r\n"),
        },
        // Options after the value (EX, PX, NX, ...) are accepted and ignored.
        ("SET", n) if n >= 3 => {
            db.lock().unwrap().insert(args[1].clone(), args[2].clone());
            out.extend_from_slice(b"+OK\r\n");
        }
        ("DEL", n) if n >= 2 => {
            let mut db = db.lock().unwrap();
            let removed = args[1..].iter().filter(|k| db.remove(*k).is_some()).count();
            out.extend_from_slice(format!(":{}\r\n", removed).as_bytes());
        }
        ("INCR", 2) => {
            let mut db = db.lock().unwrap();
            let current = match db.get(&args[1]) {
                None => Some(0i64),
                Some(v) => std::str::from_utf8(v).ok().and_then(|s| s.parse().ok()),
            };
            match current.and_then(|c| c.checked_add(1)) {
                Some(next) => {
                    db.insert(args[1].clone(), next.to_string().into_bytes());
                    out.extend_from_slice(format!(":{}\r\n", next).as_bytes());
                }
                None => out.extend_from_slice(b"-ERR value is not an integer or out of range\r\n"),
            }
        }
        ("COMMAND", _) => out.extend_from_slice(b"*0\r\n"),
        ("CONFIG", 3) if args[1].eq_ignore_ascii_case(b"GET") => {
            out.extend_from_slice(b"*2\r\n");
            bulk(out, &args[2]);
            bulk(out, b"");
        }
        ("SELECT", 2) => out.extend_from_slice(b"+OK\r\n"),
        ("QUIT", _) => {
            out.extend_from_slice(b"+OK\r\n");
            return true;
        }
        ("PING", _)
        | ("ECHO", _)
        | ("GET", _)
        | ("SET", _)
        | ("DEL", _)
        | ("INCR", _)
        | ("SELECT", _) => wrong_args(out, &cmd),
        _ => out.extend_from_slice(
            format!(
                "-ERR unknown command '{}'\r\n",
                String::from_utf8_lossy(&args[0])
            )
            .as_bytes(),
        ),
    }
    false
}
