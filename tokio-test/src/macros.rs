//! Assertion macros for `Poll` and `Result` values.
//!
//! Each macro takes optional trailing format arguments that are appended to its panic
//! message after `"; "` (or `": "` for `assert_ok!` / `assert_err!`). They name each other
//! through `$crate`, so they work whether they are imported, called by path
//! (`tokio_test::assert_ok!(..)`) or brought in with `#[macro_use]`.

/// Asserts that a `Poll<T>` is `Ready` and evaluates to the `T`.
///
/// # Panics
///
/// With `"pending"` (or `"pending; {msg}"`) if the value is `Pending`.
///
/// ```
/// use std::task::Poll;
/// use tokio_test::assert_ready;
///
/// let value = assert_ready!(Poll::Ready(7));
/// assert_eq!(value, 7);
/// ```
///
/// ```should_panic
/// # use std::task::Poll;
/// tokio_test::assert_ready!(Poll::<()>::Pending, "while reading {}", "the header");
/// // panics with "pending; while reading the header"
/// ```
#[macro_export]
macro_rules! assert_ready {
    ($e:expr) => {{
        match $e {
            ::std::task::Poll::Ready(v) => v,
            ::std::task::Poll::Pending => ::std::panic!("pending"),
        }
    }};
    ($e:expr, $($msg:tt)+) => {{
        match $e {
            ::std::task::Poll::Ready(v) => v,
            ::std::task::Poll::Pending => {
                ::std::panic!("pending; {}", ::std::format_args!($($msg)+))
            }
        }
    }};
}

/// Asserts that a `Poll<Result<T, E>>` is `Ready(Ok(_))` and evaluates to the `T`.
///
/// # Panics
///
/// With `"pending"` if the value is `Pending`, and with `"error = {e:?}"` if it is
/// `Ready(Err(e))` (each followed by `"; {msg}"` when a message is given).
///
/// ```
/// use std::task::Poll;
/// use tokio_test::assert_ready_ok;
///
/// let poll: Poll<Result<u8, ()>> = Poll::Ready(Ok(1));
/// assert_eq!(assert_ready_ok!(poll), 1);
/// ```
#[macro_export]
macro_rules! assert_ready_ok {
    ($e:expr) => {{
        match $crate::assert_ready!($e) {
            ::std::result::Result::Ok(v) => v,
            ::std::result::Result::Err(e) => ::std::panic!("error = {:?}", e),
        }
    }};
    ($e:expr, $($msg:tt)+) => {{
        match $crate::assert_ready!($e, $($msg)+) {
            ::std::result::Result::Ok(v) => v,
            ::std::result::Result::Err(e) => {
                ::std::panic!("error = {:?}; {}", e, ::std::format_args!($($msg)+))
            }
        }
    }};
}

/// Asserts that a `Poll<Result<T, E>>` is `Ready(Err(_))` and evaluates to the `E`.
///
/// # Panics
///
/// With `"pending"` if the value is `Pending`, and with `"value = {v:?}"` if it is
/// `Ready(Ok(v))` (each followed by `"; {msg}"` when a message is given).
///
/// ```
/// use std::task::Poll;
/// use tokio_test::assert_ready_err;
///
/// let poll: Poll<Result<(), &str>> = Poll::Ready(Err("nope"));
/// assert_eq!(assert_ready_err!(poll), "nope");
/// ```
#[macro_export]
macro_rules! assert_ready_err {
    ($e:expr) => {{
        match $crate::assert_ready!($e) {
            ::std::result::Result::Ok(v) => ::std::panic!("value = {:?}", v),
            ::std::result::Result::Err(e) => e,
        }
    }};
    ($e:expr, $($msg:tt)+) => {{
        match $crate::assert_ready!($e, $($msg)+) {
            ::std::result::Result::Ok(v) => {
                ::std::panic!("value = {:?}; {}", v, ::std::format_args!($($msg)+))
            }
            ::std::result::Result::Err(e) => e,
        }
    }};
}

/// Asserts that a `Poll<T>` is `Pending`.
///
/// # Panics
///
/// With `"ready; value = {v:?}"` (or `"ready; value = {v:?}; {msg}"`) if the value is
/// `Ready(v)`.
///
/// ```
/// use std::task::Poll;
/// use tokio_test::assert_pending;
///
/// assert_pending!(Poll::<u8>::Pending);
/// ```
///
/// ```should_panic
/// # use std::task::Poll;
/// tokio_test::assert_pending!(Poll::Ready(3));
/// // panics with "ready; value = 3"
/// ```
#[macro_export]
macro_rules! assert_pending {
    ($e:expr) => {{
        match $e {
            ::std::task::Poll::Pending => {}
            ::std::task::Poll::Ready(v) => ::std::panic!("ready; value = {:?}", v),
        }
    }};
    ($e:expr, $($msg:tt)+) => {{
        match $e {
            ::std::task::Poll::Pending => {}
            ::std::task::Poll::Ready(v) => {
                ::std::panic!("ready; value = {:?}; {}", v, ::std::format_args!($($msg)+))
            }
        }
    }};
}

/// Asserts that a `Poll<T>` is `Ready` with a value equal to `expected`.
///
/// Works in statement position (as in tokio-test 0.2.1) and also as an expression of
/// type `()`.
///
/// # Panics
///
/// With `"pending"` if the value is `Pending`, and with `assert_eq!`'s message if the
/// values differ (the optional message is passed to both).
///
/// ```
/// use std::task::Poll;
/// use tokio_test::assert_ready_eq;
///
/// assert_ready_eq!(Poll::Ready(2 + 2), 4);
/// assert_ready_eq!(Poll::Ready("a"), "a", "comparing {}", "letters");
/// ```
#[macro_export]
macro_rules! assert_ready_eq {
    ($e:expr, $expect:expr) => {{
        let val = $crate::assert_ready!($e);
        ::std::assert_eq!(val, $expect)
    }};
    ($e:expr, $expect:expr, $($msg:tt)+) => {{
        let val = $crate::assert_ready!($e, $($msg)+);
        ::std::assert_eq!(val, $expect, $($msg)+)
    }};
}

/// Asserts that a `Result<T, E>` is `Ok` and evaluates to the `T`.
///
/// # Panics
///
/// With `"assertion failed: Err({e:?})"` (or `"assertion failed: Err({e:?}): {msg}"`).
///
/// ```
/// use tokio_test::assert_ok;
///
/// let n: u32 = assert_ok!("12".parse::<u32>());
/// assert_eq!(n, 12);
/// ```
///
/// ```should_panic
/// tokio_test::assert_ok!("x".parse::<u32>(), "parsing {}", "x");
/// // panics with "assertion failed: Err(ParseIntError { kind: InvalidDigit }): parsing x"
/// ```
#[macro_export]
macro_rules! assert_ok {
    ($e:expr) => {
        $crate::assert_ok!($e,)
    };
    ($e:expr,) => {{
        match $e {
            ::std::result::Result::Ok(v) => v,
            ::std::result::Result::Err(e) => ::std::panic!("assertion failed: Err({:?})", e),
        }
    }};
    ($e:expr, $($arg:tt)+) => {{
        match $e {
            ::std::result::Result::Ok(v) => v,
            ::std::result::Result::Err(e) => ::std::panic!(
                "assertion failed: Err({:?}): {}",
                e,
                ::std::format_args!($($arg)+)
            ),
        }
    }};
}

/// Asserts that a `Result<T, E>` is `Err` and evaluates to the `E`.
///
/// # Panics
///
/// With `"assertion failed: Ok({v:?})"` (or `"assertion failed: Ok({v:?}): {msg}"`).
///
/// ```
/// use tokio_test::assert_err;
///
/// let err = assert_err!("x".parse::<u32>());
/// assert_eq!(err.to_string(), "invalid digit found in string");
/// ```
#[macro_export]
macro_rules! assert_err {
    ($e:expr) => {
        $crate::assert_err!($e,)
    };
    ($e:expr,) => {{
        match $e {
            ::std::result::Result::Ok(v) => ::std::panic!("assertion failed: Ok({:?})", v),
            ::std::result::Result::Err(e) => e,
        }
    }};
    ($e:expr, $($arg:tt)+) => {{
        match $e {
            ::std::result::Result::Ok(v) => ::std::panic!(
                "assertion failed: Ok({:?}): {}",
                v,
                ::std::format_args!($($arg)+)
            ),
            ::std::result::Result::Err(e) => e,
        }
    }};
}

/// Asserts that the time elapsed since an instant (or a measured `Duration`) is
/// `expected`, give or take a tolerance (the lower bound is strict, since timers never
/// fire early).
///
/// - `assert_elapsed!(start, expected)`: `expected <= elapsed <= expected + 1 ms`
///   (the timer's millisecond rounding), which suits tests on a paused clock;
/// - `assert_elapsed!(start, expected, tolerance)`: `expected <= elapsed <= expected +
///   tolerance`, for the real clock;
/// - further arguments are a format message appended to the panic.
///
/// `start` may be a `tokio::time::Instant`, a `std::time::Instant` (both measured with
/// `elapsed()`) or a `Duration` (taken as the elapsed time itself).
///
/// # Panics
///
/// With `"elapsed {elapsed:?} is not within [{expected:?}, {upper:?}]"` (plus
/// `"; {msg}"`).
///
/// ```
/// use std::time::Duration;
/// use tokio_test::assert_elapsed;
///
/// assert_elapsed!(Duration::from_millis(100), Duration::from_millis(100));
/// let start = std::time::Instant::now();
/// std::thread::sleep(Duration::from_millis(20));
/// assert_elapsed!(start, Duration::from_millis(20), Duration::from_secs(5));
/// ```
#[macro_export]
macro_rules! assert_elapsed {
    ($start:expr, $expected:expr) => {
        $crate::assert_elapsed!($start, $expected, ::std::time::Duration::from_millis(1))
    };
    ($start:expr, $expected:expr, $tolerance:expr) => {{
        let (elapsed, expected, upper) =
            $crate::__private::elapsed_bounds(&$start, $expected, $tolerance);
        if elapsed < expected || elapsed > upper {
            ::std::panic!(
                "elapsed {:?} is not within [{:?}, {:?}]",
                elapsed,
                expected,
                upper
            );
        }
    }};
    ($start:expr, $expected:expr, $tolerance:expr, $($msg:tt)+) => {{
        let (elapsed, expected, upper) =
            $crate::__private::elapsed_bounds(&$start, $expected, $tolerance);
        if elapsed < expected || elapsed > upper {
            ::std::panic!(
                "elapsed {:?} is not within [{:?}, {:?}]; {}",
                elapsed,
                expected,
                upper,
                ::std::format_args!($($msg)+)
            );
        }
    }};
}
