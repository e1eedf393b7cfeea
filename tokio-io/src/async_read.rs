use crate::errors;
use bytes::BufMut;
use std::io;
use std::mem::MaybeUninit;
use std::ops::DerefMut;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Reads bytes from a source asynchronously (tokio 0.2's form).
///
/// `poll_read` returns `Poll::Ready(Ok(n))` with `n` bytes placed at the front of `buf`
/// (`n == 0` means end of stream when `buf` is not empty), or `Poll::Pending` after
/// arranging for the task to be woken when reading can make progress.
///
/// ```
/// use std::pin::Pin;
/// use std::task::{Context, Poll};
/// use tokio_io::AsyncRead;
///
/// /// Yields the byte `7` forever.
/// struct Sevens;
///
/// impl AsyncRead for Sevens {
///     fn poll_read(
///         self: Pin<&mut Self>,
///         _cx: &mut Context<'_>,
///         buf: &mut [u8],
///     ) -> Poll<std::io::Result<usize>> {
///         buf.fill(7);
///         Poll::Ready(Ok(buf.len()))
///     }
/// }
/// ```
pub trait AsyncRead {
    /// Prepares an uninitialised buffer to be safe to pass to `poll_read`.
    ///
    /// Returns `true` when the buffer was zeroed; implementations that never read from the
    /// buffer they are handed may return `false` without touching it.
    ///
    /// ```
    /// use std::mem::MaybeUninit;
    /// use tokio_io::AsyncRead;
    ///
    /// let reader: &[u8] = b"abc";
    /// let mut buf = [MaybeUninit::new(1u8); 4];
    /// // SAFETY: `buf` is ours alone.
    /// let zeroed = unsafe { reader.prepare_uninitialized_buffer(&mut buf) };
    /// assert!(!zeroed); // a slice never reads from the buffer it fills
    /// ```
    ///
    /// # Safety
    ///
    /// Implementations that return `false` promise that `poll_read` only writes to the
    /// buffer and never reads from it. Callers must pass a buffer they own exclusively.
    unsafe fn prepare_uninitialized_buffer(&self, buf: &mut [MaybeUninit<u8>]) -> bool {
        for b in buf.iter_mut() {
            b.write(0);
        }
        true
    }

    /// Attempts to read into `buf`.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use std::task::{Context, Poll};
    /// use tokio_io::AsyncRead;
    ///
    /// let mut reader: &[u8] = b"hi";
    /// let mut buf = [0u8; 8];
    /// let waker = futures::task::noop_waker();
    /// let mut cx = Context::from_waker(&waker);
    /// let n = Pin::new(&mut reader).poll_read(&mut cx, &mut buf);
    /// assert!(matches!(n, Poll::Ready(Ok(2))));
    /// ```
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>>;

    /// Reads into a [`BufMut`], advancing it by the number of bytes read.
    ///
    /// ```
    /// use std::pin::Pin;
    /// use std::task::{Context, Poll};
    /// use tokio_io::AsyncRead;
    ///
    /// let mut reader: &[u8] = b"hello";
    /// let mut out = Vec::with_capacity(16);
    /// let waker = futures::task::noop_waker();
    /// let mut cx = Context::from_waker(&waker);
    /// let n = Pin::new(&mut reader).poll_read_buf(&mut cx, &mut out);
    /// assert!(matches!(n, Poll::Ready(Ok(5))));
    /// assert_eq!(out, b"hello");
    /// ```
    ///
    /// # Panics
    ///
    /// Panics when the implementation reports more bytes than the buffer could hold.
    fn poll_read_buf<B: BufMut>(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut B,
    ) -> Poll<io::Result<usize>>
    where
        Self: Sized,
    {
        if !buf.has_remaining_mut() {
            return Poll::Ready(Ok(0));
        }
        let chunk = buf.chunk_mut();
        let len = chunk.len();
        // SAFETY: `UninitSlice` is a view of `len` writable bytes owned by `buf`; viewing
        // them as `MaybeUninit<u8>` is sound because every bit pattern, including
        // uninitialised, is a valid `MaybeUninit<u8>`, and we hold `buf` exclusively.
        let dst: &mut [MaybeUninit<u8>] = unsafe {
            std::slice::from_raw_parts_mut(chunk.as_mut_ptr().cast::<MaybeUninit<u8>>(), len)
        };
        // Always zero: the buffer's bytes may be uninitialised and `poll_read` takes
        // `&mut [u8]`, which must never expose uninitialised memory.
        for b in dst.iter_mut() {
            b.write(0);
        }
        // SAFETY: every byte of `dst` was initialised just above.
        let dst: &mut [u8] =
            unsafe { std::slice::from_raw_parts_mut(dst.as_mut_ptr().cast::<u8>(), len) };
        let n = match self.poll_read(cx, dst) {
            Poll::Ready(Ok(n)) => n,
            Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
            Poll::Pending => return Poll::Pending,
        };
        assert!(n <= len, "{}", errors::BAD_READ_LEN);
        // SAFETY: the first `n <= len` bytes of the chunk were initialised above.
        unsafe { buf.advance_mut(n) };
        Poll::Ready(Ok(n))
    }
}

/// The body shared by the impls for pointers to an `Unpin` reader.
macro_rules! deref_async_read {
    () => {
        unsafe fn prepare_uninitialized_buffer(&self, buf: &mut [MaybeUninit<u8>]) -> bool {
            // SAFETY: forwarded unchanged; our caller upheld the same contract.
            unsafe { (**self).prepare_uninitialized_buffer(buf) }
        }

        fn poll_read(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &mut [u8],
        ) -> Poll<io::Result<usize>> {
            Pin::new(&mut **self).poll_read(cx, buf)
        }
    };
}

impl<T: ?Sized + AsyncRead + Unpin> AsyncRead for Box<T> {
    deref_async_read!();
}

impl<T: ?Sized + AsyncRead + Unpin> AsyncRead for &mut T {
    deref_async_read!();
}

impl<P> AsyncRead for Pin<P>
where
    P: DerefMut + Unpin,
    P::Target: AsyncRead,
{
    unsafe fn prepare_uninitialized_buffer(&self, buf: &mut [MaybeUninit<u8>]) -> bool {
        // SAFETY: forwarded unchanged; our caller upheld the same contract.
        unsafe { (**self).prepare_uninitialized_buffer(buf) }
    }

    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().as_mut().poll_read(cx, buf)
    }
}

impl AsyncRead for &[u8] {
    unsafe fn prepare_uninitialized_buffer(&self, _buf: &mut [MaybeUninit<u8>]) -> bool {
        // Copying out of a slice only ever writes to the destination.
        false
    }

    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(io::Read::read(&mut *self, buf))
    }
}

impl<T: AsRef<[u8]> + Unpin> AsyncRead for io::Cursor<T> {
    unsafe fn prepare_uninitialized_buffer(&self, _buf: &mut [MaybeUninit<u8>]) -> bool {
        // Copying out of the cursor only ever writes to the destination.
        false
    }

    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(io::Read::read(self.get_mut(), buf))
    }
}
