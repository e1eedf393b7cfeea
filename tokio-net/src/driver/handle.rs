//! The reactor handle and the thread-local current reactor.
//!
//! `CURRENT_REACTOR` holds the handle that new resources bind to. A runtime sets it on
//! every thread that runs its code with [`set_default`]; the returned guard restores
//! the *previous* value on drop, so nested runtimes and `Handle::enter` compose. Only
//! `Registration::new` reads it (through the crate-private `Handle::current`).

use super::reactor::Inner;
use crate::loom::sync::Arc;
use std::cell::RefCell;
use std::fmt;

/// A handle to a [`Reactor`](super::Reactor): what new resources bind to.
///
/// Cheap to clone, `Send` and `Sync`. Keeping a handle does not keep the reactor
/// running: once the reactor shuts down, registering through the handle fails with an
/// `io::Error`.
#[derive(Clone)]
pub struct Handle {
    pub(crate) inner: Arc<Inner>,
}

/// Restores the previous current reactor when dropped (see [`set_default`]).
pub struct DefaultGuard {
    prev: Option<Handle>,
}

thread_local! {
    static CURRENT_REACTOR: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

impl Handle {
    pub(crate) fn new(inner: Arc<Inner>) -> Handle {
        Handle { inner }
    }

    /// The reactor new resources on this thread bind to, if any.
    pub(crate) fn current() -> Option<Handle> {
        CURRENT_REACTOR
            .try_with(|current| current.borrow().clone())
            .ok()
            .flatten()
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle").finish_non_exhaustive()
    }
}

/// Makes `handle` the current reactor of this thread until the guard drops.
///
/// The guard restores whatever was current before, so guards nest.
///
/// ```
/// use tokio_net::driver::{set_default, Reactor};
///
/// let reactor = Reactor::new().unwrap();
/// let _guard = set_default(&reactor.handle());
/// // I/O resources created here bind to `reactor`.
/// let std = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
/// let sock = tokio_net::udp::UdpSocket::from_std(std).unwrap();
/// assert!(sock.local_addr().is_ok());
/// ```
pub fn set_default(handle: &Handle) -> DefaultGuard {
    let prev = CURRENT_REACTOR.with(|current| current.replace(Some(handle.clone())));
    DefaultGuard { prev }
}

impl Drop for DefaultGuard {
    fn drop(&mut self) {
        let prev = self.prev.take();
        // During thread teardown the slot may already be gone; nothing to restore then.
        let _ = CURRENT_REACTOR.try_with(|current| *current.borrow_mut() = prev);
    }
}

impl fmt::Debug for DefaultGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultGuard").finish_non_exhaustive()
    }
}
