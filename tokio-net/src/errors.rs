//! Every message a user of this crate can see when they misuse it, in one place.
//!
//! The first sentence of [`NO_REACTOR`] is tokio 0.2.25's exact text; the rest names the
//! fix. Public constructors are `#[track_caller]` so the panic points at the user's line.

use std::fmt;
use std::io;
use std::panic::Location;

/// Creating an I/O resource with no current reactor on this thread.
pub(crate) const NO_REACTOR: &str = "there is no reactor running, must be called from the \
     context of a Tokio 0.2.x runtime (no current reactor: create the I/O resource inside \
     `#[tokio::main]`, `Runtime::block_on`, a spawned task or `Handle::enter`; if the \
     runtime was built with `Builder`, call `enable_io()` or `enable_all()` on it)";

/// The text of the error every operation returns once its reactor has shut down.
pub(crate) const REACTOR_GONE: &str =
    "the reactor this I/O resource was registered with has shut down (its runtime was dropped)";

/// The text of the error a resource created on a reactor that already shut down gets.
pub(crate) const REACTOR_SHUT_DOWN: &str =
    "cannot register an I/O resource: the current reactor has already shut down";

/// Too many live I/O resources for the token space.
pub(crate) const TOO_MANY_RESOURCES: &str = "reactor at capacity: too many I/O resources";

/// The `Display` text of the `ReuniteError`s.
pub(crate) const REUNITE: &str = "tried to reunite halves that are not from the same socket";

/// No address resolved.
pub(crate) const NO_ADDRESS: &str = "could not resolve to any address";

/// `send_to` with a target that resolved to nothing.
pub(crate) const NO_SEND_ADDRESS: &str = "no addresses to send data to";

/// `PollEvented::poll_read_ready` with `Ready::writable()` in its mask (tokio 0.2.25's text).
pub(crate) const WRITE_IN_READ_MASK: &str = "cannot poll for write readiness";

/// Panics because `poll_read_ready` was asked for write readiness.
#[track_caller]
pub(crate) fn write_in_read_mask() -> ! {
    panic!("{WRITE_IN_READ_MASK} (use `poll_write_ready` to wait for writability)")
}

/// Panics because no reactor is current, naming the user's call site.
#[track_caller]
pub(crate) fn no_reactor(caller: Option<&'static Location<'static>>) -> ! {
    match caller {
        Some(at) => panic!("{NO_REACTOR} [resource created at {at}]"),
        None => panic!("{NO_REACTOR}"),
    }
}

/// The error an operation on a resource of a dead reactor returns (cold: only after
/// shutdown).
#[cold]
pub(crate) fn reactor_gone() -> io::Error {
    io::Error::other(REACTOR_GONE)
}

/// The error a registration on a shut-down reactor returns.
pub(crate) fn reactor_shut_down() -> io::Error {
    io::Error::other(REACTOR_SHUT_DOWN)
}

/// The error when the slab's token space is exhausted.
pub(crate) fn too_many_resources() -> io::Error {
    io::Error::other(TOO_MANY_RESOURCES)
}

/// `InvalidInput` "could not resolve to any address".
pub(crate) fn no_address() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NO_ADDRESS)
}

/// `InvalidInput` "no addresses to send data to".
pub(crate) fn no_send_address() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NO_SEND_ADDRESS)
}

/// `signal()` for a signal that cannot or must not be caught.
#[cfg(not(loom))]
pub(crate) fn forbidden_signal(signum: libc::c_int) -> io::Error {
    io::Error::other(format!("Refusing to register signal {signum}"))
}

/// Writes the reunite text (shared by every `ReuniteError`).
pub(crate) fn fmt_reunite(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(REUNITE)
}
