//! The crate's one door to synchronisation primitives: `std` normally, `loom` under
//! `--cfg loom`. Every atomic, `Arc`, `Mutex`, `RwLock`, `UnsafeCell` and thread spawn of
//! this crate goes through here so the loom models see all of them.
//!
//! Public signatures that name `Arc` (`Mutex::lock_owned`, `Semaphore::acquire_owned`) use
//! `std::sync::Arc` directly: users pass their own `Arc`, and the loom models do not use
//! those entry points.
#![allow(unused_imports, dead_code)]

#[cfg(not(loom))]
pub(crate) use std::{sync, thread};

#[cfg(loom)]
pub(crate) use loom::{sync, thread};

/// An `UnsafeCell` touched only through `with` / `with_mut` closures, as loom requires.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T: ?Sized>(std::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    pub(crate) const fn new(data: T) -> UnsafeCell<T> {
        UnsafeCell(std::cell::UnsafeCell::new(data))
    }

    pub(crate) fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

#[cfg(not(loom))]
impl<T: ?Sized> UnsafeCell<T> {
    #[inline(always)]
    pub(crate) fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.0.get())
    }

    #[inline(always)]
    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.0.get())
    }
}

#[cfg(loom)]
pub(crate) use loom::cell::UnsafeCell;

/// Spin hint for the few places that wait for another thread's in-flight store.
pub(crate) fn spin() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    std::hint::spin_loop();
}
