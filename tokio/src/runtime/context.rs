//! The runtime context of a thread: the current [`Handle`] (for `Handle::current`), and
//! through it the executor's spawner and blocking pool, the current reactor and the
//! current timer. [`enter`] sets them all; the guard restores every previous value.

use super::driver::HandlesGuard;
use super::Handle;
use std::cell::RefCell;
use tokio_executor::context::{self as exec, BlockingGuard, SpawnerGuard};

thread_local!(static CURRENT: RefCell<Option<Handle>> = const { RefCell::new(None) });

/// Restores the previous runtime context of this thread when dropped.
pub(crate) struct EnterGuard {
    prev: Option<Handle>,
    // Dropped after `prev` is restored, in declaration order below.
    _drivers: HandlesGuard,
    _blocking: BlockingGuard,
    _spawner: SpawnerGuard,
}

/// Makes `handle`'s runtime the current one on this thread.
pub(crate) fn enter(handle: &Handle) -> EnterGuard {
    let spawner = exec::set_spawner(handle.spawner.clone());
    let blocking = exec::set_blocking(handle.blocking.clone());
    let drivers = handle.drivers.enter();
    let prev = CURRENT
        .try_with(|c| c.borrow_mut().replace(handle.clone()))
        .ok()
        .flatten();
    EnterGuard {
        prev,
        _drivers: drivers,
        _blocking: blocking,
        _spawner: spawner,
    }
}

/// The handle of the runtime this thread runs code for.
pub(crate) fn current() -> Option<Handle> {
    CURRENT.try_with(|c| c.borrow().clone()).ok().flatten()
}

impl Drop for EnterGuard {
    fn drop(&mut self) {
        let prev = self.prev.take();
        let _ = CURRENT.try_with(|c| std::mem::replace(&mut *c.borrow_mut(), prev));
    }
}
