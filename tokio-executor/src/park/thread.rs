//! A [`Park`] that blocks the thread on a mutex + condvar: the driver of a runtime with
//! neither I/O nor time enabled, and the per-worker parker of idle workers.
//!
//! State (one atomic word): `EMPTY` (nobody parked, no notification), `PARKED` (a thread
//! sleeps or is about to sleep on the condvar), `NOTIFIED` (an unpark is stored).
//! 1. `park` swaps `NOTIFIED -> EMPTY` first: a stored notification returns at once.
//! 2. Otherwise it takes the mutex, CASes `EMPTY -> PARKED`, and waits on the condvar until
//!    the state is `NOTIFIED` (loops over spurious wake-ups).
//! 3. `unpark` swaps the state to `NOTIFIED`; only when it was `PARKED` does it take the
//!    mutex (so the sleeper is really waiting, not between its CAS and `wait`) and signal.

use super::{Park, Unpark};
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::{Arc, Condvar, Mutex};
use std::fmt;
use std::time::Duration;

const EMPTY: usize = 0;
const PARKED: usize = 1;
const NOTIFIED: usize = 2;

/// Blocks the current thread on a condition variable.
#[derive(Debug)]
pub struct ParkThread {
    inner: Arc<Inner>,
}

/// Unparks a [`ParkThread`].
#[derive(Clone, Debug)]
pub struct UnparkThread {
    inner: Arc<Inner>,
}

/// [`ParkThread`] never fails; this error is never constructed.
#[derive(Debug)]
pub struct ParkError {
    _private: (),
}

impl fmt::Display for ParkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("park error")
    }
}

impl std::error::Error for ParkError {}

#[derive(Debug)]
struct Inner {
    state: AtomicUsize,
    mutex: Mutex<()>,
    condvar: Condvar,
}

impl ParkThread {
    /// Creates a parker with no stored notification.
    pub fn new() -> ParkThread {
        ParkThread {
            inner: Arc::new(Inner {
                state: AtomicUsize::new(EMPTY),
                mutex: Mutex::new(()),
                condvar: Condvar::new(),
            }),
        }
    }
}

impl Default for ParkThread {
    fn default() -> Self {
        ParkThread::new()
    }
}

impl Park for ParkThread {
    type Unpark = UnparkThread;
    type Error = ParkError;

    fn unpark(&self) -> UnparkThread {
        UnparkThread {
            inner: self.inner.clone(),
        }
    }

    fn park(&mut self) -> Result<(), ParkError> {
        self.inner.park(None);
        Ok(())
    }

    fn park_timeout(&mut self, duration: Duration) -> Result<(), ParkError> {
        self.inner.park(Some(duration));
        Ok(())
    }
}

impl Unpark for UnparkThread {
    fn unpark(&self) {
        self.inner.unpark();
    }
}

impl Inner {
    fn park(&self, timeout: Option<Duration>) {
        // Step 1: a stored notification is consumed without blocking.
        if self
            .state
            .compare_exchange(NOTIFIED, EMPTY, SeqCst, SeqCst)
            .is_ok()
        {
            return;
        }
        if timeout == Some(Duration::ZERO) {
            return;
        }
        // Step 2: announce the sleep under the mutex.
        let mut guard = self.mutex.lock().unwrap();
        match self.state.compare_exchange(EMPTY, PARKED, SeqCst, SeqCst) {
            Ok(_) => {}
            Err(NOTIFIED) => {
                // Notified between step 1 and taking the lock.
                self.state.store(EMPTY, SeqCst);
                return;
            }
            Err(actual) => panic!("inconsistent park state: {actual}"),
        }
        match timeout {
            None => loop {
                guard = self.condvar.wait(guard).unwrap();
                if self
                    .state
                    .compare_exchange(NOTIFIED, EMPTY, SeqCst, SeqCst)
                    .is_ok()
                {
                    return;
                }
            },
            Some(dur) => {
                let (_guard, _timed_out) = self.condvar.wait_timeout(guard, dur).unwrap();
                // Timed out or notified: either way leave the parked state. A notification
                // that raced the timeout is consumed here, which is allowed (spurious return).
                self.state.swap(EMPTY, SeqCst);
            }
        }
    }

    fn unpark(&self) {
        // Step 3.
        if self.state.swap(NOTIFIED, SeqCst) == PARKED {
            // Taking the lock orders us after the sleeper's `wait` call.
            drop(self.mutex.lock().unwrap());
            self.condvar.notify_one();
        }
    }
}
