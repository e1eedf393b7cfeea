//! The public `Semaphore`: a thin layer over the batch semaphore, one permit at a time.

use super::batch;
use std::fmt;
use std::sync::Arc;

/// Counting semaphore performing asynchronous permit acquisition.
///
/// A semaphore maintains a set of permits. Permits are used to synchronize access to a
/// shared resource. Acquiring waits, in FIFO order, until a permit is available; dropping
/// the permit returns it.
///
/// ```
/// use tokio_sync::Semaphore;
///
/// futures::executor::block_on(async {
///     let sem = Semaphore::new(2);
///     let a = sem.acquire().await;
///     let _b = sem.acquire().await;
///     assert_eq!(sem.available_permits(), 0);
///     assert!(sem.try_acquire().is_err());
///     drop(a);
///     assert_eq!(sem.available_permits(), 1);
/// });
/// ```
pub struct Semaphore {
    ll_sem: batch::Semaphore,
}

/// A permit from the semaphore; returned to it on drop.
#[must_use]
pub struct SemaphorePermit<'a> {
    sem: &'a Semaphore,
    permits: usize,
}

/// An owned permit from the semaphore (holds an `Arc` to it); returned on drop.
#[must_use]
pub struct OwnedSemaphorePermit {
    sem: Arc<Semaphore>,
    permits: usize,
}

/// Error returned from `try_acquire`: no permit is available right now.
#[derive(Debug)]
pub struct TryAcquireError(());

impl Semaphore {
    /// Creates a new semaphore with the initial number of permits.
    ///
    /// # Panics
    /// If `permits` exceeds `usize::MAX >> 3` (MAX_PERMITS).
    #[track_caller]
    pub fn new(permits: usize) -> Self {
        if permits > batch::MAX_PERMITS {
            crate::errors::too_many_permits(batch::MAX_PERMITS);
        }
        Semaphore {
            ll_sem: batch::Semaphore::new(permits),
        }
    }

    /// Returns the current number of available permits.
    pub fn available_permits(&self) -> usize {
        self.ll_sem.available_permits()
    }

    /// Adds `n` new permits to the semaphore, waking waiters in FIFO order.
    ///
    /// # Panics
    /// If the total would exceed MAX_PERMITS (`usize::MAX >> 3`).
    #[track_caller]
    ///
    /// ```
    /// let sem = tokio_sync::Semaphore::new(0);
    /// sem.add_permits(2);
    /// assert_eq!(sem.available_permits(), 2);
    /// ```
    pub fn add_permits(&self, n: usize) {
        if self.available_permits().saturating_add(n) > batch::MAX_PERMITS {
            crate::errors::too_many_permits(batch::MAX_PERMITS);
        }
        self.ll_sem.release(n);
    }

    /// Acquires a permit, waiting in FIFO order until one is available.
    ///
    /// Cancellation safety: dropping the future while it waits gives up its place in the
    /// queue and returns any permit it had already been handed; nothing is lost.
    pub async fn acquire(&self) -> SemaphorePermit<'_> {
        match self.ll_sem.acquire(1).await {
            Ok(()) => SemaphorePermit {
                sem: self,
                permits: 1,
            },
            Err(_) => unreachable!("the public semaphore is never closed"),
        }
    }

    /// Tries to acquire a permit without waiting. Fails if none is free or if others are
    /// already queued (fairness).
    pub fn try_acquire(&self) -> Result<SemaphorePermit<'_>, TryAcquireError> {
        match self.ll_sem.try_acquire(1) {
            Ok(()) => Ok(SemaphorePermit {
                sem: self,
                permits: 1,
            }),
            Err(_) => Err(TryAcquireError(())),
        }
    }

    /// Acquires a permit owned by the returned value (which keeps the semaphore alive).
    ///
    /// Cancellation safety: as for [`acquire`](Semaphore::acquire).
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// futures::executor::block_on(async {
    ///     let sem = Arc::new(tokio_sync::Semaphore::new(1));
    ///     let permit = sem.clone().acquire_owned().await;
    ///     assert_eq!(sem.available_permits(), 0);
    ///     drop(permit);
    ///     assert_eq!(sem.available_permits(), 1);
    /// });
    /// ```
    pub async fn acquire_owned(self: Arc<Self>) -> OwnedSemaphorePermit {
        match self.ll_sem.acquire(1).await {
            Ok(()) => {}
            Err(_) => unreachable!("the public semaphore is never closed"),
        }
        OwnedSemaphorePermit {
            sem: self,
            permits: 1,
        }
    }

    /// Tries to acquire an owned permit without waiting.
    pub fn try_acquire_owned(self: Arc<Self>) -> Result<OwnedSemaphorePermit, TryAcquireError> {
        match self.ll_sem.try_acquire(1) {
            Ok(()) => Ok(OwnedSemaphorePermit {
                sem: self,
                permits: 1,
            }),
            Err(_) => Err(TryAcquireError(())),
        }
    }
}

impl fmt::Debug for Semaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Semaphore")
            .field("ll_sem", &self.ll_sem)
            .finish()
    }
}

impl SemaphorePermit<'_> {
    /// Forgets the permit **without** releasing it back to the semaphore.
    ///
    /// ```
    /// futures::executor::block_on(async {
    ///     let sem = tokio_sync::Semaphore::new(1);
    ///     sem.acquire().await.forget();
    ///     assert_eq!(sem.available_permits(), 0);
    /// });
    /// ```
    pub fn forget(mut self) {
        self.permits = 0;
    }
}

impl OwnedSemaphorePermit {
    /// Forgets the permit **without** releasing it back to the semaphore.
    pub fn forget(mut self) {
        self.permits = 0;
    }
}

impl Drop for SemaphorePermit<'_> {
    fn drop(&mut self) {
        self.sem.ll_sem.release(self.permits);
    }
}

impl Drop for OwnedSemaphorePermit {
    fn drop(&mut self) {
        self.sem.ll_sem.release(self.permits);
    }
}

impl fmt::Debug for SemaphorePermit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SemaphorePermit")
            .field("sem", &self.sem)
            .field("permits", &self.permits)
            .finish()
    }
}

impl fmt::Debug for OwnedSemaphorePermit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OwnedSemaphorePermit")
            .field("sem", &self.sem)
            .field("permits", &self.permits)
            .finish()
    }
}
