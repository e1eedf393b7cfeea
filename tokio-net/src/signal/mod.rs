//! Asynchronous signal handling over a self-pipe registered with the reactor.
//!
//! # Protocol
//! 1. The first listener for a signal installs a `sigaction` handler (once per signal
//!    for the life of the process: the OS default action is never restored). A function
//!    handler installed before ours is remembered and called by ours on every delivery
//!    (chaining, as tokio 0.2's signal-hook registry does); `SIG_DFL` / `SIG_IGN` are not.
//! 2. The handler, async-signal-safe, sets the signal's `pending` flag and writes one
//!    byte to the process-wide self-pipe (non-blocking; a full pipe already guarantees
//!    a wake-up).
//! 3. Each `Signal` owns a duplicate of the pipe's read end registered with its reactor.
//!    When it is readable, the listener drains the pipe, then swaps every `pending` flag
//!    to false and gives one delivery to every listener of each pending signal (in that
//!    order: a signal racing the drain leaves its byte in the pipe and is seen next
//!    time), waking them after the registry lock is released.
//! 4. A listener consumes deliveries one per `recv`; deliveries coalesce, as OS signals do.

pub(crate) mod registry;
pub mod unix;

pub use self::unix::ctrl_c;
