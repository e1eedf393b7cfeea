use std::io::{self, SeekFrom};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Seeks within a byte stream asynchronously (tokio 0.2's two-step form).
pub trait AsyncSeek {
    /// Starts a seek to `position`; `poll_complete` then reports the new offset.
    fn start_seek(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        position: SeekFrom,
    ) -> Poll<io::Result<()>>;

    /// Waits for the seek started by `start_seek` and returns the new position.
    fn poll_complete(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>>;
}
