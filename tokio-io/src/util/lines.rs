use crate::future::poll_read_until;
use crate::AsyncBufRead;
use futures_core::Stream;
use std::io;
use std::mem;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The lines of a buffered reader; see
/// [`AsyncBufReadExt::lines`](crate::AsyncBufReadExt::lines).
///
/// Lines come without their `"\n"` or `"\r\n"`; a last line without a newline is still a
/// line, and an empty line is an empty `String`.
///
/// ```
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let mut lines = (&b"a\r\n\nb"[..]).lines();
/// assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("a"));
/// assert_eq!(lines.next_line().await.unwrap().as_deref(), Some(""));
/// assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("b"));
/// assert_eq!(lines.next_line().await.unwrap(), None);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Lines<R> {
    /// Structurally pinned.
    reader: R,
    /// The bytes of the line being read, kept across `Pending`.
    bytes: Vec<u8>,
    read: usize,
}

impl<R> Lines<R> {
    pub(crate) fn new(reader: R) -> Self {
        Lines {
            reader,
            bytes: Vec::new(),
            read: 0,
        }
    }

    /// Returns a mutable reference to the inner reader.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// let mut lines = (&b"a\nb"[..]).lines();
    /// let _reader: &mut &[u8] = lines.get_mut();
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.reader
    }

    /// Returns a reference to the inner reader.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// let lines = (&b"a\nb"[..]).lines();
    /// assert_eq!(*lines.get_ref(), b"a\nb");
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.reader
    }

    /// Returns the inner reader; a partly read line is lost.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// let lines = (&b"a\nb"[..]).lines();
    /// assert_eq!(lines.into_inner(), b"a\nb");
    /// ```
    pub fn into_inner(self) -> R {
        self.reader
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut R>, &mut Vec<u8>, &mut usize) {
        // SAFETY: `reader` is structurally pinned: it is never moved out of a pinned
        // `Lines` (`into_inner` takes `self` by value), `Lines` has no `Drop`, and it is
        // `Unpin` only when `R` is. The other fields are not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let reader = unsafe { Pin::new_unchecked(&mut me.reader) };
        (reader, &mut me.bytes, &mut me.read)
    }
}

impl<R: AsyncBufRead + Unpin> Lines<R> {
    /// Yields the next line, or `None` at end of stream.
    ///
    /// Cancellation-safe: a partly read line is kept and completed by the next call.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut lines = (&b"only"[..]).lines();
    /// assert_eq!(lines.next_line().await.unwrap(), Some("only".to_string()));
    /// assert_eq!(lines.next_line().await.unwrap(), None);
    /// # });
    /// ```
    pub async fn next_line(&mut self) -> io::Result<Option<String>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next_line(cx)).await
    }
}

impl<R: AsyncBufRead> Lines<R> {
    /// Polls for the next line; the poll form of [`next_line`](Lines::next_line).
    #[doc(hidden)]
    pub fn poll_next_line(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<Option<String>>> {
        let (reader, bytes, read) = self.project();
        ready!(poll_read_until(reader, cx, b'\n', bytes, read))?;
        if bytes.is_empty() {
            return Poll::Ready(Ok(None));
        }
        let mut line = String::from_utf8(mem::take(bytes)).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            )
        })?;
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        Poll::Ready(Ok(Some(line)))
    }
}

impl<R: AsyncBufRead> Stream for Lines<R> {
    type Item = io::Result<String>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<String>>> {
        self.poll_next_line(cx).map(Result::transpose)
    }
}
