//! [`Handle`]: a cloneable reference to a timer, captured by every delay at creation.

use super::{context, Inner};
use crate::clock::Clock;
use crate::errors;
use crate::loom::sync::Arc;
use crate::Instant;
use std::fmt;

/// A handle to a [`Timer`](crate::Timer): what new delays bind to.
///
/// Cheap to clone (one reference count). Delays keep their timer's shared state alive, so a
/// delay outliving its timer fails cleanly (a panic naming the shutdown) instead of touching
/// freed memory.
#[derive(Clone)]
pub struct Handle {
    pub(crate) inner: Arc<Inner>,
}

impl Handle {
    pub(crate) fn new(inner: Arc<Inner>) -> Handle {
        Handle { inner }
    }

    /// Returns the current timer of this thread.
    ///
    /// # Panics
    ///
    /// When no timer is current: outside a runtime, or in a runtime built without
    /// `enable_time()` / `enable_all()`.
    #[track_caller]
    pub fn current() -> Handle {
        match context::current() {
            Some(handle) => handle,
            None => panic!("{}", errors::NO_TIMER),
        }
    }

    /// Returns the current timer of this thread, if any.
    pub fn try_current() -> Option<Handle> {
        context::current()
    }

    /// The present on this timer's clock.
    pub fn now(&self) -> Instant {
        Instant::from_std(self.inner.clock().now())
    }

    /// Number of timer entries armed in the wheel (for leak tests).
    #[doc(hidden)]
    pub fn __armed_entries(&self) -> usize {
        self.inner.armed()
    }

    pub(crate) fn clock(&self) -> &Clock {
        self.inner.clock()
    }

    /// Wakes the driver so that it re-reads the clock (used after `advance`).
    #[cfg_attr(not(feature = "test-util"), allow(dead_code))]
    pub(crate) fn unpark_driver(&self) {
        self.inner.unpark_driver()
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle").finish_non_exhaustive()
    }
}
