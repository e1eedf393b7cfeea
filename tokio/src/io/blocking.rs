//! Running a blocking `std::io` reader or writer on the blocking pool (`Blocking<T>`), and
//! the buffer (`Buf`) that carries data between the task and the pool thread.
//!
//! `Blocking<T>` is `Idle` (it owns `inner` and the buffer) or `Busy` (both moved into a
//! blocking-pool closure, to come back through its `JoinHandle`). Protocol:
//! 1. read: serve from the buffer if it holds data; otherwise send the buffer and `inner`
//!    to the pool to read at most `MAX_BUF` bytes, and wait for them to come back;
//! 2. write: wait for any operation in flight (reporting its error), then copy at most
//!    `MAX_BUF` bytes into the buffer, send it to the pool to `write_all`, and report the
//!    bytes as written at once (write-behind, as tokio 0.2 does); a failure surfaces on
//!    the next write or flush;
//! 3. flush: wait for the write in flight, then run `flush` on the pool.
#![cfg_attr(not(all(feature = "io-std", feature = "fs")), allow(dead_code))]

use std::future::Future;
use std::io::{self, Read, Write};
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio_executor::blocking::spawn_blocking;
use tokio_executor::task::JoinHandle;

/// The most one blocking operation reads or writes.
pub(crate) const MAX_BUF: usize = 16 * 1024;

/// Bytes moving between a task and a blocking-pool thread: `buf[pos..]` is unread data.
#[derive(Debug, Default)]
pub(crate) struct Buf {
    buf: Vec<u8>,
    pos: usize,
}

impl Buf {
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn len(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Moves as much unread data as fits into `dst`.
    pub(crate) fn copy_to(&mut self, dst: &mut [u8]) -> usize {
        let n = self.len().min(dst.len());
        dst[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        n
    }

    /// Takes up to `MAX_BUF` bytes of `src` into the (empty) buffer.
    pub(crate) fn copy_from(&mut self, src: &[u8]) -> usize {
        debug_assert!(self.is_empty());
        let n = src.len().min(MAX_BUF);
        self.buf.clear();
        self.pos = 0;
        self.buf.extend_from_slice(&src[..n]);
        n
    }

    /// Forgets unread data and returns how far the underlying position is ahead of the
    /// caller's logical position, as a negative offset.
    pub(crate) fn discard_read(&mut self) -> i64 {
        let ret = -(self.len() as i64);
        self.buf.clear();
        self.pos = 0;
        ret
    }

    /// Reads once from `rd`, filling at most `want` (capped at `MAX_BUF`) bytes.
    pub(crate) fn read_from<T: Read>(&mut self, rd: &mut T, want: usize) -> io::Result<usize> {
        debug_assert!(self.is_empty());
        let want = want.clamp(1, MAX_BUF);
        self.buf.clear();
        self.pos = 0;
        self.buf.resize(want, 0);
        let res = loop {
            match rd.read(&mut self.buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                res => break res,
            }
        };
        self.buf.truncate(*res.as_ref().unwrap_or(&0));
        res
    }

    /// Writes all buffered data to `wr`, leaving the buffer empty either way.
    pub(crate) fn write_to<T: Write>(&mut self, wr: &mut T) -> io::Result<()> {
        let res = wr.write_all(&self.buf[self.pos..]);
        self.buf.clear();
        self.pos = 0;
        res
    }
}

/// Turns a `JoinError` of a blocking-pool closure into an I/O error.
pub(crate) fn join_error(e: tokio_executor::task::JoinError) -> io::Error {
    io::Error::other(e)
}

type Job<T> = JoinHandle<(io::Result<usize>, Buf, T)>;

/// A blocking reader or writer run on the blocking pool; see the module doc.
#[derive(Debug)]
pub(crate) struct Blocking<T> {
    inner: Option<T>,
    state: State<T>,
    need_flush: bool,
}

#[derive(Debug)]
enum State<T> {
    Idle(Option<Buf>),
    Busy(Job<T>),
}

impl<T> Blocking<T> {
    pub(crate) fn new(inner: T) -> Self {
        Blocking {
            inner: Some(inner),
            state: State::Idle(Some(Buf::default())),
            need_flush: false,
        }
    }
}

impl<T: Send + 'static> Blocking<T> {
    /// Starts `op` on the pool with the buffer and `inner`.
    fn start(
        &mut self,
        mut buf: Buf,
        op: impl FnOnce(&mut Buf, &mut T) -> io::Result<usize> + Send + 'static,
    ) {
        let mut inner = self.inner.take().expect("inner is home while idle");
        self.state = State::Busy(spawn_blocking(move || {
            let res = op(&mut buf, &mut inner);
            (res, buf, inner)
        }));
    }

    /// Waits for the operation in flight; its buffer and `inner` come home.
    fn poll_job(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let job = match &mut self.state {
            State::Idle(_) => return Poll::Ready(Ok(0)),
            State::Busy(job) => job,
        };
        let (res, buf, inner) = ready!(Pin::new(job).poll(cx)).map_err(join_error)?;
        self.state = State::Idle(Some(buf));
        self.inner = Some(inner);
        Poll::Ready(res)
    }

    fn take_buf(&mut self) -> Buf {
        match &mut self.state {
            State::Idle(buf) => buf.take().unwrap_or_default(),
            State::Busy(_) => Buf::default(),
        }
    }
}

impl<T: Read + Send + 'static> Blocking<T> {
    pub(crate) fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        dst: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        loop {
            match &mut self.state {
                State::Idle(slot) => {
                    let mut buf = slot.take().unwrap_or_default();
                    if !buf.is_empty() || dst.is_empty() {
                        let n = buf.copy_to(dst);
                        *slot = Some(buf);
                        return Poll::Ready(Ok(n));
                    }
                    let want = dst.len();
                    self.start(buf, move |buf, inner| buf.read_from(inner, want));
                }
                State::Busy(_) => {
                    ready!(self.poll_job(cx))?;
                    let mut buf = self.take_buf();
                    let n = buf.copy_to(dst);
                    self.state = State::Idle(Some(buf));
                    return Poll::Ready(Ok(n));
                }
            }
        }
    }
}

impl<T: Write + Send + 'static> Blocking<T> {
    pub(crate) fn poll_write(
        &mut self,
        cx: &mut Context<'_>,
        src: &[u8],
    ) -> Poll<io::Result<usize>> {
        ready!(self.poll_job(cx))?;
        let mut buf = self.take_buf();
        let n = buf.copy_from(src);
        self.start(buf, |buf, inner| buf.write_to(inner).map(|()| 0));
        self.need_flush = true;
        Poll::Ready(Ok(n))
    }

    pub(crate) fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        loop {
            ready!(self.poll_job(cx))?;
            if !self.need_flush {
                return Poll::Ready(Ok(()));
            }
            self.need_flush = false;
            let buf = self.take_buf();
            self.start(buf, |_, inner| inner.flush().map(|()| 0));
        }
    }
}

#[cfg(all(test, feature = "rt-threaded"))]
mod tests;
