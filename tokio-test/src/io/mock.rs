//! [`Mock`]: replays a script as an `AsyncRead + AsyncWrite` object.
//!
//! Wake-ups: a read waiting because the next step is a write is woken by the next write
//! that consumes bytes (and vice versa); a read or write waiting for a [`Handle`] to
//! append steps registers in the shared inbox, re-checking the inbox under its lock so a
//! step appended in between is not missed.
//!
//! [`Handle`]: super::Handle

use super::handle::Shared;
use super::script::{Action, ReadOutcome, Script, Step, WriteOutcome};
use super::sleep;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll, Waker};
use tokio::io::{AsyncRead, AsyncWrite};

/// An I/O object that replays a script; built by a [`Builder`](super::Builder).
///
/// Reads and writes behave as described in the [module docs](super). Flush and shutdown
/// always succeed. Dropping a `Mock` panics if scripted reads, writes or errors were never
/// consumed (unless the thread is already panicking).
///
/// ```
/// use tokio::io::AsyncReadExt;
/// use tokio_test::io::Builder;
///
/// # tokio_test::block_on(async {
/// let mut mock = Builder::new().read(b"abc").build();
/// let mut out = String::new();
/// mock.read_to_string(&mut out).await.unwrap();
/// assert_eq!(out, "abc");
/// # });
/// ```
#[derive(Debug)]
pub struct Mock {
    script: Script,
    shared: Shared,
    /// A read waiting for a write to consume bytes.
    read_waker: Option<Waker>,
    /// A write waiting for a read to consume bytes.
    write_waker: Option<Waker>,
}

/// Which direction is waiting for a `Handle` to append steps.
#[derive(Clone, Copy)]
enum Direction {
    Read,
    Write,
}

impl Mock {
    pub(super) fn new(actions: Vec<Action>, shared: Shared) -> Mock {
        let mut script = Script::default();
        actions.into_iter().for_each(|action| script.push(action));
        Mock {
            script,
            shared,
            read_waker: None,
            write_waker: None,
        }
    }

    /// Moves steps appended by the handle into the script.
    fn pull_inbox(&mut self) {
        let mut inbox = self.shared.lock();
        inbox
            .actions
            .drain(..)
            .for_each(|action| self.script.push(action));
    }

    /// After the script ran dry: `Ready(true)` if new steps arrived (retry),
    /// `Ready(false)` if no handle can add more, `Pending` (waker stored) otherwise.
    fn wait_for_inbox(&mut self, cx: &mut Context<'_>, direction: Direction) -> Poll<bool> {
        let mut inbox = self.shared.lock();
        if !inbox.actions.is_empty() {
            return Poll::Ready(true);
        }
        if !inbox.handle_alive {
            return Poll::Ready(false);
        }
        let slot = match direction {
            Direction::Read => &mut inbox.read_waker,
            Direction::Write => &mut inbox.write_waker,
        };
        *slot = Some(cx.waker().clone());
        Poll::Pending
    }

    /// Sleeps on the `Wait` step at `index`, removing it once the pause is over.
    fn poll_wait(&mut self, index: usize, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(Step::Wait(duration, sleep)) = self.script.step_mut(index) {
            let sleep = sleep.get_or_insert_with(|| sleep::new(*duration));
            ready!(Pin::new(sleep).poll(cx));
        }
        self.script.finish_wait(index);
        Poll::Ready(())
    }

    fn poll_read_inner(&mut self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        loop {
            self.pull_inbox();
            match self.script.read(buf) {
                ReadOutcome::Data(n) => {
                    wake(&mut self.write_waker);
                    return Poll::Ready(Ok(n));
                }
                ReadOutcome::Error(err) => {
                    wake(&mut self.write_waker);
                    return Poll::Ready(Err(err));
                }
                ReadOutcome::BlockedOnWrite => {
                    self.read_waker = Some(cx.waker().clone());
                    return Poll::Pending;
                }
                ReadOutcome::Wait(index) => ready!(self.poll_wait(index, cx)),
                ReadOutcome::Exhausted => {
                    if !ready!(self.wait_for_inbox(cx, Direction::Read)) {
                        return Poll::Ready(Ok(0));
                    }
                }
            }
        }
    }

    fn poll_write_inner(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        loop {
            self.pull_inbox();
            match self.script.write(buf) {
                WriteOutcome::Written(n) => {
                    wake(&mut self.read_waker);
                    return Poll::Ready(Ok(n));
                }
                WriteOutcome::Error(err) => {
                    wake(&mut self.read_waker);
                    return Poll::Ready(Err(err));
                }
                WriteOutcome::Wait(index) => ready!(self.poll_wait(index, cx)),
                WriteOutcome::BlockedOnRead => {
                    // Woken when a read consumes bytes or the handle adds steps.
                    self.write_waker = Some(cx.waker().clone());
                    if !ready!(self.wait_for_inbox(cx, Direction::Write)) {
                        return Poll::Pending;
                    }
                }
                WriteOutcome::Exhausted => {
                    if !ready!(self.wait_for_inbox(cx, Direction::Write)) {
                        return Poll::Ready(Err(io::ErrorKind::BrokenPipe.into()));
                    }
                }
            }
        }
    }
}

fn wake(slot: &mut Option<Waker>) {
    if let Some(waker) = slot.take() {
        waker.wake();
    }
}

impl AsyncRead for Mock {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().poll_read_inner(cx, buf)
    }
}

impl AsyncWrite for Mock {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().poll_write_inner(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.pull_inbox();
        self.shared.lock().mock_alive = false;
        if std::thread::panicking() {
            return;
        }
        if let Some(message) = self.script.unconsumed() {
            panic!("{}", message);
        }
    }
}
