//! Task-local storage: `task_local!` and [`LocalKey`].
//!
//! A task-local value is not stored in the task: it lives in the future returned by
//! [`LocalKey::scope`] and is moved into a thread-local slot only while that future is being
//! polled. Protocol of one poll of a scope future:
//! 1. Swap the scope's value into the thread-local slot, keeping what was there (the value
//!    of an enclosing scope of the same key, or nothing).
//! 2. Poll the inner future; `with` / `try_with` / `get` see the value.
//! 3. Swap back, by a guard's `Drop`, so that a panic in the inner future still restores
//!    the enclosing value: nested scopes compose, and a value never leaks into another task
//!    polled later on the same thread.

use std::cell::RefCell;
use std::fmt;
use std::future::Future;

/// The panic text of [`LocalKey::with`] without a value in scope.
const NOT_SET: &str = crate::errors::TASK_LOCAL_NOT_SET;

/// Declares task-local keys of type [`LocalKey`](crate::task::LocalKey).
///
/// Each declaration is `[#[attr]] [vis] static NAME: Type;`. The key has no value until a
/// [`LocalKey::scope`](crate::task::LocalKey::scope) future runs.
///
/// ```
/// tokio::task_local! {
///     pub static ONE: u32;
///
///     #[allow(unused)]
///     static TWO: f32;
/// }
/// # futures::executor::block_on(ONE.scope(1, async { assert_eq!(ONE.get(), 1) }));
/// ```
#[macro_export]
macro_rules! task_local {
    () => {};
    ($(#[$attr:meta])* $vis:vis static $name:ident: $t:ty; $($rest:tt)*) => {
        $crate::__task_local_inner!($(#[$attr])* $vis $name, $t);
        $crate::task_local!($($rest)*);
    };
    ($(#[$attr:meta])* $vis:vis static $name:ident: $t:ty) => {
        $crate::__task_local_inner!($(#[$attr])* $vis $name, $t);
    };
}

/// One `task_local!` key: a static `LocalKey` around a thread-local slot.
#[doc(hidden)]
#[macro_export]
macro_rules! __task_local_inner {
    ($(#[$attr:meta])* $vis:vis $name:ident, $t:ty) => {
        $(#[$attr])*
        $vis static $name: $crate::task::LocalKey<$t> = {
            ::std::thread_local! {
                static __KEY: ::std::cell::RefCell<::core::option::Option<$t>> =
                    const { ::std::cell::RefCell::new(::core::option::Option::None) };
            }
            $crate::task::LocalKey { inner: __KEY }
        };
    };
}

/// A key for task-local data, declared with `task_local!`.
///
/// The value is set for the duration of a future with [`scope`](LocalKey::scope) and read
/// with [`with`](LocalKey::with), [`try_with`](LocalKey::try_with) or
/// [`get`](LocalKey::get) from code that runs while that future is polled.
///
/// ```
/// tokio::task_local! {
///     static NUMBER: u32;
/// }
///
/// # futures::executor::block_on(async {
/// NUMBER
///     .scope(1, async move {
///         assert_eq!(NUMBER.get(), 1);
///         NUMBER
///             .scope(2, async move { assert_eq!(NUMBER.get(), 2) })
///             .await;
///         assert_eq!(NUMBER.get(), 1);
///     })
///     .await;
/// # });
/// ```
pub struct LocalKey<T: 'static> {
    #[doc(hidden)]
    pub inner: std::thread::LocalKey<RefCell<Option<T>>>,
}

/// Puts a scope's value back on drop (see the module doc, step 3).
struct Swapped<'a, T: 'static> {
    key: &'static LocalKey<T>,
    /// The scope's own slot: empty while the value is in the thread-local.
    slot: &'a mut Option<T>,
    /// What the thread-local held before step 1.
    prev: Option<T>,
}

impl<T: 'static> Drop for Swapped<'_, T> {
    fn drop(&mut self) {
        let prev = self.prev.take();
        *self.slot = self.key.inner.with(|cell| cell.replace(prev));
    }
}

impl<T: 'static> LocalKey<T> {
    /// Runs `f` with this key set to `value`: the value is visible to code running while
    /// the returned future is polled, and dropped with it.
    ///
    /// Cancellation-safe in the sense that dropping the future drops the value and leaves
    /// the key as it was.
    ///
    /// ```
    /// tokio::task_local! {
    ///     static ID: u32;
    /// }
    ///
    /// # futures::executor::block_on(async {
    /// let id = ID.scope(7, async { ID.with(|id| *id) }).await;
    /// assert_eq!(id, 7);
    /// # });
    /// ```
    pub async fn scope<F: Future>(&'static self, value: T, f: F) -> F::Output {
        let mut slot = Some(value);
        let mut f = ::core::pin::pin!(f);
        crate::future::poll_fn(move |cx| {
            let prev = self.inner.with(|cell| cell.replace(slot.take()));
            let _swapped = Swapped {
                key: self,
                slot: &mut slot,
                prev,
            };
            f.as_mut().poll(cx)
        })
        .await
    }

    /// Calls `f` with a reference to the value in scope.
    ///
    /// # Panics
    ///
    /// Panics with "cannot access a Task Local Storage value without setting it via
    /// `LocalKey::set`" when no [`scope`](LocalKey::scope) of this key is being polled.
    ///
    /// ```
    /// tokio::task_local! {
    ///     static NAME: String;
    /// }
    ///
    /// # futures::executor::block_on(async {
    /// NAME.scope("ann".to_string(), async {
    ///     assert_eq!(NAME.with(|n| n.len()), 3);
    /// }).await;
    /// # });
    /// ```
    #[track_caller]
    pub fn with<F, R>(&'static self, f: F) -> R
    where
        F: FnOnce(&T) -> R,
    {
        match self.try_with(f) {
            Ok(r) => r,
            Err(_) => panic!("{}", NOT_SET),
        }
    }

    /// Calls `f` with a reference to the value in scope, or returns an `AccessError` when
    /// no [`scope`](LocalKey::scope) of this key is being polled.
    ///
    /// ```
    /// tokio::task_local! {
    ///     static N: u32;
    /// }
    ///
    /// assert!(N.try_with(|n| *n).is_err());
    /// ```
    pub fn try_with<F, R>(&'static self, f: F) -> Result<R, AccessError>
    where
        F: FnOnce(&T) -> R,
    {
        self.inner.with(|cell| match cell.borrow().as_ref() {
            Some(value) => Ok(f(value)),
            None => Err(AccessError { _private: () }),
        })
    }
}

impl<T: Copy + 'static> LocalKey<T> {
    /// Returns a copy of the value in scope.
    ///
    /// # Panics
    ///
    /// Panics like [`with`](LocalKey::with) when no scope of this key is being polled.
    ///
    /// ```
    /// tokio::task_local! {
    ///     static N: u32;
    /// }
    ///
    /// # futures::executor::block_on(async {
    /// assert_eq!(N.scope(3, async { N.get() }).await, 3);
    /// # });
    /// ```
    #[track_caller]
    pub fn get(&'static self) -> T {
        self.with(|v| *v)
    }
}

impl<T: 'static> fmt::Debug for LocalKey<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad("LocalKey { .. }")
    }
}

/// The error of [`LocalKey::try_with`]: no value of the key is in scope.
#[derive(Clone, Copy, Eq, PartialEq)]
pub struct AccessError {
    _private: (),
}

impl fmt::Debug for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessError").finish()
    }
}

impl fmt::Display for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt("task-local value not set", f)
    }
}

impl std::error::Error for AccessError {}
