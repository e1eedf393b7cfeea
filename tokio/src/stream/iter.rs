//! [`iter`]: a stream over the items of an iterator.
//!
//! Cooperative yielding: an iterator stream is always ready, so a task draining a long
//! (or endless) one would never give its thread back. Inside a runtime, after
//! [`BUDGET`] consecutive items the stream returns `Pending` once and wakes its task at
//! the same time, so the scheduler can run others first. Outside a runtime (a plain
//! executor, a hand-written poll) it never yields, matching tokio 0.2's unconstrained
//! budget there. The count is per stream, not per task: an approximation of tokio 0.2's
//! per-task budget that yields at least as often.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Items an [`Iter`] yields in a row before it lets its task be rescheduled (the same
/// number as tokio 0.2's per-poll budget).
const BUDGET: u32 = 128;

/// Stream for [`iter`]: always ready, yields the iterator's items (with a cooperative
/// yield every 128 items inside a runtime). Always [`Unpin`].
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Iter<I> {
    iter: I,
    /// Items yielded since the last `Pending`.
    streak: u32,
}

impl<I> Unpin for Iter<I> {}

/// Converts an iterator into a stream that is always ready with the iterator's next item.
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let mut s = stream::iter(vec![17, 19]);
/// assert_eq!(s.next().await, Some(17));
/// assert_eq!(s.next().await, Some(19));
/// assert_eq!(s.next().await, None);
/// # });
/// ```
pub fn iter<I>(i: I) -> Iter<I::IntoIter>
where
    I: IntoIterator,
{
    Iter {
        iter: i.into_iter(),
        streak: 0,
    }
}

impl<I: Iterator> Stream for Iter<I> {
    type Item = I::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I::Item>> {
        if self.streak >= BUDGET {
            self.streak = 0;
            if in_runtime() {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
        }
        self.streak += 1;
        Poll::Ready(self.iter.next())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}

/// Whether the calling thread is inside a runtime (where yielding lets other tasks run).
fn in_runtime() -> bool {
    crate::runtime::Handle::try_current().is_ok()
}
