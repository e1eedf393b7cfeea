use crate::{AsyncBufRead, AsyncRead};
use bytes::Buf;
use futures_core::Stream;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A reader over a stream of byte chunks; see [`stream_reader`].
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let chunks = futures::stream::iter(vec![Ok(bytes::Bytes::from_static(b"ab"))]);
/// let mut reader = tokio_io::stream_reader(chunks);
/// let mut out = String::new();
/// reader.read_to_string(&mut out).await.unwrap();
/// assert_eq!(out, "ab");
/// # });
/// ```
pub struct StreamReader<S, B> {
    /// Structurally pinned.
    inner: S,
    /// The chunk being read; `None` before the first and after the last.
    chunk: Option<B>,
}

/// Turns a stream of `io::Result` byte chunks into a reader: the chunks are read in order,
/// an `Err` item is returned from the read that reaches it, and the end of the stream is
/// the end of the reader.
///
/// ```
/// use bytes::Bytes;
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let chunks = futures::stream::iter(vec![
///     Ok(Bytes::from_static(b"fir")),
///     Ok(Bytes::from_static(b"st\nsecond\n")),
/// ]);
/// let mut lines = tokio_io::stream_reader(chunks).lines();
/// assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("first"));
/// # });
/// ```
pub fn stream_reader<S, B>(stream: S) -> StreamReader<S, B>
where
    S: Stream<Item = Result<B, io::Error>>,
    B: Buf,
{
    StreamReader {
        inner: stream,
        chunk: None,
    }
}

impl<S, B> StreamReader<S, B> {
    fn project(self: Pin<&mut Self>) -> (Pin<&mut S>, &mut Option<B>) {
        // SAFETY: `inner` is structurally pinned: it is never moved out of a pinned
        // `StreamReader`, which has no `Drop` and is `Unpin` only when `S` is. `chunk` is
        // not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let inner = unsafe { Pin::new_unchecked(&mut me.inner) };
        (inner, &mut me.chunk)
    }
}

impl<S, B> AsyncBufRead for StreamReader<S, B>
where
    S: Stream<Item = Result<B, io::Error>>,
    B: Buf,
{
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let (mut inner, chunk) = self.project();
        loop {
            if chunk.as_ref().is_some_and(|c| c.has_remaining()) {
                let bytes = chunk.as_ref().map_or(&[][..], |c| c.chunk());
                return Poll::Ready(Ok(bytes));
            }
            match ready!(inner.as_mut().poll_next(cx)) {
                Some(Ok(next)) => *chunk = Some(next),
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => {
                    *chunk = None;
                    return Poll::Ready(Ok(&[]));
                }
            }
        }
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        if amt > 0 {
            if let Some(chunk) = self.project().1 {
                chunk.advance(amt);
            }
        }
    }
}

impl<S, B> AsyncRead for StreamReader<S, B>
where
    S: Stream<Item = Result<B, io::Error>>,
    B: Buf,
{
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        let available = ready!(self.as_mut().poll_fill_buf(cx))?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Poll::Ready(Ok(n))
    }
}

impl<S: fmt::Debug, B: fmt::Debug> fmt::Debug for StreamReader<S, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamReader")
            .field("stream", &self.inner)
            .field("chunk", &self.chunk)
            .finish()
    }
}
