//! Borrowed halves of a [`UnixDatagram`].

use super::UnixDatagram;
use std::io;
use std::os::unix::net::SocketAddr;
use std::path::Path;

/// The receive half of a [`UnixDatagram`] borrowed by [`UnixDatagram::split`].
#[derive(Debug)]
pub struct RecvHalf<'a>(&'a UnixDatagram);

/// The send half of a [`UnixDatagram`] borrowed by [`UnixDatagram::split`].
#[derive(Debug)]
pub struct SendHalf<'a>(&'a UnixDatagram);

pub(crate) fn split(socket: &mut UnixDatagram) -> (RecvHalf<'_>, SendHalf<'_>) {
    (RecvHalf(socket), SendHalf(socket))
}

impl RecvHalf<'_> {
    /// Receives one datagram and the sender's address.
    pub async fn recv_from(&mut self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.0.recv_from(buf).await
    }

    /// Receives one datagram on a connected socket.
    pub async fn recv(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.recv(buf).await
    }
}

impl SendHalf<'_> {
    /// Sends one datagram to `target`.
    pub async fn send_to<P: AsRef<Path> + Unpin>(
        &mut self,
        buf: &[u8],
        target: P,
    ) -> io::Result<usize> {
        self.0.send_to(buf, target).await
    }

    /// Sends one datagram on a connected socket.
    pub async fn send(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.send(buf).await
    }
}

impl AsRef<UnixDatagram> for RecvHalf<'_> {
    fn as_ref(&self) -> &UnixDatagram {
        self.0
    }
}

impl AsRef<UnixDatagram> for SendHalf<'_> {
    fn as_ref(&self) -> &UnixDatagram {
        self.0
    }
}
