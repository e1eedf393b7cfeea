//! Every panic message of this crate (misuse only), in one place. The wording matches
//! tokio 0.2.25 where 0.2 had a message, so code that matches on it keeps working.

/// `mpsc::channel(0)`.
pub(crate) const MPSC_ZERO_BUFFER: &str = "mpsc bounded channel requires buffer > 0";
/// `broadcast::channel(0)`.
pub(crate) const BROADCAST_ZERO: &str = "capacity is empty";
/// `broadcast::channel(n)` with `n` beyond what can be rounded to a power of two.
pub(crate) const BROADCAST_TOO_LARGE: &str = "requested capacity too large";
/// Polling a oneshot `Receiver` again after it returned `Ready`.
pub(crate) const ONESHOT_AFTER_COMPLETE: &str = "called after complete";

/// `Semaphore::new(n)` / `add_permits(n)` beyond `MAX_PERMITS`.
#[track_caller]
pub(crate) fn too_many_permits(max: usize) -> ! {
    panic!(
        "a semaphore may not have more than MAX_PERMITS permits ({}); \
         use fewer permits or several semaphores",
        max
    )
}
