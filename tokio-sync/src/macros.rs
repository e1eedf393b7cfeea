//! `cfg_*!` helpers for this crate's features.

/// Items that need the `time` feature (a timer from tokio-timer).
macro_rules! cfg_time {
    ($($item:item)*) => { $( #[cfg(feature = "time")] #[cfg_attr(docsrs, doc(cfg(feature = "time")))] $item )* }
}
