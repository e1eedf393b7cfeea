//! A tiny HTTP/1.1 server with keep-alive and pipelining, answering `/plaintext` and
//! `/json` (the TechEmpower shapes), good enough for `curl` and a load tool such as `wrk`.
//!
//! Try it:
//!
//!     cargo run --release --example tinyhttp [127.0.0.1:8080]
//!     curl -i http://127.0.0.1:8080/plaintext
//!     curl -i http://127.0.0.1:8080/json
//!     wrk -t2 -c64 -d5s http://127.0.0.1:8080/plaintext
//!
//! Any other path gets `404 Not Found`. The first line printed is the bound address (pass
//! `127.0.0.1:0` for a free port). `bash ci/load` runs the wrk figure for you.

// tokio 0.2.25 takes `&mut self` in `accept` / `recv_from` / `send_to`, this workspace takes
// `&self` (tokio 1.x's superset form), so the `let mut` that 0.2 needs is unused here.
#![allow(unused_mut)]

use std::error::Error;

use tokio::net::{TcpListener, TcpStream};
use tokio::prelude::*;

/// Largest request head accepted; a longer one gets `431` and the connection is closed.
const MAX_HEAD: usize = 16 * 1024;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let mut listener = TcpListener::bind(&addr).await?;
    println!("{}", listener.local_addr()?);

    loop {
        let (socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            if let Err(e) = serve(socket).await {
                eprintln!("connection error: {}", e);
            }
        });
    }
}

/// One parsed request: what the response depends on.
struct Request {
    path: String,
    keep_alive: bool,
    /// Bytes of head and body together, to drop from the buffer.
    len: usize,
}

enum Parsed {
    Complete(Request),
    Partial,
    Invalid(&'static str),
}

/// Serves one connection: reads, answers every complete (possibly pipelined) request in the
/// buffer with one write, until the client closes or asks to close.
async fn serve(mut socket: TcpStream) -> io::Result<()> {
    socket.set_nodelay(true)?;
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut out: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = vec![0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);

        let mut consumed = 0;
        let mut close = false;
        while !close {
            match parse(&buf[consumed..]) {
                Parsed::Complete(req) => {
                    consumed += req.len;
                    respond(&req, &mut out);
                    close = !req.keep_alive;
                }
                Parsed::Partial if buf.len() - consumed > MAX_HEAD => {
                    error(&mut out, "431 Request Header Fields Too Large");
                    close = true;
                }
                Parsed::Partial => break,
                Parsed::Invalid(why) => {
                    error(&mut out, why);
                    close = true;
                }
            }
        }
        buf.drain(..consumed);
        if !out.is_empty() {
            socket.write_all(&out).await?;
            out.clear();
        }
        if close {
            return Ok(());
        }
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

fn parse(buf: &[u8]) -> Parsed {
    let head_len = match find_head_end(buf) {
        Some(n) => n,
        None => return Parsed::Partial,
    };
    let head = match std::str::from_utf8(&buf[..head_len]) {
        Ok(h) => h,
        Err(_) => return Parsed::Invalid("400 Bad Request"),
    };
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or("").split(' ');
    // The method does not matter: every path answers the same to any method.
    let (path, version) = match (
        request_line.next(),
        request_line.next(),
        request_line.next(),
    ) {
        (Some(m), Some(p), Some(v)) if !m.is_empty() => (p, v),
        _ => return Parsed::Invalid("400 Bad Request"),
    };
    // HTTP/1.1 keeps the connection by default, HTTP/1.0 closes it by default.
    let mut keep_alive = version == "HTTP/1.1";
    let mut body = 0usize;
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = match line.find(':') {
            Some(i) => (&line[..i], line[i + 1..].trim()),
            None => return Parsed::Invalid("400 Bad Request"),
        };
        if name.eq_ignore_ascii_case("connection") {
            if value.eq_ignore_ascii_case("close") {
                keep_alive = false;
            } else if value.eq_ignore_ascii_case("keep-alive") {
                keep_alive = true;
            }
        } else if name.eq_ignore_ascii_case("content-length") {
            body = match value.parse() {
                Ok(n) => n,
                Err(_) => return Parsed::Invalid("400 Bad Request"),
            };
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            return Parsed::Invalid("501 Not Implemented");
        }
    }
    if buf.len() < head_len + body {
        return Parsed::Partial;
    }
    let path = path.split('?').next().unwrap_or("").to_string();
    Parsed::Complete(Request {
        path,
        keep_alive,
        len: head_len + body,
    })
}

fn respond(req: &Request, out: &mut Vec<u8>) {
    let (status, content_type, body): (&str, &str, &[u8]) = match req.path.as_str() {
        "/plaintext" => ("200 OK", "text/plain", b"Hello, World!"),
        "/json" => (
            "200 OK",
            "application/json",
            br#"{"message":"Hello, World!"}"#,
        ),
        _ => ("404 Not Found", "text/plain", b"Not Found"),
    };
    let connection = if req.keep_alive {
        "keep-alive"
    } else {
        "close"
    };
    out.extend_from_slice(
        format!(
            "HTTP/1.1 {}\r\nServer: tinyhttp\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n",
            status,
            content_type,
            body.len(),
            connection
        )
        .as_bytes(),
    );
    out.extend_from_slice(body);
}

fn error(out: &mut Vec<u8>, status: &str) {
    out.extend_from_slice(
        format!(
            "HTTP/1.1 {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            status
        )
        .as_bytes(),
    );
}
