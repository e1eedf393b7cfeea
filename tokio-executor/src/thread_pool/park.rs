//! How an idle worker sleeps: inside the shared driver if it is free, else on its own
//! condition variable.
//!
//! State word per worker: `EMPTY`, `PARKED_CONDVAR`, `PARKED_DRIVER`, `NOTIFIED`.
//! 1. `park` consumes a stored `NOTIFIED` and returns at once.
//! 2. Otherwise it try-locks the driver. With the driver: CAS `EMPTY -> PARKED_DRIVER`
//!    and block in the driver (epoll with the timer's deadline), then reset to `EMPTY`.
//!    Without: CAS `EMPTY -> PARKED_CONDVAR` under the worker's mutex and wait.
//! 3. `unpark` swaps in `NOTIFIED`; if the worker was in the driver it wakes the driver
//!    through the driver's own `Unpark` (the mio waker); if on the condvar it takes the
//!    mutex (so the sleeper is really waiting) and signals.
//!
//! Only one worker holds the driver at a time, so waking the driver wakes exactly the
//! worker parked in it (or makes its next park return at once, which is harmless).

use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::{Arc, Condvar, Mutex};
use crate::util::driver::{Driver, DriverUnpark};
use std::time::Duration;

const EMPTY: usize = 0;
const PARKED_CONDVAR: usize = 1;
const PARKED_DRIVER: usize = 2;
const NOTIFIED: usize = 3;

/// The runtime's driver, shared by the workers.
pub(crate) struct SharedDriver {
    pub(super) driver: Mutex<Driver>,
    unpark: DriverUnpark,
}

pub(super) struct Parker {
    inner: Arc<Inner>,
}

#[derive(Clone)]
pub(super) struct Unparker {
    inner: Arc<Inner>,
}

struct Inner {
    state: AtomicUsize,
    mutex: Mutex<()>,
    condvar: Condvar,
    shared: Arc<SharedDriver>,
}

impl SharedDriver {
    pub(crate) fn new(driver: Driver, unpark: DriverUnpark) -> SharedDriver {
        SharedDriver {
            driver: Mutex::new(driver),
            unpark,
        }
    }

    /// Polls the driver without blocking, unless another worker sleeps in it.
    pub(super) fn poll_ready_events(&self) {
        if let Ok(mut driver) = self.driver.try_lock() {
            driver.park_timeout(Duration::ZERO);
        }
    }

    /// Final driver shutdown, after every task was dropped.
    pub(super) fn shutdown(&self) {
        self.driver.lock().unwrap().shutdown();
    }
}

impl Parker {
    pub(super) fn new(shared: Arc<SharedDriver>) -> Parker {
        Parker {
            inner: Arc::new(Inner {
                state: AtomicUsize::new(EMPTY),
                mutex: Mutex::new(()),
                condvar: Condvar::new(),
                shared,
            }),
        }
    }

    pub(super) fn unpark(&self) -> Unparker {
        Unparker {
            inner: self.inner.clone(),
        }
    }

    pub(super) fn park(&mut self) {
        let inner = &*self.inner;
        // Step 1.
        if inner
            .state
            .compare_exchange(NOTIFIED, EMPTY, SeqCst, SeqCst)
            .is_ok()
        {
            return;
        }
        // Step 2.
        if let Ok(mut driver) = inner.shared.driver.try_lock() {
            match inner
                .state
                .compare_exchange(EMPTY, PARKED_DRIVER, SeqCst, SeqCst)
            {
                Ok(_) => {}
                Err(_) => {
                    inner.state.store(EMPTY, SeqCst);
                    return;
                }
            }
            driver.park();
            inner.state.store(EMPTY, SeqCst);
        } else {
            inner.park_condvar();
        }
    }
}

impl Inner {
    fn park_condvar(&self) {
        let mut guard = self.mutex.lock().unwrap();
        match self
            .state
            .compare_exchange(EMPTY, PARKED_CONDVAR, SeqCst, SeqCst)
        {
            Ok(_) => {}
            Err(_) => {
                // Notified since step 1.
                self.state.store(EMPTY, SeqCst);
                return;
            }
        }
        loop {
            guard = self.condvar.wait(guard).unwrap();
            if self
                .state
                .compare_exchange(NOTIFIED, EMPTY, SeqCst, SeqCst)
                .is_ok()
            {
                return;
            }
        }
    }
}

impl Unparker {
    /// Step 3.
    pub(super) fn unpark(&self) {
        let inner = &*self.inner;
        match inner.state.swap(NOTIFIED, SeqCst) {
            PARKED_CONDVAR => {
                drop(inner.mutex.lock().unwrap());
                inner.condvar.notify_one();
            }
            PARKED_DRIVER => inner.shared.unpark.unpark(),
            _ => {}
        }
    }
}
