//! [`UnixDatagram`] and its halves.

mod socket;
mod split;
mod split_owned;

pub use self::socket::UnixDatagram;
pub use self::split::{RecvHalf, SendHalf};
pub use self::split_owned::{OwnedRecvHalf, OwnedSendHalf, ReuniteError};
