use bytes::BufMut;
use std::io;
use std::mem::MaybeUninit;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Reads bytes from a source asynchronously (tokio 0.2's form).
///
/// `poll_read` returns `Poll::Ready(Ok(n))` with `n` bytes placed at the front of `buf`
/// (`n == 0` means end of stream when `buf` is not empty), or `Poll::Pending` after
/// arranging for the task to be woken when reading can make progress.
pub trait AsyncRead {
    /// Prepares an uninitialised buffer to be safe to pass to `poll_read`.
    ///
    /// Returns `true` when the buffer was zeroed; implementations that never read from the
    /// buffer they are handed may return `false` without touching it.
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
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>>;

    /// Reads into a [`BufMut`], advancing it by the number of bytes read.
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
        assert!(
            n <= len,
            "Bad AsyncRead implementation, more bytes were reported as read than the buffer can hold"
        );
        // SAFETY: the first `n <= len` bytes of the chunk were initialised above.
        unsafe { buf.advance_mut(n) };
        Poll::Ready(Ok(n))
    }
}
