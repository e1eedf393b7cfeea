//! Owned halves of a [`UnixDatagram`]: two `Arc`s of one socket. Dropping the send half
//! shuts down the write direction unless `forget` is used.

use super::UnixDatagram;
use crate::errors;
use crate::loom::sync::Arc;
use std::error::Error;
use std::fmt;
use std::io;
use std::net::Shutdown;
use std::os::unix::net::SocketAddr;
use std::path::Path;

/// The owned receive half of a [`UnixDatagram`].
#[derive(Debug)]
pub struct OwnedRecvHalf {
    inner: Arc<UnixDatagram>,
}

/// The owned send half of a [`UnixDatagram`].
#[derive(Debug)]
pub struct OwnedSendHalf {
    inner: Arc<UnixDatagram>,
    shutdown_on_drop: bool,
}

/// The halves passed to `reunite` came from different sockets.
#[derive(Debug)]
pub struct ReuniteError(pub OwnedSendHalf, pub OwnedRecvHalf);

pub(crate) fn split_owned(socket: UnixDatagram) -> (OwnedRecvHalf, OwnedSendHalf) {
    let inner = Arc::new(socket);
    (
        OwnedRecvHalf {
            inner: inner.clone(),
        },
        OwnedSendHalf {
            inner,
            shutdown_on_drop: true,
        },
    )
}

fn reunite(recv: OwnedRecvHalf, mut send: OwnedSendHalf) -> Result<UnixDatagram, ReuniteError> {
    if !Arc::ptr_eq(&recv.inner, &send.inner) {
        return Err(ReuniteError(send, recv));
    }
    send.shutdown_on_drop = false;
    drop(send);
    match Arc::try_unwrap(recv.inner) {
        Ok(socket) => Ok(socket),
        Err(_) => unreachable!("both halves of the pair were consumed"),
    }
}

impl OwnedRecvHalf {
    /// Puts the socket back together; fails when `other` belongs to another socket.
    pub fn reunite(self, other: OwnedSendHalf) -> Result<UnixDatagram, ReuniteError> {
        reunite(self, other)
    }

    /// Receives one datagram and the sender's address.
    pub async fn recv_from(&mut self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.inner.recv_from(buf).await
    }

    /// Receives one datagram on a connected socket.
    pub async fn recv(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.recv(buf).await
    }
}

impl OwnedSendHalf {
    /// Puts the socket back together; fails when `other` belongs to another socket.
    pub fn reunite(self, other: OwnedRecvHalf) -> Result<UnixDatagram, ReuniteError> {
        reunite(other, self)
    }

    /// Sends one datagram to `target`.
    pub async fn send_to<P: AsRef<Path> + Unpin>(
        &mut self,
        buf: &[u8],
        target: P,
    ) -> io::Result<usize> {
        self.inner.send_to(buf, target).await
    }

    /// Sends one datagram on a connected socket.
    pub async fn send(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.send(buf).await
    }

    /// Drops the half without shutting down the write direction.
    pub fn forget(mut self) {
        self.shutdown_on_drop = false;
    }
}

impl Drop for OwnedSendHalf {
    fn drop(&mut self) {
        if self.shutdown_on_drop {
            let _ = self.inner.shutdown(Shutdown::Write);
        }
    }
}

impl AsRef<UnixDatagram> for OwnedRecvHalf {
    fn as_ref(&self) -> &UnixDatagram {
        &self.inner
    }
}

impl AsRef<UnixDatagram> for OwnedSendHalf {
    fn as_ref(&self) -> &UnixDatagram {
        &self.inner
    }
}

impl fmt::Display for ReuniteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        errors::fmt_reunite(f)
    }
}

impl Error for ReuniteError {}
