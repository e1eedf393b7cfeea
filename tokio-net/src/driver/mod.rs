//! The reactor driver: how I/O resources wait for readiness.
//!
//! # Contract
//! - One [`Reactor`] per runtime: a mio `Poll`, an `Events` buffer, a `mio::Waker` (the
//!   [`ReactorUnpark`]) and a slab of per-resource state (readiness bits, the read waker,
//!   the write waker). It implements the executor's `Park`: parking blocks in the OS poll
//!   and dispatches the events that arrive; unparking goes through the `mio::Waker`.
//! - **Eager binding.** A resource binds to the *current* reactor when it is created
//!   ([`Registration::new`], [`PollEvented::new`], every socket constructor including
//!   `from_std` and `TryFrom`), never lazily on first use. The current reactor is a
//!   thread-local set by the runtime on each of its threads with [`set_default`], whose
//!   guard restores the previous value. With no current reactor, creation panics with a
//!   message containing `no current reactor` and naming the fix. Constructors that are
//!   `async` (bind, connect) bind on their first poll, as in tokio 0.2.
//! - [`Registration`] is plain data: reactor handle + slot. It has no unbound state.
//! - Tokens carry a generation, so events for a freed-and-reused slot are dropped.
//! - Readiness is edge-triggered: set by events, cleared by the resource when an
//!   operation returns `WouldBlock`, and the clear never loses an event that arrived in
//!   between (the event tick is compared; see `scheduled_io`).
//! - Dropping a resource deregisters it. Shutting down or dropping the reactor wakes every
//!   waiting resource; from then on every operation returns an `io::Error`.

mod handle;
mod poll_evented;
mod reactor;
mod ready;
mod registration;
mod scheduled_io;
mod slots;

#[cfg(test)]
mod tests;

pub use self::handle::{set_default, DefaultGuard, Handle};
pub use self::poll_evented::PollEvented;
pub use self::reactor::{Reactor, ReactorUnpark};
pub use self::ready::Ready;
pub use self::registration::Registration;
pub use mio::Interest;

pub(crate) use self::ready::Direction;
