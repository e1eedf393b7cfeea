//! The oneshot state machine.
//!
//! ## State bits (`state: AtomicUsize`)
//! - `COMPLETE`: the sender is done: it stored a value (`value` is `Some`) or dropped
//!   without sending (`value` stays `None`). Set once, by the sender.
//! - `CLOSED`: the receiver closed or dropped. Set once, by the receiver. A sender that
//!   finds it set keeps its value (`send` returns `Err(value)`).
//! - `RX_TASK_SET`: `rx_task` holds the receiver's waker; while set, only the sender may
//!   read the cell, and the receiver must clear the bit before rewriting it.
//! - `TX_TASK_SET`: the same for `tx_task` (set by `poll_closed`), read by the receiver's
//!   close.
//!
//! ## Cells
//! - `value`: written by the sender before it sets `COMPLETE` (and taken back by it if
//!   `CLOSED` won the race); read by the receiver only after seeing `COMPLETE` (Acquire).
//! - `rx_task`/`tx_task`: each is written only by its owner while its `*_TASK_SET` bit is
//!   clear. Clearing the bit returns the previous state: if the other side has already
//!   finished (`COMPLETE` for the receiver, `CLOSED` for the sender), the owner returns
//!   `Ready` without touching the cell, since the other side may be reading it right then.
//!
//! References: one `Arc<Inner>` held by each half.

use super::error::{RecvError, TryRecvError};
use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::sync::Arc;
use crate::loom::UnsafeCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

const RX_TASK_SET: usize = 0b0001;
const COMPLETE: usize = 0b0010;
const CLOSED: usize = 0b0100;
const TX_TASK_SET: usize = 0b1000;

struct Inner<T> {
    state: AtomicUsize,
    value: UnsafeCell<Option<T>>,
    tx_task: UnsafeCell<Option<Waker>>,
    rx_task: UnsafeCell<Option<Waker>>,
}

// SAFETY: the cells are accessed according to the protocol in the module doc; a `T`
// crosses from the sender's thread to the receiver's.
unsafe impl<T: Send> Send for Inner<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for Inner<T> {}

/// Sends a value to the associated `Receiver`.
pub struct Sender<T> {
    inner: Option<Arc<Inner<T>>>,
}

/// Receives a value from the associated `Sender`. A future: `rx.await`.
///
/// Cancellation safety: dropping a pending `rx.await` (e.g. in `select!`) drops the
/// receiver, so the sender's `send` then fails and hands the value back; nothing is lost
/// silently. Polling `&mut rx` in a loop keeps the value for a later poll.
pub struct Receiver<T> {
    inner: Option<Arc<Inner<T>>>,
}

/// Creates a new oneshot channel.
///
/// ```
/// use tokio_sync::oneshot;
///
/// futures::executor::block_on(async {
///     let (tx, rx) = oneshot::channel();
///     tx.send(3).unwrap();
///     assert_eq!(rx.await, Ok(3));
/// });
/// ```
pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let inner = Arc::new(Inner {
        state: AtomicUsize::new(0),
        value: UnsafeCell::new(None),
        tx_task: UnsafeCell::new(None),
        rx_task: UnsafeCell::new(None),
    });
    (
        Sender {
            inner: Some(inner.clone()),
        },
        Receiver { inner: Some(inner) },
    )
}

impl<T> Inner<T> {
    /// Sets `COMPLETE` unless `CLOSED`; returns the previous state.
    fn complete(&self) -> usize {
        let mut cur = self.state.load(Relaxed);
        loop {
            if cur & CLOSED == CLOSED {
                return cur;
            }
            match self
                .state
                .compare_exchange_weak(cur, cur | COMPLETE, AcqRel, Acquire)
            {
                Ok(_) => return cur,
                Err(actual) => cur = actual,
            }
        }
    }

    /// Wakes the task stored in `cell`.
    ///
    /// # Safety
    /// The matching `*_TASK_SET` bit was seen set by the caller's state transition, so the
    /// owner will not write the cell (module doc).
    unsafe fn wake_cell(cell: &UnsafeCell<Option<Waker>>) {
        // SAFETY: per the contract, the owner does not write the cell now.
        cell.with(|w| unsafe {
            if let Some(w) = &*w {
                w.wake_by_ref();
            }
        });
    }

    /// Stores `waker` in the owner's cell: clear `bit`, rewrite, set `bit` again.
    /// Returns the state seen last, or `None` if `done` was observed while clearing (the
    /// cell must then not be touched).
    ///
    /// # Safety
    /// Called only by the owner of `cell`/`bit` (the receiver for `RX_TASK_SET`, the sender
    /// for `TX_TASK_SET`).
    unsafe fn set_task(
        &self,
        cell: &UnsafeCell<Option<Waker>>,
        bit: usize,
        done: usize,
        waker: &Waker,
    ) -> Option<usize> {
        let state = self.state.load(Acquire);
        if state & bit == bit {
            // SAFETY: we own the cell; the other side only reads it, so reading is fine.
            let same = cell.with(|w| unsafe { (*w).as_ref().is_some_and(|w| w.will_wake(waker)) });
            if same {
                return Some(state);
            }
            let prev = self.state.fetch_and(!bit, AcqRel);
            if prev & done == done {
                return None;
            }
        }
        // SAFETY: the bit is clear, so the other side will not read the cell.
        cell.with_mut(|w| unsafe { *w = Some(waker.clone()) });
        let prev = self.state.fetch_or(bit, AcqRel);
        Some(prev | bit)
    }

    /// # Safety
    /// Called by the receiver after seeing `COMPLETE` (Acquire).
    unsafe fn take_value(&self) -> Option<T> {
        // SAFETY: the sender finished writing before `COMPLETE`; only the receiver reads.
        self.value.with_mut(|v| unsafe { (*v).take() })
    }
}

impl<T> Sender<T> {
    /// Sends `t`, completing the channel. Fails, giving `t` back, if the receiver has
    /// been dropped or closed.
    ///
    /// ```
    /// let (tx, rx) = tokio_sync::oneshot::channel();
    /// drop(rx);
    /// assert_eq!(tx.send(5), Err(5)); // the receiver is gone: the value comes back
    /// ```
    pub fn send(self, t: T) -> Result<(), T> {
        // The sender is consumed here; with its `inner` taken its `Drop` would do nothing,
        // so skip the call.
        let mut this = std::mem::ManuallyDrop::new(self);
        let inner = this
            .inner
            .take()
            .expect("a Sender always holds the channel");
        // SAFETY: `COMPLETE` is not set yet and only this sender writes the value.
        inner.value.with_mut(|v| unsafe { *v = Some(t) });
        let prev = inner.complete();
        if prev & CLOSED == CLOSED {
            // SAFETY: `COMPLETE` was not set, so the receiver never reads the value.
            let t = inner.value.with_mut(|v| unsafe { (*v).take() });
            return Err(t.expect("value just stored"));
        }
        if prev & RX_TASK_SET == RX_TASK_SET {
            // SAFETY: the bit was set when we completed: the receiver won't rewrite it.
            unsafe { Inner::<T>::wake_cell(&inner.rx_task) };
        }
        Ok(())
    }

    /// Polls whether the receiver has been dropped or closed (`Ready(())` then).
    pub fn poll_closed(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let inner = self
            .inner
            .as_ref()
            .expect("a Sender always holds the channel");
        // Spends one unit of the task's coop budget (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| {
            if inner.state.load(Acquire) & CLOSED == CLOSED {
                return Poll::Ready(());
            }
            // SAFETY: the sender owns `tx_task`.
            match unsafe { inner.set_task(&inner.tx_task, TX_TASK_SET, CLOSED, cx.waker()) } {
                Some(state) if state & CLOSED == 0 => Poll::Pending,
                _ => Poll::Ready(()),
            }
        })
    }

    /// Waits until the receiver is dropped or closed.
    ///
    /// Cancellation safety: cancel-safe (it only observes).
    ///
    /// ```
    /// futures::executor::block_on(async {
    ///     let (mut tx, rx) = tokio_sync::oneshot::channel::<()>();
    ///     drop(rx);
    ///     tx.closed().await;
    ///     assert!(tx.is_closed());
    /// });
    /// ```
    pub async fn closed(&mut self) {
        std::future::poll_fn(|cx| self.poll_closed(cx)).await
    }

    /// True if the receiver has been dropped or closed.
    pub fn is_closed(&self) -> bool {
        let inner = self
            .inner
            .as_ref()
            .expect("a Sender always holds the channel");
        inner.state.load(Acquire) & CLOSED == CLOSED
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take() {
            let prev = inner.complete();
            if prev & (CLOSED | RX_TASK_SET) == RX_TASK_SET {
                // SAFETY: the bit was set when we completed: the receiver won't rewrite it.
                unsafe { Inner::<T>::wake_cell(&inner.rx_task) };
            }
        }
    }
}

impl<T> Receiver<T> {
    /// Prevents the sender from sending: `send` then fails with the value and
    /// `poll_closed` resolves. A value sent before can still be received.
    ///
    /// ```
    /// let (tx, mut rx) = tokio_sync::oneshot::channel::<i32>();
    /// rx.close();
    /// assert_eq!(tx.send(1), Err(1));
    /// ```
    pub fn close(&mut self) {
        if let Some(inner) = &self.inner {
            let prev = inner.state.fetch_or(CLOSED, AcqRel);
            if prev & (TX_TASK_SET | COMPLETE) == TX_TASK_SET {
                // SAFETY: the bit was set when we closed: the sender won't rewrite it.
                unsafe { Inner::<T>::wake_cell(&inner.tx_task) };
            }
        }
    }

    /// Takes the value if it has been sent, without waiting.
    ///
    /// `Err(Empty)` while the sender may still send. Once this returns the value or
    /// `Err(Closed)`, the receiver is complete: polling it afterwards panics ("called
    /// after complete") and `try_recv` keeps returning `Err(Closed)`.
    pub fn try_recv(&mut self) -> Result<T, TryRecvError> {
        let Some(inner) = &self.inner else {
            return Err(TryRecvError::Closed);
        };
        let state = inner.state.load(Acquire);
        let result = if state & COMPLETE == COMPLETE {
            // SAFETY: `COMPLETE` seen with Acquire.
            match unsafe { inner.take_value() } {
                Some(v) => Ok(v),
                None => Err(TryRecvError::Closed),
            }
        } else if state & CLOSED == CLOSED {
            Err(TryRecvError::Closed)
        } else {
            return Err(TryRecvError::Empty);
        };
        // Close first so a sender still alive sees the receiver gone.
        self.close();
        self.inner = None;
        result
    }

    fn poll_inner(inner: &Inner<T>, cx: &mut Context<'_>) -> Poll<Result<T, RecvError>> {
        let mut state = inner.state.load(Acquire);
        if state & (COMPLETE | CLOSED) == 0 {
            // SAFETY: the receiver owns `rx_task`.
            state = match unsafe {
                inner.set_task(&inner.rx_task, RX_TASK_SET, COMPLETE, cx.waker())
            } {
                Some(s) => s,
                None => inner.state.load(Acquire),
            };
        }
        if state & COMPLETE == COMPLETE {
            // SAFETY: `COMPLETE` seen with Acquire (every path above reads the state with
            // Acquire or AcqRel), so the sender's write of the value is visible.
            return match unsafe { inner.take_value() } {
                Some(v) => Poll::Ready(Ok(v)),
                None => Poll::Ready(Err(RecvError(()))),
            };
        }
        if state & CLOSED == CLOSED {
            return Poll::Ready(Err(RecvError(())));
        }
        Poll::Pending
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, RecvError>;

    /// # Panics
    /// If polled again after it returned `Ready`: "called after complete".
    #[track_caller]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let ret = {
            let inner = self
                .inner
                .as_ref()
                .expect(crate::errors::ONESHOT_AFTER_COMPLETE);
            // Spends one unit of the task's coop budget (`util::coop`).
            crate::util::coop::budgeted(cx, |cx| Receiver::poll_inner(inner, cx))
        };
        if ret.is_ready() {
            self.inner = None;
        }
        ret
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.close();
    }
}

impl<T> Unpin for Sender<T> {}
impl<T> Unpin for Receiver<T> {}

impl<T: fmt::Debug> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field(
                "closed",
                &self
                    .inner
                    .as_ref()
                    .map(|i| i.state.load(Relaxed) & CLOSED != 0),
            )
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("complete", &self.inner.is_none())
            .finish()
    }
}
