//! Connects stdin and stdout to a TCP or UDP peer, like a small `nc`.
//!
//! Try it against the echo server (`cargo run --example echo`):
//!
//!     cargo run --example connect 127.0.0.1:8080
//!
//! then type lines: they come back. With `--udp` it speaks UDP instead, one datagram per
//! chunk read from stdin (try it against `cargo run --example echo-udp`):
//!
//!     cargo run --example connect -- --udp 127.0.0.1:8080
//!
//! In TCP mode, end of input shuts down the sending side and the program exits once the
//! peer closes its side; in UDP mode it exits at end of input after a short grace period
//! for the last replies.

use std::error::Error;
use std::net::SocketAddr;
use std::time::Duration;

use futures::future::try_join;
use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let udp = match args.iter().position(|a| a == "--udp") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    let addr: SocketAddr = args.first().ok_or("usage: connect [--udp] ADDR")?.parse()?;

    if udp {
        udp_mode(addr).await
    } else {
        tcp_mode(addr).await
    }
}

async fn tcp_mode(addr: SocketAddr) -> Result<(), Box<dyn Error>> {
    let mut stream = TcpStream::connect(&addr).await?;
    let (mut from_peer, mut to_peer) = stream.split();

    let upload = async {
        io::copy(&mut io::stdin(), &mut to_peer).await?;
        // End of input: tell the peer we are done sending.
        to_peer.shutdown().await?;
        Ok::<_, io::Error>(())
    };
    let download = async {
        let mut stdout = io::stdout();
        io::copy(&mut from_peer, &mut stdout).await?;
        stdout.flush().await?;
        Ok::<_, io::Error>(())
    };
    try_join(upload, download).await?;
    Ok(())
}

async fn udp_mode(addr: SocketAddr) -> Result<(), Box<dyn Error>> {
    let local = if addr.is_ipv4() {
        "0.0.0.0:0"
    } else {
        "[::]:0"
    };
    let socket = UdpSocket::bind(local).await?;
    socket.connect(&addr).await?;
    let (mut rx, mut tx) = socket.split();

    let upload = async move {
        let mut stdin = io::stdin();
        let mut buf = vec![0u8; 8192];
        loop {
            let n = stdin.read(&mut buf).await?;
            if n == 0 {
                return Ok::<_, io::Error>(());
            }
            tx.send(&buf[..n]).await?;
        }
    };
    let download = async move {
        let mut stdout = io::stdout();
        let mut buf = vec![0u8; 65536];
        loop {
            let n = rx.recv(&mut buf).await?;
            stdout.write_all(&buf[..n]).await?;
            stdout.flush().await?;
        }
        #[allow(unreachable_code)]
        Ok::<(), io::Error>(())
    };
    let download = tokio::spawn(download);
    upload.await?;
    // Give the last replies a moment to arrive, then stop.
    tokio::time::delay_for(Duration::from_millis(300)).await;
    drop(download);
    Ok(())
}
