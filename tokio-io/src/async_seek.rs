use std::io::{self, SeekFrom};
use std::ops::DerefMut;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Seeks within a byte stream asynchronously (tokio 0.2's two-step form).
///
/// A seek is started with `start_seek` and finished by polling `poll_complete`, which
/// reports the new offset from the start of the stream.
///
/// ```
/// use std::io::SeekFrom;
/// use std::pin::Pin;
/// use std::task::{Context, Poll};
/// use tokio_io::AsyncSeek;
///
/// let mut cursor = std::io::Cursor::new(vec![0u8; 10]);
/// let waker = futures::task::noop_waker();
/// let mut cx = Context::from_waker(&waker);
/// let started = Pin::new(&mut cursor).start_seek(&mut cx, SeekFrom::End(-3));
/// assert!(matches!(started, Poll::Ready(Ok(()))));
/// let pos = Pin::new(&mut cursor).poll_complete(&mut cx);
/// assert!(matches!(pos, Poll::Ready(Ok(7))));
/// ```
pub trait AsyncSeek {
    /// Starts a seek to `position`; `poll_complete` then reports the new offset.
    ///
    /// ```
    /// use std::io::SeekFrom;
    /// use std::pin::Pin;
    /// use std::task::{Context, Poll};
    /// use tokio_io::AsyncSeek;
    ///
    /// let mut cursor = std::io::Cursor::new(vec![0u8; 4]);
    /// let waker = futures::task::noop_waker();
    /// let mut cx = Context::from_waker(&waker);
    /// let started = Pin::new(&mut cursor).start_seek(&mut cx, SeekFrom::Start(2));
    /// assert!(matches!(started, Poll::Ready(Ok(()))));
    /// ```
    fn start_seek(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        position: SeekFrom,
    ) -> Poll<io::Result<()>>;

    /// Waits for the seek started by `start_seek` and returns the new position.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use std::task::{Context, Poll};
    /// use tokio_io::AsyncSeek;
    ///
    /// let mut cursor = std::io::Cursor::new(vec![0u8; 4]);
    /// let waker = futures::task::noop_waker();
    /// let mut cx = Context::from_waker(&waker);
    /// assert!(matches!(Pin::new(&mut cursor).poll_complete(&mut cx), Poll::Ready(Ok(0))));
    /// ```
    fn poll_complete(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>>;
}

/// The body shared by the impls for pointers to an `Unpin` seeker.
macro_rules! deref_async_seek {
    () => {
        fn start_seek(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            position: SeekFrom,
        ) -> Poll<io::Result<()>> {
            Pin::new(&mut **self).start_seek(cx, position)
        }

        fn poll_complete(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
            Pin::new(&mut **self).poll_complete(cx)
        }
    };
}

impl<T: ?Sized + AsyncSeek + Unpin> AsyncSeek for Box<T> {
    deref_async_seek!();
}

impl<T: ?Sized + AsyncSeek + Unpin> AsyncSeek for &mut T {
    deref_async_seek!();
}

impl<P> AsyncSeek for Pin<P>
where
    P: DerefMut + Unpin,
    P::Target: AsyncSeek,
{
    fn start_seek(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        position: SeekFrom,
    ) -> Poll<io::Result<()>> {
        self.get_mut().as_mut().start_seek(cx, position)
    }

    fn poll_complete(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        self.get_mut().as_mut().poll_complete(cx)
    }
}

impl<T: AsRef<[u8]> + Unpin> AsyncSeek for io::Cursor<T> {
    fn start_seek(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        position: SeekFrom,
    ) -> Poll<io::Result<()>> {
        Poll::Ready(io::Seek::seek(self.get_mut(), position).map(drop))
    }

    fn poll_complete(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        Poll::Ready(Ok(self.get_mut().position()))
    }
}
