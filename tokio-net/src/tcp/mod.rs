//! TCP: [`TcpListener`], [`TcpStream`] and the stream's split halves.

mod incoming;
mod listener;
mod split;
mod split_owned;
mod stream;

pub use self::incoming::Incoming;
pub use self::listener::TcpListener;
pub use self::split::{ReadHalf, WriteHalf};
pub use self::split_owned::{OwnedReadHalf, OwnedWriteHalf, ReuniteError};
pub use self::stream::TcpStream;
