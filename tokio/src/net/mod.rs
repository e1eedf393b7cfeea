//! TCP, UDP and Unix sockets bound to the current runtime's reactor.
//!
//! Every type here binds **eagerly** to the reactor of the runtime it is created in:
//! synchronous constructors (`from_std`, `TryFrom`, `UnixListener::bind`,
//! `UnixStream::pair`, ...) panic outside a runtime, and the `async` ones (`bind`,
//! `connect`) panic on their first poll, with a message that contains
//! `no current reactor` and says how to fix it.
//!
//! ```no_run
//! use tokio::net::TcpListener;
//! use tokio::prelude::*;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let mut listener = TcpListener::bind("127.0.0.1:8080").await?;
//! let (mut socket, _) = listener.accept().await?;
//! # let _ = &mut socket;
//! # Ok(()) }
//! ```

#[cfg(any(feature = "io-driver", feature = "dns"))]
pub use tokio_net::ToSocketAddrs;

#[cfg(not(any(feature = "io-driver", feature = "dns")))]
mod addr {
    /// Types that convert to socket addresses (sealed; the networking features use it).
    pub trait ToSocketAddrs: sealed::Sealed {}

    mod sealed {
        pub trait Sealed {}
    }

    macro_rules! impls {
        ($($t:ty),*) => {$(
            impl ToSocketAddrs for $t {}
            impl sealed::Sealed for $t {}
        )*};
    }

    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
    impls!(
        SocketAddr,
        SocketAddrV4,
        SocketAddrV6,
        (IpAddr, u16),
        (Ipv4Addr, u16),
        (Ipv6Addr, u16),
        &[SocketAddr]
    );
    impl<T: ToSocketAddrs + ?Sized> ToSocketAddrs for &T {}
    impl<T: ToSocketAddrs + ?Sized> sealed::Sealed for &T {}
}

#[cfg(not(any(feature = "io-driver", feature = "dns")))]
pub use addr::ToSocketAddrs;

cfg_dns! {
    pub use tokio_net::lookup_host;
}

cfg_tcp! {
    pub mod tcp {
        //! TCP helper types: the listener's connection stream and the stream's halves.
        pub use tokio_net::tcp::{
            Incoming, OwnedReadHalf, OwnedWriteHalf, ReadHalf, ReuniteError, WriteHalf,
        };
    }
    pub use tokio_net::tcp::{TcpListener, TcpStream};
}

cfg_udp! {
    pub mod udp {
        //! The halves of a split [`UdpSocket`](super::UdpSocket).
        pub use tokio_net::udp::{RecvHalf, ReuniteError, SendHalf};
    }
    pub use tokio_net::udp::UdpSocket;
}

cfg_uds! {
    pub mod unix {
        //! Unix socket helper types: connection stream, stream halves, peer credentials.
        pub use tokio_net::unix::{
            Incoming, OwnedReadHalf, OwnedWriteHalf, ReadHalf, ReuniteError, UCred, WriteHalf,
        };

        pub mod datagram {
            //! The halves of a split [`UnixDatagram`](crate::net::UnixDatagram).
            pub use tokio_net::unix::datagram::{
                OwnedRecvHalf, OwnedSendHalf, RecvHalf, ReuniteError, SendHalf,
            };
        }
    }
    pub use tokio_net::unix::{UnixDatagram, UnixListener, UnixStream};
}
