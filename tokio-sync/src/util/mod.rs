//! Small building blocks shared by the primitives: the intrusive waiter list.

pub(crate) mod linked_list;
