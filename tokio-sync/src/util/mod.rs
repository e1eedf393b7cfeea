//! Small building blocks shared by the primitives: the intrusive waiter list, the
//! batch of wakers run after a lock is released, the cooperative budget and cache-line
//! padding.

pub(crate) mod cache_padded;
pub(crate) mod coop;
pub(crate) mod linked_list;
pub(crate) mod wake_list;
