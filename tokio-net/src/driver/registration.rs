//! `Registration`: a resource's eager binding to one reactor.
//!
//! Plain data: the reactor handle, the resource's token and its slot state. Created
//! bound (there is no unbound state): `new` reads the current reactor and panics when
//! there is none. Dropping it frees the slot; the OS-level deregistration needs the
//! source itself and is done by its owner (`PollEvented` does it on drop).

use super::handle::Handle;
use super::ready::{Direction, Ready};
use super::scheduled_io::{ReadyEvent, ScheduledIo};
use crate::errors;
use crate::loom::sync::Arc;
use mio::event::Source;
use mio::{Interest, Token};
use std::fmt;
use std::io;
use std::panic::Location;
use std::task::{ready, Context, Poll};

/// Associates an I/O source with the reactor that drives it.
///
/// Most code uses [`PollEvented`](super::PollEvented), which owns both the source and its
/// registration. `Registration` is `Send + Sync`; readiness is tracked per direction
/// (read, write) with one waiting task each.
pub struct Registration {
    handle: Handle,
    token: Token,
    shared: Arc<ScheduledIo>,
}

impl Registration {
    /// Registers `io` with the current reactor for reading and writing.
    ///
    /// # Panics
    ///
    /// Panics when called outside a runtime (no current reactor), or inside a runtime
    /// built without I/O (`Builder::enable_io`).
    ///
    /// ```
    /// use tokio_net::driver::{set_default, Reactor, Registration};
    ///
    /// let reactor = Reactor::new().unwrap();
    /// let _g = set_default(&reactor.handle());
    /// let mut sock = mio::net::UdpSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
    /// let reg = Registration::new(&mut sock).unwrap();
    /// assert!(reg.take_read_ready().unwrap().is_none());
    /// ```
    #[track_caller]
    pub fn new<S: Source + ?Sized>(io: &mut S) -> io::Result<Registration> {
        Registration::new_with_interest(io, Interest::READABLE | Interest::WRITABLE)
    }

    /// Registers `io` with the current reactor for `interest` (mio 1's closest
    /// equivalent of 0.2's `new_with_ready`).
    ///
    /// # Panics
    ///
    /// As [`Registration::new`].
    #[track_caller]
    pub fn new_with_interest<S: Source + ?Sized>(
        io: &mut S,
        interest: Interest,
    ) -> io::Result<Registration> {
        let handle = match Handle::current() {
            Some(handle) => handle,
            None => errors::no_reactor(None),
        };
        Registration::with_handle(io, interest, handle)
    }

    /// Like [`Registration::new_with_interest`], but the panic message names `caller`
    /// (used by constructors that bind on first poll, where `#[track_caller]` cannot
    /// reach the user's line).
    #[track_caller]
    pub(crate) fn new_at<S: Source + ?Sized>(
        io: &mut S,
        interest: Interest,
        caller: &'static Location<'static>,
    ) -> io::Result<Registration> {
        let handle = match Handle::current() {
            Some(handle) => handle,
            None => errors::no_reactor(Some(caller)),
        };
        Registration::with_handle(io, interest, handle)
    }

    /// Registers `io` with the given reactor (accepted sockets join their listener's).
    pub(crate) fn with_handle<S: Source + ?Sized>(
        io: &mut S,
        interest: Interest,
        handle: Handle,
    ) -> io::Result<Registration> {
        let (token, shared) = handle.inner.register(io, interest)?;
        Ok(Registration {
            handle,
            token,
            shared,
        })
    }

    /// The token this registration's events carry.
    #[cfg(all(test, not(loom)))]
    pub(crate) fn token(&self) -> Token {
        self.token
    }

    /// The reactor this registration is bound to.
    pub(crate) fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Removes `io` from the OS poll. The slot itself is freed when `self` drops.
    pub fn deregister<S: Source + ?Sized>(&mut self, io: &mut S) -> io::Result<()> {
        self.handle.inner.deregister(io)
    }

    /// Polls for read readiness; stores the task's waker when not ready.
    ///
    /// Returns an error once the reactor has shut down.
    pub fn poll_read_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<Ready>> {
        self.poll_public(cx, Direction::Read)
    }

    /// Polls for write readiness; stores the task's waker when not ready.
    pub fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<Ready>> {
        self.poll_public(cx, Direction::Write)
    }

    /// Takes (returns and clears) the current read readiness without registering a waker.
    pub fn take_read_ready(&self) -> io::Result<Option<Ready>> {
        self.shared.take_readiness(Direction::Read)
    }

    /// Takes (returns and clears) the current write readiness without registering a waker.
    pub fn take_write_ready(&self) -> io::Result<Option<Ready>> {
        self.shared.take_readiness(Direction::Write)
    }

    fn poll_public(&self, cx: &mut Context<'_>, dir: Direction) -> Poll<io::Result<Ready>> {
        self.poll_public_masked(cx, dir, dir.mask())
    }

    /// `poll_*_ready` restricted to `mask` (see `ScheduledIo::poll_ready_masked`); records
    /// the tick handed out so a later `clear_*_ready` clears exactly what was observed.
    pub(crate) fn poll_public_masked(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        mask: Ready,
    ) -> Poll<io::Result<Ready>> {
        match self.shared.poll_ready_masked(cx, dir, mask & dir.mask()) {
            Poll::Ready(Ok(ev)) => {
                self.shared.record_observed(dir, ev.tick);
                Poll::Ready(Ok(ev.ready))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    }

    /// Clears `ready` at the tick the public API last handed out for `dir`.
    pub(crate) fn clear_observed(&self, dir: Direction, ready: Ready) {
        let tick = self.shared.observed(dir);
        self.shared.clear_readiness(ReadyEvent { tick, ready });
    }

    /// Internal fast path: readiness with its tick.
    pub(crate) fn poll_ready(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
    ) -> Poll<io::Result<ReadyEvent>> {
        self.shared.poll_ready(cx, dir)
    }

    /// Clears `ev` unless a newer event arrived (see `scheduled_io`).
    pub(crate) fn clear_readiness(&self, ev: ReadyEvent) {
        self.shared.clear_readiness(ev);
    }

    /// Runs `op` until it stops returning `WouldBlock`, waiting for `dir` readiness
    /// between attempts.
    pub(crate) fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        op: impl FnMut() -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        self.poll_io_drained(cx, dir, op, |_| false)
    }

    /// [`poll_io`](Self::poll_io), and a successful result for which `drained` is true
    /// (a short transfer: the OS buffer is exhausted) clears the readiness at once, saving
    /// the `WouldBlock` syscall the next attempt would cost.
    pub(crate) fn poll_io_drained<R>(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        op: impl FnMut() -> io::Result<R>,
        drained: impl Fn(&R) -> bool,
    ) -> Poll<io::Result<R>> {
        // tokio 0.2's cooperative budget: an operation spends one unit of the task's
        // budget, refunded unless it completes.
        let coop = ready!(tokio_executor::coop::poll_proceed(cx));
        let res = ready!(self.shared.poll_io(cx, dir, op, drained));
        coop.made_progress();
        Poll::Ready(res)
    }

    /// Runs `op` once; on `WouldBlock` clears the readiness observed before the attempt.
    pub(crate) fn try_io<R>(
        &self,
        dir: Direction,
        op: impl FnOnce() -> io::Result<R>,
    ) -> io::Result<R> {
        let ev = self.shared.snapshot(dir)?;
        let res = op();
        if matches!(&res, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
            self.shared.clear_readiness(ev);
        }
        res
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.handle.inner.release(self.token);
    }
}

impl fmt::Debug for Registration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registration")
            .field("token", &self.token)
            .finish()
    }
}
