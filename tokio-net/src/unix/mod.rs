//! Unix domain sockets: [`UnixListener`], [`UnixStream`], [`UnixDatagram`] and their
//! halves.

pub mod datagram;
mod incoming;
mod listener;
mod split;
mod split_owned;
mod stream;
mod ucred;

pub use self::datagram::UnixDatagram;
pub use self::incoming::Incoming;
pub use self::listener::UnixListener;
pub use self::split::{ReadHalf, WriteHalf};
pub use self::split_owned::{OwnedReadHalf, OwnedWriteHalf, ReuniteError};
pub use self::stream::UnixStream;
pub use self::ucred::UCred;
