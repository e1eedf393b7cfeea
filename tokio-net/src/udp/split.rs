//! `UdpSocket::split`: two `Arc`s of one socket, reunitable.

use super::UdpSocket;
use crate::errors;
use crate::loom::sync::Arc;
use std::error::Error;
use std::fmt;
use std::io;
use std::net::SocketAddr;

/// The receive half of a [`UdpSocket`] (from [`UdpSocket::split`]).
#[derive(Debug)]
pub struct RecvHalf(Arc<UdpSocket>);

/// The send half of a [`UdpSocket`] (from [`UdpSocket::split`]).
#[derive(Debug)]
pub struct SendHalf(Arc<UdpSocket>);

/// The halves passed to `reunite` came from different sockets.
#[derive(Debug)]
pub struct ReuniteError(pub SendHalf, pub RecvHalf);

pub(crate) fn split(socket: UdpSocket) -> (RecvHalf, SendHalf) {
    let shared = Arc::new(socket);
    (RecvHalf(shared.clone()), SendHalf(shared))
}

fn reunite(send: SendHalf, recv: RecvHalf) -> Result<UdpSocket, ReuniteError> {
    if !Arc::ptr_eq(&send.0, &recv.0) {
        return Err(ReuniteError(send, recv));
    }
    drop(send);
    match Arc::try_unwrap(recv.0) {
        Ok(socket) => Ok(socket),
        Err(_) => unreachable!("both halves of the pair were consumed"),
    }
}

impl RecvHalf {
    /// Puts the socket back together; fails when `other` belongs to another socket.
    pub fn reunite(self, other: SendHalf) -> Result<UdpSocket, ReuniteError> {
        reunite(other, self)
    }

    /// Receives one datagram and its source address.
    pub async fn recv_from(&mut self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.0.recv_from(buf).await
    }

    /// Receives one datagram on a connected socket.
    pub async fn recv(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.recv(buf).await
    }
}

impl SendHalf {
    /// Puts the socket back together; fails when `other` belongs to another socket.
    pub fn reunite(self, other: RecvHalf) -> Result<UdpSocket, ReuniteError> {
        reunite(self, other)
    }

    /// Sends one datagram to `target`.
    pub async fn send_to(&mut self, buf: &[u8], target: &SocketAddr) -> io::Result<usize> {
        self.0.send_to(buf, target).await
    }

    /// Sends one datagram on a connected socket.
    pub async fn send(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.send(buf).await
    }
}

impl AsRef<UdpSocket> for RecvHalf {
    fn as_ref(&self) -> &UdpSocket {
        &self.0
    }
}

impl AsRef<UdpSocket> for SendHalf {
    fn as_ref(&self) -> &UdpSocket {
        &self.0
    }
}

impl fmt::Display for ReuniteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        errors::fmt_reunite(f)
    }
}

impl Error for ReuniteError {}
