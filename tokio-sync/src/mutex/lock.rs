//! `Mutex`: one permit of a batch semaphore guards an `UnsafeCell`.
//!
//! Invariant: the data is touched only through a guard, and a guard exists only while its
//! holder owns the semaphore's single permit, so at most one `&mut T` exists at a time.
//! Dropping a guard returns the permit, which the semaphore hands to the oldest waiter.

use crate::loom::UnsafeCell;
use crate::semaphore::batch;
use std::error::Error;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// An asynchronous mutual-exclusion lock, fair (first come, first served).
///
/// ```
/// use tokio_sync::Mutex;
///
/// futures::executor::block_on(async {
///     let m = Mutex::new(1);
///     *m.lock().await += 1;
///     assert_eq!(*m.lock().await, 2);
///     assert_eq!(m.into_inner(), 2);
/// });
/// ```
pub struct Mutex<T: ?Sized> {
    s: batch::Semaphore,
    c: UnsafeCell<T>,
}

/// A handle to a held `Mutex`; unlocks on drop.
pub struct MutexGuard<'a, T: ?Sized> {
    lock: &'a Mutex<T>,
}

/// An owned handle to a held `Mutex` (keeps the `Arc` alive); unlocks on drop.
pub struct OwnedMutexGuard<T: ?Sized> {
    lock: Arc<Mutex<T>>,
}

/// Error returned from `try_lock` when the lock is held (or others are queued).
#[derive(Debug)]
pub struct TryLockError(());

// SAFETY: the mutex hands out access to `T` to one thread at a time (module invariant), so
// sending or sharing it only needs `T: Send`.
unsafe impl<T: ?Sized + Send> Send for Mutex<T> {}
// SAFETY: as above.
unsafe impl<T: ?Sized + Send> Sync for Mutex<T> {}
// SAFETY: a shared guard only gives `&T`, so sharing it needs `T: Sync` (and `Send` for
// the mutex itself).
unsafe impl<T: ?Sized + Send + Sync> Sync for MutexGuard<'_, T> {}
// SAFETY: as above.
unsafe impl<T: ?Sized + Send + Sync> Sync for OwnedMutexGuard<T> {}

impl<T> Mutex<T> {
    /// Creates a new, unlocked mutex holding `t`.
    pub fn new(t: T) -> Self {
        Mutex {
            s: batch::Semaphore::new(1),
            c: UnsafeCell::new(t),
        }
    }

    /// Consumes the mutex, returning the data.
    pub fn into_inner(self) -> T {
        self.c.into_inner()
    }
}

impl<T: ?Sized> Mutex<T> {
    /// Locks the mutex, waiting in FIFO order.
    ///
    /// Cancellation safety: dropping the future while it waits leaves the queue, and if the
    /// lock had just been handed to it, passes it on; the lock is never lost.
    ///
    /// ```
    /// # futures::executor::block_on(async {
    /// let m = tokio_sync::Mutex::new(0);
    /// *m.lock().await = 5;
    /// assert_eq!(*m.lock().await, 5);
    /// # });
    /// ```
    pub async fn lock(&self) -> MutexGuard<'_, T> {
        self.acquire().await;
        MutexGuard { lock: self }
    }

    /// Locks the mutex for an owned guard that keeps the `Arc` alive.
    ///
    /// Cancellation safety: as for [`lock`](Mutex::lock).
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// futures::executor::block_on(async {
    ///     let m = Arc::new(tokio_sync::Mutex::new(0));
    ///     let mut g = m.clone().lock_owned().await; // 'static guard, can move into a task
    ///     *g += 1;
    ///     drop(g);
    ///     assert_eq!(*m.lock().await, 1);
    /// });
    /// ```
    pub async fn lock_owned(self: Arc<Self>) -> OwnedMutexGuard<T> {
        self.acquire().await;
        OwnedMutexGuard { lock: self }
    }

    async fn acquire(&self) {
        if self.s.acquire(1).await.is_err() {
            unreachable!("a mutex's semaphore is never closed");
        }
    }

    /// Locks the mutex if it is free now (and nobody is queued).
    ///
    /// ```
    /// let m = tokio_sync::Mutex::new(1);
    /// let g = m.try_lock().unwrap();
    /// assert!(m.try_lock().is_err());
    /// drop(g);
    /// assert!(m.try_lock().is_ok());
    /// ```
    pub fn try_lock(&self) -> Result<MutexGuard<'_, T>, TryLockError> {
        match self.s.try_acquire(1) {
            Ok(()) => Ok(MutexGuard { lock: self }),
            Err(_) => Err(TryLockError(())),
        }
    }

    /// Locks the mutex now, if possible, for an owned guard.
    pub fn try_lock_owned(self: Arc<Self>) -> Result<OwnedMutexGuard<T>, TryLockError> {
        match self.s.try_acquire(1) {
            Ok(()) => Ok(OwnedMutexGuard { lock: self }),
            Err(_) => Err(TryLockError(())),
        }
    }

    fn data(&self) -> *mut T {
        self.c.with_mut(|p| p)
    }
}

impl<T> From<T> for Mutex<T> {
    fn from(s: T) -> Self {
        Self::new(s)
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Mutex");
        match self.try_lock() {
            Ok(inner) => d.field("data", &&*inner),
            Err(_) => d.field("data", &format_args!("<locked>")),
        };
        d.finish()
    }
}

impl<T: ?Sized> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        self.lock.s.release(1);
    }
}

impl<T: ?Sized> Drop for OwnedMutexGuard<T> {
    fn drop(&mut self) {
        self.lock.s.release(1);
    }
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard owns the only permit (module invariant).
        unsafe { &*self.lock.data() }
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard owns the only permit and is borrowed mutably.
        unsafe { &mut *self.lock.data() }
    }
}

impl<T: ?Sized> Deref for OwnedMutexGuard<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard owns the only permit (module invariant).
        unsafe { &*self.lock.data() }
    }
}

impl<T: ?Sized> DerefMut for OwnedMutexGuard<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard owns the only permit and is borrowed mutably.
        unsafe { &mut *self.lock.data() }
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
fmt_guard!(MutexGuard<'_, T>);
fmt_guard!(OwnedMutexGuard<T>);

impl fmt::Display for TryLockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "operation would block")
    }
}

impl Error for TryLockError {}
