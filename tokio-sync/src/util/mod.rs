//! Small building blocks shared by the primitives: the intrusive waiter list and the
//! batch of wakers run after a lock is released.

pub(crate) mod linked_list;
pub(crate) mod wake_list;
