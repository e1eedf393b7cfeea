//! [`DelayQueue`]: a queue of values that each become available at their own deadline.
//!
//! **Layout.** A slab of entries (value, deadline, deadline tick and list links; the slab
//! index is the [`Key`]), the queue's own timing wheel (`wheel`: the driver's levels,
//! slots and placement, with each slot a doubly linked list threaded through the slab),
//! a list of expired entries waiting to be yielded, and one [`Delay`](crate::Delay) armed at
//! the wheel's next expiration. Insert, remove and reset are O(1) (a link or an unlink);
//! the queue arms one driver entry however many values it holds.
//!
//! **Order.** Values are yielded in deadline order at millisecond resolution (the wheel's
//! tick); values due in the same millisecond come out in the order they became due. Only
//! level-0 slots, which hold a single tick each, release entries: a visit of a higher
//! level's slot re-inserts its entries one level down (or releases those due exactly at the
//! slot's start), so entries reach the expired list in tick order. A value inserted or reset
//! to a tick the queue has already passed goes straight to the expired list, placed by tick
//! (a scan from the back: normally one step).
//!
//! **Binding and wake-ups.** The queue binds to the current timer on its first insert (it
//! can be created anywhere). `poll_expired` remembers the polling task; an insert or reset
//! that makes a value due earlier than the tick the delay is armed for (or that lands in an
//! empty queue) wakes it, and its next poll re-arms the delay.

mod queue;
mod wheel;

pub use self::queue::{DelayQueue, Expired, Key};
