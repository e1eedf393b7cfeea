//! The crate's one door to synchronisation primitives: `std` normally, `loom` under
//! `--cfg loom`. Every atomic, `Arc`, `Mutex`, `Condvar`, `UnsafeCell` and thread spawn of
//! this crate goes through here so the loom models see all of them.
#![allow(unused_imports, dead_code)]

#[cfg(not(loom))]
pub(crate) use std::{sync, thread};

#[cfg(loom)]
pub(crate) use loom::{sync, thread};

/// Under loom every model thread runs on one OS thread, so thread-locals that the models
/// rely on come from loom (`std`'s const-initialised form is used otherwise).
#[cfg(loom)]
pub(crate) use loom::thread_local;

/// An `UnsafeCell` touched only through `with` / `with_mut` closures, as loom requires.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T>(std::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    pub(crate) const fn new(data: T) -> UnsafeCell<T> {
        UnsafeCell(std::cell::UnsafeCell::new(data))
    }

    pub(crate) fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.0.get())
    }

    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.0.get())
    }
}

#[cfg(loom)]
pub(crate) use loom::cell::UnsafeCell;
