//! `split`: two halves sharing one stream behind a mutex.
//!
//! - The stream lives in one `Arc<Mutex<T>>`; each half holds one reference, so the count
//!   is 2 while both halves live.
//! - A half locks the mutex only for the duration of one `poll_*` call on the stream,
//!   which never blocks, so the other half waits at most for that call.
//! - The stream is pinned once it is shared: it sits in the `Arc`'s allocation and is
//!   never moved until `unsplit`, which needs both halves and `T: Unpin`.
use crate::errors;
use crate::loom::{self, sync::Arc, sync::Mutex};
use crate::{AsyncRead, AsyncWrite};
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The read half of a stream split by [`split`].
///
/// ```
/// use tokio_io::{AsyncReadExt, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// let (a, mut b) = tokio_io::duplex(64);
/// let (mut rd, _wr) = tokio_io::split(a);
/// b.write_all(b"to the reader").await.unwrap();
/// let mut buf = [0u8; 13];
/// rd.read_exact(&mut buf).await.unwrap();
/// assert_eq!(&buf, b"to the reader");
/// # });
/// ```
///
/// A half may cross threads only when the stream may:
///
/// ```compile_fail
/// fn assert_send<T: Send>() {}
/// assert_send::<tokio_io::ReadHalf<std::rc::Rc<()>>>();
/// ```
pub struct ReadHalf<T> {
    inner: Arc<Mutex<T>>,
}

/// The write half of a stream split by [`split`].
///
/// ```
/// use tokio_io::{AsyncReadExt, AsyncWriteExt};
///
/// # futures::executor::block_on(async {
/// let (a, mut b) = tokio_io::duplex(64);
/// let (_rd, mut wr) = tokio_io::split(a);
/// wr.write_all(b"from the writer").await.unwrap();
/// let mut buf = [0u8; 15];
/// b.read_exact(&mut buf).await.unwrap();
/// assert_eq!(&buf, b"from the writer");
/// # });
/// ```
pub struct WriteHalf<T> {
    inner: Arc<Mutex<T>>,
}

/// Splits a stream into a read half and a write half, which can be moved to different
/// tasks. [`ReadHalf::unsplit`] puts them back together.
///
/// ```
/// # futures::executor::block_on(async {
/// let (a, _b) = tokio_io::duplex(64);
/// let (rd, wr) = tokio_io::split(a);
/// assert!(rd.is_pair_of(&wr));
/// let _a = rd.unsplit(wr);
/// # });
/// ```
pub fn split<T>(stream: T) -> (ReadHalf<T>, WriteHalf<T>)
where
    T: AsyncRead + AsyncWrite,
{
    let inner = Arc::new(Mutex::new(stream));
    let rd = ReadHalf {
        inner: inner.clone(),
    };
    (rd, WriteHalf { inner })
}

/// Runs `f` on the pinned stream while holding the lock.
fn with_pinned<T, R>(inner: &Mutex<T>, f: impl FnOnce(Pin<&mut T>) -> R) -> R {
    let mut guard = loom::lock(inner);
    // SAFETY: the stream is never moved while shared (module doc): it stays in the `Arc`
    // allocation until `unsplit`, which requires `T: Unpin`. The guard gives exclusive
    // access for the duration of `f`.
    let stream = unsafe { Pin::new_unchecked(&mut *guard) };
    f(stream)
}

impl<T> ReadHalf<T> {
    /// Whether `other` is the write half split from the same stream as `self`.
    ///
    /// ```
    /// let (a, b) = tokio_io::duplex(64);
    /// let (rd_a, wr_a) = tokio_io::split(a);
    /// let (_rd_b, wr_b) = tokio_io::split(b);
    /// assert!(rd_a.is_pair_of(&wr_a));
    /// assert!(!rd_a.is_pair_of(&wr_b));
    /// ```
    pub fn is_pair_of(&self, other: &WriteHalf<T>) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// Reunites the two halves into the original stream.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let (rd, wr) = tokio_io::split(a);
    /// let _a: tokio_io::DuplexStream = rd.unsplit(wr);
    /// ```
    ///
    /// # Panics
    ///
    /// Panics if `wr` was not split from the same stream as `self`.
    #[track_caller]
    pub fn unsplit(self, wr: WriteHalf<T>) -> T
    where
        T: Unpin,
    {
        assert!(self.is_pair_of(&wr), "{}", errors::UNSPLIT_UNRELATED);
        drop(wr);
        let mutex = match Arc::try_unwrap(self.inner) {
            Ok(mutex) => mutex,
            // Both halves are pairs, the write half is gone, and halves are not `Clone`:
            // this reference is the last one.
            Err(_) => unreachable!("a split stream had a third owner"),
        };
        match mutex.into_inner() {
            Ok(stream) => stream,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

impl<T> WriteHalf<T> {
    /// Whether `other` is the read half split from the same stream as `self`.
    ///
    /// ```
    /// let (a, _b) = tokio_io::duplex(64);
    /// let (rd, wr) = tokio_io::split(a);
    /// assert!(wr.is_pair_of(&rd));
    /// ```
    pub fn is_pair_of(&self, other: &ReadHalf<T>) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl<T: AsyncRead> AsyncRead for ReadHalf<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        with_pinned(&self.inner, |stream| stream.poll_read(cx, buf))
    }
}

impl<T: AsyncWrite> AsyncWrite for WriteHalf<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        with_pinned(&self.inner, |stream| stream.poll_write(cx, buf))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        with_pinned(&self.inner, |stream| stream.poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        with_pinned(&self.inner, |stream| stream.poll_shutdown(cx))
    }
}

impl<T> fmt::Debug for ReadHalf<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("split::ReadHalf").finish()
    }
}

impl<T> fmt::Debug for WriteHalf<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("split::WriteHalf").finish()
    }
}
