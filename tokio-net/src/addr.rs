//! `ToSocketAddrs`: what `bind`, `connect`, `send_to` and `lookup_host` accept.
//!
//! The trait is sealed: its only method is hidden and its impls are exactly tokio 0.2's.
//! Converting never blocks the caller: literal addresses parse inline; anything else
//! (a host name) is resolved with std's resolver off the async path.

use crate::errors;
use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// Types that can be converted into one or more socket addresses (tokio 0.2's sealed
/// trait: implemented for `SocketAddr`, `SocketAddrV4`, `SocketAddrV6`, `(IpAddr, u16)`,
/// `(Ipv4Addr, u16)`, `(Ipv6Addr, u16)`, `&[SocketAddr]`, `str`, `String`, `(&str, u16)`,
/// `(String, u16)` and references to any of them).
///
/// ```
/// fn takes<A: tokio_net::ToSocketAddrs>(_: A) {}
/// takes("127.0.0.1:8080");
/// takes(("localhost", 80));
/// takes(std::net::SocketAddr::from(([127, 0, 0, 1], 80)));
/// ```
pub trait ToSocketAddrs: sealed::ToSocketAddrsPriv {}

/// The hidden machinery of [`ToSocketAddrs`]; not part of the public API.
pub mod sealed {
    use super::*;

    /// The sealed conversion.
    #[doc(hidden)]
    pub trait ToSocketAddrsPriv {
        /// Starts the conversion (never blocks).
        #[doc(hidden)]
        fn to_socket_addrs(&self) -> Resolve;
    }

    /// A conversion in progress: either done, or a host name to resolve.
    #[doc(hidden)]
    #[derive(Debug)]
    pub enum Resolve {
        /// Already converted.
        Ready(io::Result<OneOrMore>),
        /// A `host:port` string that needs the system resolver.
        Host(String),
        /// A host and port that need the system resolver.
        HostPort(String, u16),
    }

    /// One address (no allocation) or many.
    #[doc(hidden)]
    #[derive(Debug)]
    pub enum OneOrMore {
        /// A single address.
        One(std::option::IntoIter<SocketAddr>),
        /// Several addresses.
        More(std::vec::IntoIter<SocketAddr>),
    }

    impl Iterator for OneOrMore {
        type Item = SocketAddr;
        fn next(&mut self) -> Option<SocketAddr> {
            match self {
                OneOrMore::One(it) => it.next(),
                OneOrMore::More(it) => it.next(),
            }
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            match self {
                OneOrMore::One(it) => it.size_hint(),
                OneOrMore::More(it) => it.size_hint(),
            }
        }
    }
}

use sealed::{OneOrMore, Resolve, ToSocketAddrsPriv};

fn one(addr: SocketAddr) -> Resolve {
    Resolve::Ready(Ok(OneOrMore::One(Some(addr).into_iter())))
}

impl Resolve {
    /// Finishes the conversion, resolving host names off the async path.
    pub(crate) async fn resolve(self) -> io::Result<OneOrMore> {
        match self {
            Resolve::Ready(res) => res,
            Resolve::Host(host) => {
                resolve_blocking(move || std::net::ToSocketAddrs::to_socket_addrs(&host)).await
            }
            Resolve::HostPort(host, port) => {
                resolve_blocking(move || {
                    std::net::ToSocketAddrs::to_socket_addrs(&(host.as_str(), port))
                })
                .await
            }
        }
    }
}

/// Runs the system resolver on the current runtime's blocking pool.
///
/// # Panics
///
/// Outside a runtime: "not currently running on a Tokio 0.2.x runtime." (as 0.2 did).
async fn resolve_blocking<F>(f: F) -> io::Result<OneOrMore>
where
    F: FnOnce() -> io::Result<std::vec::IntoIter<SocketAddr>> + Send + 'static,
{
    match tokio_executor::blocking::spawn_blocking(f).await {
        Ok(res) => res.map(OneOrMore::More),
        Err(join_err) => Err(io::Error::other(join_err.to_string())),
    }
}

/// Resolves the first address of `addr`, or fails with `err` when there is none.
pub(crate) async fn first_addr<A: ToSocketAddrs>(
    addr: A,
    err: fn() -> io::Error,
) -> io::Result<SocketAddr> {
    let resolve = addr.to_socket_addrs();
    let mut addrs = resolve.resolve().await?;
    addrs.next().ok_or_else(err)
}

/// Tries `f` on each address, returning the first success or the last error
/// (`InvalidInput` "could not resolve to any address" when there were none).
pub(crate) async fn each_addr<T, F, Fut>(resolve: Resolve, mut f: F) -> io::Result<T>
where
    F: FnMut(SocketAddr) -> Fut,
    Fut: Future<Output = io::Result<T>>,
{
    let addrs = resolve.resolve().await?;
    let mut last_err = None;
    for addr in addrs {
        match f(addr).await {
            Ok(v) => return Ok(v),
            Err(e) => last_err = Some(e),
        }
    }
    Err(last_err.unwrap_or_else(errors::no_address))
}

/// Performs a DNS resolution (tokio 0.2's `net::lookup_host`).
///
/// ```
/// # let rt = tokio_net::driver::Reactor::new().unwrap();
/// # let _g = tokio_net::driver::set_default(&rt.handle());
/// # futures::executor::block_on(async {
/// let mut addrs = tokio_net::lookup_host("127.0.0.1:80").await.unwrap();
/// assert_eq!(addrs.next().unwrap().port(), 80);
/// # });
/// ```
pub async fn lookup_host<T: ToSocketAddrs>(
    host: T,
) -> io::Result<impl Iterator<Item = SocketAddr>> {
    host.to_socket_addrs().resolve().await
}

macro_rules! literal {
    ($($ty:ty => |$s:ident| $e:expr;)*) => {$(
        impl ToSocketAddrs for $ty {}
        impl ToSocketAddrsPriv for $ty {
            fn to_socket_addrs(&self) -> Resolve {
                let $s = self;
                one($e)
            }
        }
    )*};
}

literal! {
    SocketAddr => |s| *s;
    SocketAddrV4 => |s| SocketAddr::V4(*s);
    SocketAddrV6 => |s| SocketAddr::V6(*s);
    (IpAddr, u16) => |s| SocketAddr::new(s.0, s.1);
    (Ipv4Addr, u16) => |s| SocketAddr::new(IpAddr::V4(s.0), s.1);
    (Ipv6Addr, u16) => |s| SocketAddr::new(IpAddr::V6(s.0), s.1);
}

impl ToSocketAddrs for &[SocketAddr] {}
impl ToSocketAddrsPriv for &[SocketAddr] {
    fn to_socket_addrs(&self) -> Resolve {
        Resolve::Ready(Ok(OneOrMore::More(Vec::from(*self).into_iter())))
    }
}

impl<T: ToSocketAddrs + ?Sized> ToSocketAddrs for &T {}
impl<T: ToSocketAddrsPriv + ?Sized> ToSocketAddrsPriv for &T {
    fn to_socket_addrs(&self) -> Resolve {
        (**self).to_socket_addrs()
    }
}

impl ToSocketAddrs for str {}
impl ToSocketAddrsPriv for str {
    fn to_socket_addrs(&self) -> Resolve {
        match self.parse::<SocketAddr>() {
            Ok(addr) => one(addr),
            Err(_) => Resolve::Host(self.to_owned()),
        }
    }
}

impl ToSocketAddrs for String {}
impl ToSocketAddrsPriv for String {
    fn to_socket_addrs(&self) -> Resolve {
        self.as_str().to_socket_addrs()
    }
}

impl ToSocketAddrs for (&str, u16) {}
impl ToSocketAddrsPriv for (&str, u16) {
    fn to_socket_addrs(&self) -> Resolve {
        let (host, port) = *self;
        if let Ok(ip) = host.parse::<IpAddr>() {
            return one(SocketAddr::new(ip, port));
        }
        Resolve::HostPort(host.to_owned(), port)
    }
}

impl ToSocketAddrs for (String, u16) {}
impl ToSocketAddrsPriv for (String, u16) {
    fn to_socket_addrs(&self) -> Resolve {
        (self.0.as_str(), self.1).to_socket_addrs()
    }
}
