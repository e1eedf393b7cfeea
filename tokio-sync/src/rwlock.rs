//! `RwLock`: a batch semaphore with `MAX_READS` permits guards an `UnsafeCell`.
//!
//! A reader takes one permit, a writer takes all `MAX_READS`. Because the semaphore is FIFO
//! and a waiting writer keeps later readers behind it, the lock is fair and
//! write-preferring: a steady stream of readers cannot starve a writer.
//!
//! Invariant: a read guard exists only while its holder owns >= 1 permit, a write guard
//! only while its holder owns all of them, so `&T` and `&mut T` never coexist.

use crate::loom::UnsafeCell;
use crate::semaphore::batch;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

#[cfg(not(loom))]
const MAX_READS: usize = 32;
#[cfg(loom)]
const MAX_READS: usize = 3;

/// An asynchronous reader-writer lock: many readers (up to 32 at once) or one writer.
///
/// Fair and write-preferring: once a writer waits, later readers queue behind it.
///
/// ```
/// use tokio_sync::RwLock;
///
/// futures::executor::block_on(async {
///     let lock = RwLock::new(5);
///     {
///         let r1 = lock.read().await;
///         let r2 = lock.read().await;
///         assert_eq!(*r1 + *r2, 10);
///     }
///     *lock.write().await += 1;
///     assert_eq!(*lock.read().await, 6);
/// });
/// ```
pub struct RwLock<T: ?Sized> {
    s: batch::Semaphore,
    c: UnsafeCell<T>,
}

/// RAII read access to an `RwLock`; releases on drop.
pub struct RwLockReadGuard<'a, T: ?Sized> {
    s: &'a batch::Semaphore,
    data: *const T,
    marker: PhantomData<&'a T>,
}

/// RAII write access to an `RwLock`; releases on drop.
pub struct RwLockWriteGuard<'a, T: ?Sized> {
    s: &'a batch::Semaphore,
    data: *mut T,
    marker: PhantomData<&'a mut T>,
}

// SAFETY: moving the lock moves the `T` (needs `Send`).
unsafe impl<T: ?Sized + Send> Send for RwLock<T> {}
// SAFETY: sharing the lock hands out `&T` to many threads (needs `Sync`) and `&mut T` to
// one at a time (needs `Send`).
unsafe impl<T: ?Sized + Send + Sync> Sync for RwLock<T> {}
// SAFETY: a read guard is a `&T`.
unsafe impl<T: ?Sized + Sync> Send for RwLockReadGuard<'_, T> {}
// SAFETY: a read guard is a `&T`.
unsafe impl<T: ?Sized + Sync> Sync for RwLockReadGuard<'_, T> {}
// SAFETY: a write guard is a `&mut T`.
unsafe impl<T: ?Sized + Send + Sync> Send for RwLockWriteGuard<'_, T> {}
// SAFETY: sharing a write guard gives `&T` only.
unsafe impl<T: ?Sized + Send + Sync> Sync for RwLockWriteGuard<'_, T> {}

impl<T> RwLock<T> {
    /// Creates a new, unlocked `RwLock`.
    pub fn new(value: T) -> RwLock<T> {
        RwLock {
            s: batch::Semaphore::new(MAX_READS),
            c: UnsafeCell::new(value),
        }
    }

    /// Consumes the lock, returning the data.
    pub fn into_inner(self) -> T {
        self.c.into_inner()
    }
}

impl<T: ?Sized> RwLock<T> {
    /// Locks for shared read access, waiting (FIFO) while a writer holds or waits.
    ///
    /// Cancellation safety: dropping the future gives up its place and any permit it was
    /// handed; nothing is lost.
    pub async fn read(&self) -> RwLockReadGuard<'_, T> {
        if self.s.acquire(1).await.is_err() {
            unreachable!("an RwLock's semaphore is never closed");
        }
        RwLockReadGuard {
            s: &self.s,
            data: self.c.with(|p| p),
            marker: PhantomData,
        }
    }

    /// Locks for exclusive write access, waiting (FIFO) for readers and writers ahead.
    ///
    /// Cancellation safety: as for [`read`](RwLock::read); partially granted read permits
    /// are returned.
    pub async fn write(&self) -> RwLockWriteGuard<'_, T> {
        if self.s.acquire(MAX_READS).await.is_err() {
            unreachable!("an RwLock's semaphore is never closed");
        }
        RwLockWriteGuard {
            s: &self.s,
            data: self.c.with_mut(|p| p),
            marker: PhantomData,
        }
    }
}

impl<T> From<T> for RwLock<T> {
    fn from(s: T) -> Self {
        Self::new(s)
    }
}

impl<T: Default> Default for RwLock<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: ?Sized> fmt::Debug for RwLock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RwLock")
            .field("s", &self.s)
            .field("c", &format_args!("UnsafeCell {{ .. }}"))
            .finish()
    }
}

impl<'a, T: ?Sized> RwLockReadGuard<'a, T> {
    /// Makes a guard for a component of the locked data.
    ///
    /// An associated function (`RwLockReadGuard::map(guard, f)`), so it does not clash with
    /// methods of `T`.
    ///
    /// ```
    /// use tokio_sync::{RwLock, RwLockReadGuard};
    ///
    /// futures::executor::block_on(async {
    ///     let lock = RwLock::new((1, "one"));
    ///     let first = RwLockReadGuard::map(lock.read().await, |pair| &pair.0);
    ///     assert_eq!(*first, 1);
    /// });
    /// ```
    pub fn map<F, U: ?Sized>(this: Self, f: F) -> RwLockReadGuard<'a, U>
    where
        F: FnOnce(&T) -> &U,
    {
        let data = f(&*this) as *const U;
        let s = this.s;
        std::mem::forget(this);
        RwLockReadGuard {
            s,
            data,
            marker: PhantomData,
        }
    }

    /// Like `map`, but `f` may fail, giving the original guard back.
    pub fn try_map<F, U: ?Sized>(this: Self, f: F) -> Result<RwLockReadGuard<'a, U>, Self>
    where
        F: FnOnce(&T) -> Option<&U>,
    {
        let data = match f(&*this) {
            Some(data) => data as *const U,
            None => return Err(this),
        };
        let s = this.s;
        std::mem::forget(this);
        Ok(RwLockReadGuard {
            s,
            data,
            marker: PhantomData,
        })
    }
}

impl<'a, T: ?Sized> RwLockWriteGuard<'a, T> {
    /// Makes a guard for a component of the locked data.
    ///
    /// ```
    /// use tokio_sync::{RwLock, RwLockWriteGuard};
    ///
    /// futures::executor::block_on(async {
    ///     let lock = RwLock::new((1, 2));
    ///     *RwLockWriteGuard::map(lock.write().await, |pair| &mut pair.1) = 5;
    ///     assert_eq!(*lock.read().await, (1, 5));
    /// });
    /// ```
    pub fn map<F, U: ?Sized>(mut this: Self, f: F) -> RwLockWriteGuard<'a, U>
    where
        F: FnOnce(&mut T) -> &mut U,
    {
        let data = f(&mut *this) as *mut U;
        let s = this.s;
        std::mem::forget(this);
        RwLockWriteGuard {
            s,
            data,
            marker: PhantomData,
        }
    }

    /// Like `map`, but `f` may fail, giving the original guard back.
    pub fn try_map<F, U: ?Sized>(mut this: Self, f: F) -> Result<RwLockWriteGuard<'a, U>, Self>
    where
        F: FnOnce(&mut T) -> Option<&mut U>,
    {
        let data = match f(&mut *this) {
            Some(data) => data as *mut U,
            None => return Err(this),
        };
        let s = this.s;
        std::mem::forget(this);
        Ok(RwLockWriteGuard {
            s,
            data,
            marker: PhantomData,
        })
    }
}

impl<T: ?Sized> Deref for RwLockReadGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds a read permit, so no writer exists (module invariant).
        unsafe { &*self.data }
    }
}

impl<T: ?Sized> Deref for RwLockWriteGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds every permit (module invariant).
        unsafe { &*self.data }
    }
}

impl<T: ?Sized> DerefMut for RwLockWriteGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds every permit and is borrowed mutably.
        unsafe { &mut *self.data }
    }
}

impl<T: ?Sized> Drop for RwLockReadGuard<'_, T> {
    fn drop(&mut self) {
        self.s.release(1);
    }
}

impl<T: ?Sized> Drop for RwLockWriteGuard<'_, T> {
    fn drop(&mut self) {
        self.s.release(MAX_READS);
    }
}

macro_rules! fmt_guard {
    ($ty:ty) => {
        impl<T: ?Sized + fmt::Debug> fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&**self, f)
            }
        }
        impl<T: ?Sized + fmt::Display> fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&**self, f)
            }
        }
    };
}
fmt_guard!(RwLockReadGuard<'_, T>);
fmt_guard!(RwLockWriteGuard<'_, T>);
