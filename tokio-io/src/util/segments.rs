use crate::future::poll_read_until;
use crate::AsyncBufRead;
use futures_core::Stream;
use std::io;
use std::mem;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The segments of a buffered reader between occurrences of a delimiter byte; see
/// [`AsyncBufReadExt::split`](crate::AsyncBufReadExt::split).
///
/// ```
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let mut segments = AsyncBufReadExt::split(&b"x;y;"[..], b';');
/// assert_eq!(segments.next_segment().await.unwrap(), Some(b"x".to_vec()));
/// assert_eq!(segments.next_segment().await.unwrap(), Some(b"y".to_vec()));
/// assert_eq!(segments.next_segment().await.unwrap(), None);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Split<R> {
    /// Structurally pinned.
    reader: R,
    delim: u8,
    /// The bytes of the segment being read, kept across `Pending`.
    buf: Vec<u8>,
    read: usize,
}

impl<R> Split<R> {
    pub(crate) fn new(reader: R, delim: u8) -> Self {
        Split {
            reader,
            delim,
            buf: Vec::new(),
            read: 0,
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut R>, u8, &mut Vec<u8>, &mut usize) {
        // SAFETY: `reader` is structurally pinned: it is never moved out of a pinned
        // `Split`, `Split` has no `Drop`, and it is `Unpin` only when `R` is. The other
        // fields are not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let reader = unsafe { Pin::new_unchecked(&mut me.reader) };
        (reader, me.delim, &mut me.buf, &mut me.read)
    }
}

impl<R: AsyncBufRead + Unpin> Split<R> {
    /// Yields the next segment without its delimiter, or `None` at end of stream.
    ///
    /// Cancellation-safe: a partly read segment is kept and completed by the next call.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut segments = AsyncBufReadExt::split(&b"k=v"[..], b'=');
    /// assert_eq!(segments.next_segment().await.unwrap(), Some(b"k".to_vec()));
    /// # });
    /// ```
    pub async fn next_segment(&mut self) -> io::Result<Option<Vec<u8>>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next_segment(cx)).await
    }
}

impl<R: AsyncBufRead> Split<R> {
    /// Polls for the next segment; the poll form of
    /// [`next_segment`](Split::next_segment).
    #[doc(hidden)]
    pub fn poll_next_segment(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<Option<Vec<u8>>>> {
        let (reader, delim, buf, read) = self.project();
        ready!(poll_read_until(reader, cx, delim, buf, read))?;
        if buf.is_empty() {
            return Poll::Ready(Ok(None));
        }
        if buf.last() == Some(&delim) {
            buf.pop();
        }
        Poll::Ready(Ok(Some(mem::take(buf))))
    }
}

impl<R: AsyncBufRead> Stream for Split<R> {
    type Item = io::Result<Vec<u8>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Vec<u8>>>> {
        self.poll_next_segment(cx).map(Result::transpose)
    }
}
