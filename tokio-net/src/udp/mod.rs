//! UDP: [`UdpSocket`] and its split halves.

mod socket;
mod split;

pub use self::socket::UdpSocket;
pub use self::split::{RecvHalf, ReuniteError, SendHalf};
