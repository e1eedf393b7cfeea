//! The timer driver: a [`Park`](tokio_executor::park::Park) layer that owns the wheel, and
//! the handle that delays bind to.
//!
//! **Shared state** (`Inner`, one per timer, behind an `Arc` that the driver and every
//! `Handle` hold): the clock; the wheel (each armed entry with the waker of its task),
//! `next_wake` and a bounded pool of entries of dropped delays under one mutex (the driver
//! lock); a `shutdown` flag; the inner driver's unpark handle. Nothing that can run user
//! code (cloning, waking or dropping a waker) happens under the driver lock: wakers are
//! cloned before it is taken and woken or dropped after it is released. A delay's first
//! `Pending` poll arms its entry and stores its waker in one critical section; its drop
//! (while armed) unlinks both in one more.
//!
//! **Parking protocol** (`Timer::park`, `Timer::park_timeout`):
//! 1. Fire what is due: advance the wheel to the present tick, publish `FIRED` on every due
//!    entry under the lock, then wake their tasks after releasing it. If anything fired,
//!    poll the inner driver without blocking and return: a wake from here may have queued
//!    a task on this very thread (the current-thread scheduler does so without an unpark),
//!    and sleeping now would strand it.
//! 2. Under the lock, read the next expiration and record it as `next_wake` (the tick the
//!    driver will sleep until; `u64::MAX` when no timer is armed).
//! 3. Park the inner driver with the time to that tick as its timeout, so one
//!    `epoll_wait` waits for both I/O and timers. With a frozen clock (`test-util`) and a
//!    timer armed, park the inner driver with a zero timeout instead and then move the
//!    clock to the next expiration: a test that sleeps an hour finishes at once.
//! 4. Clear `next_wake` and fire what is due again (step 1).
//!
//! `park_timeout(0)` (a scheduler's maintenance poll while it has work) polls the inner
//! driver without blocking and then fires what is due; it never moves a frozen clock.
//!
//! **Cross-thread arming.** A thread that arms an entry (first `Pending` poll of a delay,
//! or `reset`) does so under the driver lock and reads `next_wake` in the same critical
//! section: if the driver is parked (or about to park) until a later tick, it unparks the
//! inner driver. Because step 2 and the arming are serialised by the lock, either the
//! driver sees the new entry when choosing its timeout, or the arming thread sees the
//! driver's `next_wake` and unparks it (an unpark before the park is stored by the `Park`
//! contract, so it is never lost).
//!
//! **Shutdown.** Under the lock: set `shutdown`, unlink every entry and publish `SHUTDOWN`,
//! then wake them all. A delay that observes `SHUTDOWN` (or is first polled after the
//! shutdown) panics with the 0.2 message; arming after shutdown does nothing.

mod context;
mod handle;
mod inner;
mod timer;

#[cfg(all(test, loom))]
mod tests;

#[cfg_attr(not(feature = "test-util"), allow(unused_imports))]
pub(crate) use self::context::with_current;
pub use self::context::{set_default, DefaultGuard};
pub use self::handle::Handle;
pub(crate) use self::inner::{Armed, Inner};
pub use self::timer::Timer;
