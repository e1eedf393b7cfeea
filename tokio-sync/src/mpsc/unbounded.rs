//! The unbounded flavour: a counter instead of a semaphore, a synchronous `send`.

use super::chan;
use super::error::{SendError, TryRecvError};
use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Buffered-value counter: `count << 1 | CLOSED`.
pub(crate) struct Semaphore(AtomicUsize);

const CLOSED: usize = 1;

impl chan::Semaphore for Semaphore {
    fn is_idle(&self) -> bool {
        self.0.load(Acquire) >> 1 == 0
    }

    fn add_permit(&self) {
        self.0.fetch_sub(2, Release);
    }

    fn close(&self) {
        self.0.fetch_or(CLOSED, Release);
    }

    fn is_closed(&self) -> bool {
        self.0.load(Acquire) & CLOSED == CLOSED
    }
}

impl Semaphore {
    /// Counts one more buffered value, unless closed.
    fn try_inc(&self) -> bool {
        let mut cur = self.0.load(Acquire);
        loop {
            if cur & CLOSED == CLOSED {
                return false;
            }
            if cur == usize::MAX ^ CLOSED {
                // 2^63 values buffered: memory is long gone; be loud rather than wrap.
                std::process::abort();
            }
            match self.0.compare_exchange_weak(cur, cur + 2, AcqRel, Acquire) {
                Ok(_) => return true,
                Err(actual) => cur = actual,
            }
        }
    }
}

/// Sends values to the associated `UnboundedReceiver`. Cloneable.
pub struct UnboundedSender<T> {
    chan: chan::Tx<T, Semaphore>,
}

/// Receives values from the associated `UnboundedSender`s.
pub struct UnboundedReceiver<T> {
    chan: chan::Rx<T, Semaphore>,
}

/// Creates an unbounded mpsc channel: sends never wait (and never fail while the receiver
/// lives).
///
/// ```
/// use tokio_sync::mpsc;
///
/// futures::executor::block_on(async {
///     let (tx, mut rx) = mpsc::unbounded_channel();
///     tx.send(1).unwrap();
///     tx.send(2).unwrap();
///     drop(tx);
///     assert_eq!(rx.recv().await, Some(1));
///     assert_eq!(rx.recv().await, Some(2));
///     assert_eq!(rx.recv().await, None);
/// });
/// ```
pub fn unbounded_channel<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>) {
    let (tx, rx) = chan::channel(Semaphore(AtomicUsize::new(0)));
    (UnboundedSender { chan: tx }, UnboundedReceiver { chan: rx })
}

impl<T> UnboundedSender<T> {
    /// Sends a value without waiting. Fails, giving the value back, if the receiver has
    /// been dropped or closed.
    ///
    /// ```
    /// let (tx, mut rx) = tokio_sync::mpsc::unbounded_channel();
    /// tx.send("a").unwrap();
    /// assert_eq!(rx.try_recv(), Ok("a"));
    /// drop(rx);
    /// assert_eq!(tx.send("b").unwrap_err().0, "b");
    /// ```
    pub fn send(&self, message: T) -> Result<(), SendError<T>> {
        if !self.chan.semaphore().try_inc() {
            return Err(SendError(message));
        }
        self.chan.send(message);
        Ok(())
    }
}

impl<T> Clone for UnboundedSender<T> {
    fn clone(&self) -> Self {
        UnboundedSender {
            chan: self.chan.clone(),
        }
    }
}

impl<T> UnboundedReceiver<T> {
    /// Receives the next value; `None` once every sender is gone and the buffer is empty.
    ///
    /// Cancellation safety: cancel-safe; a dropped `recv` future takes no value.
    pub async fn recv(&mut self) -> Option<T> {
        std::future::poll_fn(|cx| self.poll_recv(cx)).await
    }

    #[doc(hidden)]
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.chan.recv(cx)
    }

    /// Receives a value if one is buffered, without waiting.
    pub fn try_recv(&mut self) -> Result<T, TryRecvError> {
        self.chan.try_recv()
    }

    /// Closes the channel: sends fail from now on; buffered values can still be received.
    pub fn close(&mut self) {
        self.chan.close();
    }
}

impl<T> futures_core::Stream for UnboundedReceiver<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.get_mut().poll_recv(cx)
    }
}

impl<T> fmt::Debug for UnboundedSender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnboundedSender")
            .field("chan", &self.chan)
            .finish()
    }
}

impl<T> fmt::Debug for UnboundedReceiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnboundedReceiver")
            .field("chan", &self.chan)
            .finish()
    }
}
