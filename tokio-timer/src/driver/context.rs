//! The thread's current timer: what new delays bind to.
//!
//! The runtime sets it on every thread that runs its code; guards restore the previous
//! value on drop (not `None`), so nested runtimes and `enter` compose.

use super::Handle;
use std::cell::RefCell;

thread_local! {
    static CURRENT: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// Restores the previous current timer when dropped.
#[derive(Debug)]
pub struct DefaultGuard {
    prev: Option<Handle>,
}

/// Makes `handle` the current timer of this thread until the guard drops.
///
/// ```
/// use tokio_executor::park::ParkThread;
/// use tokio_timer::{set_default, Timer};
///
/// let timer = Timer::new(ParkThread::new());
/// let guard = set_default(&timer.handle());
/// let delay = tokio_timer::delay_for(std::time::Duration::from_millis(1));
/// drop(delay);
/// drop(guard);
/// ```
pub fn set_default(handle: &Handle) -> DefaultGuard {
    let prev = CURRENT.with(|current| current.borrow_mut().replace(handle.clone()));
    DefaultGuard { prev }
}

impl Drop for DefaultGuard {
    fn drop(&mut self) {
        let prev = self.prev.take();
        // `try_with`: during thread teardown the slot may already be gone.
        let _ = CURRENT.try_with(|current| *current.borrow_mut() = prev);
    }
}

pub(crate) fn current() -> Option<Handle> {
    CURRENT
        .try_with(|current| current.borrow().clone())
        .ok()
        .flatten()
}

/// Runs `f` on the current timer without cloning its handle.
#[cfg_attr(not(feature = "test-util"), allow(dead_code))]
pub(crate) fn with_current<R>(f: impl FnOnce(Option<&Handle>) -> R) -> R {
    let mut f = Some(f);
    let res = CURRENT.try_with(|current| (f.take().unwrap())(current.borrow().as_ref()));
    match res {
        Ok(r) => r,
        Err(_) => (f.take().unwrap())(None),
    }
}
