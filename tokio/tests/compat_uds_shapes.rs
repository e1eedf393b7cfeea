//! tokio 0.2.25 compatibility: shapes of 0.2.25's uds_split.rs / uds_datagram.rs tests.
#![cfg(unix)]
#![allow(unused_mut, clippy::unnecessary_mut_passed)]

use std::io;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{UnixDatagram, UnixStream};

async fn send_recv_all(
    read: &mut (dyn AsyncRead + Unpin),
    write: &mut (dyn AsyncWrite + Unpin),
    input: &[u8],
) -> std::io::Result<Vec<u8>> {
    write.write_all(input).await?;
    write.shutdown().await?;
    let mut output = Vec::new();
    read.read_to_end(&mut output).await?;
    Ok(output)
}

#[tokio::test]
async fn split() -> std::io::Result<()> {
    let (mut a, mut b) = UnixStream::pair()?;
    let (mut a_read, mut a_write) = a.split();
    let (mut b_read, mut b_write) = b.split();
    let (a_response, b_response) = futures::future::try_join(
        send_recv_all(&mut a_read, &mut a_write, b"A"),
        send_recv_all(&mut b_read, &mut b_write, b"B"),
    )
    .await?;
    assert_eq!(a_response, b"B");
    assert_eq!(b_response, b"A");
    Ok(())
}

#[tokio::test]
async fn tcp_split_via_dyn() -> std::io::Result<()> {
    let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = l.local_addr()?;
    let (mut a, (mut b, _)) =
        futures::future::try_join(tokio::net::TcpStream::connect(addr), l.accept()).await?;
    let (mut a_read, mut a_write) = a.split();
    let (mut b_read, mut b_write) = b.split();
    let (a_response, b_response) = futures::future::try_join(
        send_recv_all(&mut a_read, &mut a_write, b"A"),
        send_recv_all(&mut b_read, &mut b_write, b"B"),
    )
    .await?;
    assert_eq!(a_response, b"B");
    assert_eq!(b_response, b"A");
    Ok(())
}

#[tokio::test]
async fn try_send_recv_never_block() -> io::Result<()> {
    let mut recv_buf = [0u8; 16];
    let payload = b"PAYLOAD";
    let mut count = 0;
    let (mut dgram1, mut dgram2) = UnixDatagram::pair()?;
    // Send until we hit the OS `net.unix.max_dgram_qlen`.
    loop {
        match dgram1.try_send(payload) {
            Err(err) => match err.kind() {
                io::ErrorKind::WouldBlock | io::ErrorKind::Other => break,
                _ => unreachable!("unexpected error {:?}", err),
            },
            Ok(len) => {
                assert_eq!(len, payload.len());
            }
        }
        count += 1;
    }
    // Read every dgram we sent.
    while count > 0 {
        let len = dgram2.try_recv(&mut recv_buf[..])?;
        assert_eq!(len, payload.len());
        assert_eq!(payload, &recv_buf[..len]);
        count -= 1;
    }
    let err = dgram2.try_recv(&mut recv_buf[..]).unwrap_err();
    match err.kind() {
        io::ErrorKind::WouldBlock => (),
        _ => unreachable!("unexpected error {:?}", err),
    }
    Ok(())
}

#[tokio::test]
async fn datagram_split_halves_try_join() -> io::Result<()> {
    let (mut a, mut b) = UnixDatagram::pair()?;
    let (mut a_recv, mut a_send) = a.split();
    let (mut b_recv, mut b_send) = b.split();
    let mut buf_a = [0u8; 8];
    let mut buf_b = [0u8; 8];
    let (n1, n2, _, _) = futures::future::try_join4(
        a_recv.recv(&mut buf_a),
        b_recv.recv(&mut buf_b),
        a_send.send(b"to-b"),
        b_send.send(b"to-a"),
    )
    .await?;
    assert_eq!(&buf_a[..n1], b"to-a");
    assert_eq!(&buf_b[..n2], b"to-b");
    Ok(())
}

#[tokio::test]
async fn datagram_owned_halves_across_tasks() -> io::Result<()> {
    let (a, mut b) = UnixDatagram::pair()?;
    let (mut recv, mut send) = a.into_split();
    let h = tokio::spawn(async move {
        send.send(b"owned").await.unwrap();
        send
    });
    let mut buf = [0u8; 8];
    let n = b.recv(&mut buf).await?;
    assert_eq!(&buf[..n], b"owned");
    b.send(b"reply").await?;
    let n = recv.recv(&mut buf).await?;
    assert_eq!(&buf[..n], b"reply");
    let send = h.await.unwrap();
    let _a = recv.reunite(send).unwrap();
    Ok(())
}

#[tokio::test]
async fn unix_stream_connect_missing_path_is_error() {
    let err = UnixStream::connect("/nonexistent/compat.sock")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
}
