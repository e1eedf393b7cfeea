//! The "this thread drives a runtime" flag.
//!
//! Set while a thread runs `block_on` or a worker loop; blocking there again (a nested
//! `block_on`) would stall the tasks this thread is responsible for, so it panics.
//! `block_in_place` clears it for the duration of its closure.

use crate::errors;
use std::cell::Cell;
use std::marker::PhantomData;

thread_local!(static ENTERED: Cell<bool> = const { Cell::new(false) });

/// Proof that this thread entered a runtime; leaving happens on drop.
#[derive(Debug)]
pub struct Enter {
    _not_send: PhantomData<*const ()>,
}

/// Marks the thread as driving a runtime.
///
/// # Panics
///
/// Panics if the thread already drives one (a `block_on` inside a runtime).
///
/// ```
/// let guard = tokio_executor::enter::enter();
/// assert!(tokio_executor::enter::try_enter().is_none());
/// drop(guard);
/// assert!(tokio_executor::enter::try_enter().is_some());
/// ```
#[track_caller]
pub fn enter() -> Enter {
    match try_enter() {
        Some(e) => e,
        None => std::panic::panic_any(errors::NESTED_RUNTIME),
    }
}

/// Like [`enter`], but returns `None` instead of panicking.
pub fn try_enter() -> Option<Enter> {
    ENTERED.with(|e| {
        if e.get() {
            None
        } else {
            e.set(true);
            Some(Enter {
                _not_send: PhantomData,
            })
        }
    })
}

/// True while the current thread drives a runtime (is inside asynchronous code run by one).
pub fn is_entered() -> bool {
    ENTERED.try_with(|e| e.get()).unwrap_or(false)
}

/// Runs `f` with the flag cleared (restored afterwards, also on panic).
pub fn exit<F: FnOnce() -> R, R>(f: F) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            ENTERED.with(|e| e.set(self.0));
        }
    }
    let _reset = Reset(ENTERED.with(|e| e.replace(false)));
    f()
}

impl Drop for Enter {
    fn drop(&mut self) {
        let _ = ENTERED.try_with(|e| e.set(false));
    }
}

impl Enter {
    /// Blocks the current thread on `future`, parking it between polls.
    ///
    /// ```
    /// let mut enter = tokio_executor::enter::enter();
    /// assert_eq!(enter.block_on(async { 9 }), 9);
    /// ```
    pub fn block_on<F: std::future::Future>(&mut self, future: F) -> F::Output {
        crate::util::block_on::block_on(future)
    }
}
