//! `read_to_end` and `read_to_string`.
//!
//! Invariant while a read is in progress: `buf[..filled]` holds the caller's bytes plus the
//! bytes read so far; `buf[filled..]` is zeroed spare room handed to `poll_read` (zeroed
//! once per growth, not once per poll). Every way out (completion, error, drop) truncates
//! the vector back to `filled`, so the caller never sees the spare zeros.
use crate::future::{finish_utf8, OnIoError};
use crate::AsyncRead;
use std::future::Future;
use std::io;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The smallest amount of spare room offered to a read.
const MIN_SPARE: usize = 32;

/// Reads into `buf` until end of stream, keeping the invariant of the module doc.
pub(crate) fn poll_read_to_end<R: AsyncRead + ?Sized>(
    mut reader: Pin<&mut R>,
    cx: &mut Context<'_>,
    buf: &mut Vec<u8>,
    filled: &mut usize,
) -> Poll<io::Result<()>> {
    loop {
        if *filled == buf.len() {
            buf.reserve(MIN_SPARE);
            buf.resize(buf.capacity(), 0);
        }
        match reader.as_mut().poll_read(cx, &mut buf[*filled..]) {
            Poll::Ready(Ok(0)) => {
                buf.truncate(*filled);
                return Poll::Ready(Ok(()));
            }
            Poll::Ready(Ok(n)) => {
                assert!(n <= buf.len() - *filled, "{}", crate::errors::BAD_READ_LEN);
                *filled += n;
            }
            Poll::Ready(Err(e)) => {
                buf.truncate(*filled);
                return Poll::Ready(Err(e));
            }
            Poll::Pending => return Poll::Pending,
        }
    }
}

/// The future of [`AsyncReadExt::read_to_end`](crate::AsyncReadExt::read_to_end): appends
/// everything up to end of stream to a `Vec<u8>` and yields how many bytes were appended.
///
/// If dropped before completion, the bytes read so far stay appended to the vector.
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"rest";
/// let mut out = b"the ".to_vec();
/// assert_eq!(reader.read_to_end(&mut out).await.unwrap(), 4);
/// assert_eq!(out, b"the rest");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadToEnd<'a, R: ?Sized> {
    reader: &'a mut R,
    buf: &'a mut Vec<u8>,
    start_len: usize,
    filled: usize,
}

impl<'a, R: ?Sized> ReadToEnd<'a, R> {
    pub(crate) fn new(reader: &'a mut R, buf: &'a mut Vec<u8>) -> Self {
        let start_len = buf.len();
        ReadToEnd {
            reader,
            buf,
            start_len,
            filled: start_len,
        }
    }
}

impl<R: AsyncRead + Unpin + ?Sized> Future for ReadToEnd<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        let res = poll_read_to_end(Pin::new(&mut *me.reader), cx, me.buf, &mut me.filled);
        res.map_ok(|()| me.filled - me.start_len)
    }
}

impl<R: ?Sized> Drop for ReadToEnd<'_, R> {
    fn drop(&mut self) {
        self.buf.truncate(self.filled);
    }
}

/// The future of [`AsyncReadExt::read_to_string`](crate::AsyncReadExt::read_to_string):
/// appends everything up to end of stream to a `String`.
///
/// If the data is not UTF-8 the result is an `InvalidData` error, and on an I/O error the
/// error is returned; either way the string is left exactly as it was handed in. If
/// dropped before completion, the bytes read so far are appended when they are valid
/// UTF-8, and discarded otherwise.
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = &[0xff, 0xfe];
/// let mut out = String::from("kept");
/// let err = reader.read_to_string(&mut out).await.unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
/// assert_eq!(out, "kept");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadToString<'a, R: ?Sized> {
    reader: &'a mut R,
    output: &'a mut String,
    /// The output's bytes, taken out of it while the read is in progress.
    bytes: Vec<u8>,
    start_len: usize,
    filled: usize,
    done: bool,
}

impl<'a, R: ?Sized> ReadToString<'a, R> {
    pub(crate) fn new(reader: &'a mut R, output: &'a mut String) -> Self {
        let bytes = mem::take(output).into_bytes();
        let start_len = bytes.len();
        ReadToString {
            reader,
            output,
            bytes,
            start_len,
            filled: start_len,
            done: false,
        }
    }
}

impl<R: AsyncRead + Unpin + ?Sized> Future for ReadToString<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        let res =
            match poll_read_to_end(Pin::new(&mut *me.reader), cx, &mut me.bytes, &mut me.filled) {
                Poll::Ready(res) => res.map(|()| me.filled - me.start_len),
                Poll::Pending => return Poll::Pending,
            };
        me.done = true;
        let bytes = mem::take(&mut me.bytes);
        Poll::Ready(finish_utf8(
            me.output,
            bytes,
            me.start_len,
            res,
            OnIoError::Restore,
        ))
    }
}

impl<R: ?Sized> Drop for ReadToString<'_, R> {
    fn drop(&mut self) {
        if !self.done {
            let mut bytes = mem::take(&mut self.bytes);
            bytes.truncate(self.filled);
            let _ = finish_utf8(self.output, bytes, self.start_len, Ok(0), OnIoError::Keep);
        }
    }
}
