use crate::AsyncRead;
use bytes::{BufMut, Bytes, BytesMut};
use futures_core::Stream;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The most a single item of a [`ReaderStream`] holds.
const CHUNK_SIZE: usize = 4096;

/// A stream of the chunks read from a reader; see [`reader_stream`].
///
/// ```
/// use futures::StreamExt;
///
/// # futures::executor::block_on(async {
/// let mut chunks = tokio_io::reader_stream(&b"abc"[..]);
/// assert_eq!(&chunks.next().await.unwrap().unwrap()[..], b"abc");
/// assert!(chunks.next().await.is_none());
/// # });
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct ReaderStream<R> {
    /// Structurally pinned; `None` once end of stream or an error was reached.
    reader: Option<R>,
    buf: BytesMut,
}

/// Turns a reader into a stream of [`Bytes`] chunks of at most 4 KiB. The stream ends at
/// the reader's end of stream, or right after yielding its first error.
///
/// ```
/// use futures::StreamExt;
///
/// # futures::executor::block_on(async {
/// let data = vec![1u8; 10_000];
/// let sizes: Vec<usize> = tokio_io::reader_stream(&data[..])
///     .map(|chunk| chunk.unwrap().len())
///     .collect()
///     .await;
/// assert_eq!(sizes, [4096, 4096, 1808]);
/// # });
/// ```
pub fn reader_stream<R: AsyncRead>(reader: R) -> ReaderStream<R> {
    ReaderStream {
        reader: Some(reader),
        buf: BytesMut::new(),
    }
}

impl<R> ReaderStream<R> {
    fn project(self: Pin<&mut Self>) -> (Pin<&mut Option<R>>, &mut BytesMut) {
        // SAFETY: `reader` is structurally pinned: the reader is only ever dropped in place
        // (`Pin::set(None)`), never moved out; `ReaderStream` has no `Drop` and is `Unpin`
        // only when `R` is. `buf` is not pinned.
        let me = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above.
        let reader = unsafe { Pin::new_unchecked(&mut me.reader) };
        (reader, &mut me.buf)
    }
}

impl<R: AsyncRead> Stream for ReaderStream<R> {
    type Item = io::Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Bytes>>> {
        let (mut slot, buf) = self.project();
        let reader = match slot.as_mut().as_pin_mut() {
            Some(reader) => reader,
            None => return Poll::Ready(None),
        };
        buf.reserve(CHUNK_SIZE);
        let res = reader.poll_read_buf(cx, &mut (&mut *buf).limit(CHUNK_SIZE));
        match res {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(e)) => {
                slot.set(None);
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(Ok(0)) => {
                slot.set(None);
                Poll::Ready(None)
            }
            Poll::Ready(Ok(_)) => Poll::Ready(Some(Ok(buf.split().freeze()))),
        }
    }
}

impl<R: fmt::Debug> fmt::Debug for ReaderStream<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReaderStream")
            .field("reader", &self.reader)
            .finish()
    }
}
