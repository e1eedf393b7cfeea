//! `read_until` and `read_line`, and the two steps `Lines` and `Split` reuse.
use crate::util::memchr;
use crate::AsyncBufRead;
use std::future::Future;
use std::io;
use std::mem;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Appends bytes from `reader` to `buf` up to and including `delim` (or to end of stream).
///
/// `read` counts the bytes appended by earlier polls of the same operation, so a call
/// that returned `Pending` resumes where it stopped; it is reset to 0 when the operation
/// completes, and the total is returned.
pub(crate) fn poll_read_until<R: AsyncBufRead + ?Sized>(
    mut reader: Pin<&mut R>,
    cx: &mut Context<'_>,
    delim: u8,
    buf: &mut Vec<u8>,
    read: &mut usize,
) -> Poll<io::Result<usize>> {
    loop {
        let (found, used) = {
            let available = match ready!(reader.as_mut().poll_fill_buf(cx)) {
                Ok(available) => available,
                Err(e) => {
                    *read = 0;
                    return Poll::Ready(Err(e));
                }
            };
            match memchr(delim, available) {
                Some(i) => {
                    buf.extend_from_slice(&available[..=i]);
                    (true, i + 1)
                }
                None => {
                    buf.extend_from_slice(available);
                    (false, available.len())
                }
            }
        };
        reader.as_mut().consume(used);
        *read += used;
        if found || used == 0 {
            return Poll::Ready(Ok(mem::replace(read, 0)));
        }
    }
}

fn invalid_utf8() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "stream did not contain valid UTF-8",
    )
}

/// What to do with the bytes read before an I/O error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnIoError {
    /// Keep them (if UTF-8), as `read_line` does.
    Keep,
    /// Drop them and restore the original string, as `read_to_string` does.
    Restore,
}

/// Puts `bytes` (the caller's original `start_len` bytes plus what was read) back into
/// `output` if they are UTF-8; otherwise restores the original and reports `InvalidData`.
/// An I/O error in `res` wins over the UTF-8 check, and with `OnIoError::Restore` also
/// restores the original.
pub(crate) fn finish_utf8(
    output: &mut String,
    mut bytes: Vec<u8>,
    start_len: usize,
    res: io::Result<usize>,
    on_io_error: OnIoError,
) -> io::Result<usize> {
    if res.is_err() && on_io_error == OnIoError::Restore {
        bytes.truncate(start_len);
    }
    match String::from_utf8(bytes) {
        Ok(s) => {
            *output = s;
            res
        }
        Err(e) => {
            let mut bytes = e.into_bytes();
            bytes.truncate(start_len);
            // The prefix came out of a `String`, so the first arm always matches; the
            // second only spares us an unchecked (unsafe) conversion.
            *output = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            res.and_then(|_| Err(invalid_utf8()))
        }
    }
}

/// The future of [`AsyncBufReadExt::read_until`](crate::AsyncBufReadExt::read_until):
/// appends bytes up to and including the delimiter (or to end of stream) to a `Vec<u8>`
/// and yields how many were appended.
///
/// If dropped before completion, the bytes read so far stay appended to the vector.
///
/// ```
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"a,b";
/// let mut out = Vec::new();
/// assert_eq!(reader.read_until(b',', &mut out).await.unwrap(), 2);
/// assert_eq!(out, b"a,");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadUntil<'a, R: ?Sized> {
    reader: &'a mut R,
    delim: u8,
    buf: &'a mut Vec<u8>,
    read: usize,
}

impl<'a, R: ?Sized> ReadUntil<'a, R> {
    pub(crate) fn new(reader: &'a mut R, delim: u8, buf: &'a mut Vec<u8>) -> Self {
        ReadUntil {
            reader,
            delim,
            buf,
            read: 0,
        }
    }
}

impl<R: AsyncBufRead + Unpin + ?Sized> Future for ReadUntil<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        poll_read_until(
            Pin::new(&mut *me.reader),
            cx,
            me.delim,
            me.buf,
            &mut me.read,
        )
    }
}

/// The future of [`AsyncBufReadExt::read_line`](crate::AsyncBufReadExt::read_line):
/// appends one line, including its `'\n'`, to a `String`.
///
/// If the line is not UTF-8 the result is an `InvalidData` error and the string is left
/// exactly as it was handed in. If dropped before completion, the bytes read so far are
/// appended when they are valid UTF-8, and discarded otherwise.
///
/// ```
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"one\ntwo";
/// let mut line = String::new();
/// assert_eq!(reader.read_line(&mut line).await.unwrap(), 4);
/// assert_eq!(line, "one\n");
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ReadLine<'a, R: ?Sized> {
    reader: &'a mut R,
    output: &'a mut String,
    /// The output's bytes, taken out of it while the read is in progress.
    bytes: Vec<u8>,
    start_len: usize,
    read: usize,
    done: bool,
}

impl<'a, R: ?Sized> ReadLine<'a, R> {
    pub(crate) fn new(reader: &'a mut R, output: &'a mut String) -> Self {
        let bytes = mem::take(output).into_bytes();
        ReadLine {
            reader,
            output,
            start_len: bytes.len(),
            bytes,
            read: 0,
            done: false,
        }
    }
}

impl<R: AsyncBufRead + Unpin + ?Sized> Future for ReadLine<'_, R> {
    type Output = io::Result<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        let reader = Pin::new(&mut *me.reader);
        let res = ready!(poll_read_until(
            reader,
            cx,
            b'\n',
            &mut me.bytes,
            &mut me.read
        ));
        me.done = true;
        let bytes = mem::take(&mut me.bytes);
        Poll::Ready(finish_utf8(
            me.output,
            bytes,
            me.start_len,
            res,
            OnIoError::Keep,
        ))
    }
}

impl<R: ?Sized> Drop for ReadLine<'_, R> {
    fn drop(&mut self) {
        if !self.done {
            let bytes = mem::take(&mut self.bytes);
            let _ = finish_utf8(self.output, bytes, self.start_len, Ok(0), OnIoError::Keep);
        }
    }
}
