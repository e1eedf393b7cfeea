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
//! - `TX_ALIVE` / `RX_ALIVE` (`raw.rs`): the side still holds its reference to the block.
//!   Both start set; each is cleared once, by its side, after which that side touches
//!   nothing. Whoever sees the other side's bit clear frees the block (`raw.rs`, rules 1–3).
//!
//! ## Cells
//! - `value`: written by the sender before it sets `COMPLETE` (and taken back by it if
//!   `CLOSED` won the race); read by the receiver only after seeing `COMPLETE` (Acquire).
//! - `rx_task`/`tx_task`: each is written only by its owner while its `*_TASK_SET` bit is
//!   clear. Clearing the bit returns the previous state: if the other side has already
//!   finished (`COMPLETE` for the receiver, `CLOSED` for the sender), the owner returns
//!   `Ready` without touching the cell, since the other side may be reading it right then.
//!
//! ## References
//! No `Arc`: the sender finishes with one compare-and-swap that sets `COMPLETE` and clears
//! `TX_ALIVE` together, unless it must still wake the receiver (`RX_TASK_SET` seen): then
//! it wakes first and clears `TX_ALIVE` after, because the receiver may free the block as
//! soon as both `COMPLETE` is set and `TX_ALIVE` is clear. The receiver, finishing, frees
//! with no atomic write at all when its `Acquire` read of the state already shows
//! `TX_ALIVE` clear (the common case: value sent before the receiver looked); otherwise it
//! clears `RX_ALIVE` and the sender frees after its wake. A dropped receiver sets `CLOSED`
//! and clears `RX_ALIVE` in one operation unless it must wake the sender's `poll_closed`
//! first (same order as above).

use super::error::{RecvError, TryRecvError};
use super::raw::{Inner, RawChannel, RX_ALIVE, TX_ALIVE};
use crate::loom::sync::atomic::Ordering::*;
use crate::loom::UnsafeCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

const RX_TASK_SET: usize = 0b0001;
const COMPLETE: usize = 0b0010;
const CLOSED: usize = 0b0100;
const TX_TASK_SET: usize = 0b1000;

/// Sends a value to the associated `Receiver`.
pub struct Sender<T> {
    /// Always `Some` while the sender exists (`send` takes it).
    raw: Option<RawChannel<T>>,
}

/// Receives a value from the associated `Sender`. A future: `rx.await`.
///
/// Cancellation safety: dropping a pending `rx.await` (e.g. in `select!`) drops the
/// receiver, so the sender's `send` then fails and hands the value back; nothing is lost
/// silently. Polling `&mut rx` in a loop keeps the value for a later poll.
pub struct Receiver<T> {
    /// `None` once the receiver has completed (value or error returned).
    raw: Option<RawChannel<T>>,
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
    let (tx, rx) = RawChannel::pair();
    (Sender { raw: Some(tx) }, Receiver { raw: Some(rx) })
}

impl<T> Inner<T> {
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

/// The sender's last step (`send`, or drop without sending), with the value (if any)
/// already stored. Returns `Err(())` if the receiver had closed: the caller takes the value
/// back; the sender's reference is then still held (`raw` is returned).
#[inline]
fn tx_complete<T>(raw: RawChannel<T>) -> Result<(), RawChannel<T>> {
    // First guess: the receiver is alive, has not looked yet and has not closed.
    let mut cur = TX_ALIVE | RX_ALIVE;
    loop {
        if cur & CLOSED == CLOSED {
            return Err(raw);
        }
        // Nobody to wake: give up our reference in the same operation (module doc).
        let new = if cur & RX_TASK_SET == 0 {
            (cur | COMPLETE) & !TX_ALIVE
        } else {
            cur | COMPLETE
        };
        match raw
            .inner()
            .state
            .compare_exchange_weak(cur, new, AcqRel, Acquire)
        {
            Ok(_) => {
                debug_assert!(cur & RX_ALIVE == RX_ALIVE, "receiver gone without CLOSED");
                break;
            }
            Err(actual) => cur = actual,
        }
    }
    if cur & RX_TASK_SET == 0 {
        // `TX_ALIVE` cleared above; `RX_ALIVE` was set (the receiver gives its reference up
        // only after `COMPLETE` or with `CLOSED`), so the receiver frees.
        raw.forget();
    } else {
        // SAFETY: the bit was set when we completed: the receiver won't rewrite the cell,
        // and our reference keeps the block alive.
        unsafe { Inner::<T>::wake_cell(&raw.inner().rx_task) };
        raw.release(TX_ALIVE, RX_ALIVE);
    }
    Ok(())
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
        // The sender is consumed here; with its `raw` taken its `Drop` would do nothing,
        // so skip the call.
        let mut this = std::mem::ManuallyDrop::new(self);
        let raw = this.raw.take().expect("a Sender always holds the channel");
        // SAFETY: `COMPLETE` is not set yet and only this sender writes the value.
        raw.inner().value.with_mut(|v| unsafe { *v = Some(t) });
        match tx_complete(raw) {
            Ok(()) => Ok(()),
            Err(raw) => {
                // SAFETY: `COMPLETE` was not set, so the receiver never reads the value;
                // our reference keeps the block alive.
                let t = raw.inner().value.with_mut(|v| unsafe { (*v).take() });
                raw.release(TX_ALIVE, RX_ALIVE);
                Err(t.expect("value just stored"))
            }
        }
    }

    fn inner(&self) -> &Inner<T> {
        self.raw
            .as_ref()
            .expect("a Sender always holds the channel")
            .inner()
    }

    /// Polls whether the receiver has been dropped or closed (`Ready(())` then).
    pub fn poll_closed(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let inner = self.inner();
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
        self.inner().state.load(Acquire) & CLOSED == CLOSED
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        if let Some(raw) = self.raw.take() {
            if let Err(raw) = tx_complete(raw) {
                raw.release(TX_ALIVE, RX_ALIVE);
            }
        }
    }
}

/// Gives up the receiver's reference after it completed (value taken or error returned);
/// `seen` is a state the receiver read with `Acquire` (or `AcqRel`).
fn rx_release<T>(raw: RawChannel<T>, seen: usize) {
    if seen & TX_ALIVE == 0 {
        // SAFETY: the sender's bit was clear in an Acquire read: it is gone for good.
        unsafe { raw.free() };
    } else {
        raw.release(RX_ALIVE, TX_ALIVE);
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
        if let Some(raw) = &self.raw {
            let inner = raw.inner();
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
        let Some(raw) = &self.raw else {
            return Err(TryRecvError::Closed);
        };
        let state = raw.inner().state.load(Acquire);
        let result = if state & COMPLETE == COMPLETE {
            // SAFETY: `COMPLETE` seen with Acquire.
            match unsafe { raw.inner().take_value() } {
                Some(v) => Ok(v),
                None => Err(TryRecvError::Closed),
            }
        } else if state & CLOSED == CLOSED {
            Err(TryRecvError::Closed)
        } else {
            return Err(TryRecvError::Empty);
        };
        // `COMPLETE` or `CLOSED`: the sender cannot send any more, so the receiver needs
        // no `CLOSED` to tell it; just give the reference up.
        if let Some(raw) = self.raw.take() {
            rx_release(raw, state);
        }
        result
    }

    /// One budgeted poll; on `Ready` the receiver's reference has been given up and
    /// `slot` is `None`.
    #[inline]
    fn poll_inner(
        slot: &mut Option<RawChannel<T>>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<T, RecvError>> {
        let Some(raw) = slot.as_ref() else {
            unreachable!("checked by poll")
        };
        let inner = raw.inner();
        let mut state = inner.state.load(Acquire);
        if state & (COMPLETE | CLOSED) == 0 {
            state = Self::register(inner, cx);
        }
        let ret = if state & COMPLETE == COMPLETE {
            // SAFETY: `COMPLETE` seen with Acquire (every path above reads the state with
            // Acquire or AcqRel), so the sender's write of the value is visible.
            match unsafe { inner.take_value() } {
                Some(v) => Ok(v),
                None => Err(RecvError(())),
            }
        } else if state & CLOSED == CLOSED {
            Err(RecvError(()))
        } else {
            return Poll::Pending;
        };
        if let Some(raw) = slot.take() {
            rx_release(raw, state);
        }
        Poll::Ready(ret)
    }

    /// Stores the waker (the channel was neither complete nor closed); returns the state
    /// seen last, read with Acquire. Out of line: the ready path stays small.
    #[inline(never)]
    fn register(inner: &Inner<T>, cx: &mut Context<'_>) -> usize {
        // SAFETY: the receiver owns `rx_task`.
        match unsafe { inner.set_task(&inner.rx_task, RX_TASK_SET, COMPLETE, cx.waker()) } {
            Some(s) => s,
            None => inner.state.load(Acquire),
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, RecvError>;

    /// # Panics
    /// If polled again after it returned `Ready`: "called after complete".
    #[track_caller]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.raw
            .as_ref()
            .expect(crate::errors::ONESHOT_AFTER_COMPLETE);
        let slot = &mut self.raw;
        // Spends one unit of the task's coop budget (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| Receiver::poll_inner(slot, cx))
    }
}

impl<T> Drop for Receiver<T> {
    #[inline]
    fn drop(&mut self) {
        if let Some(raw) = self.raw.take() {
            rx_drop(raw);
        }
    }
}

/// The receiver dropped before completing: close and give up its reference.
#[inline(never)]
fn rx_drop<T>(raw: RawChannel<T>) {
    let inner = raw.inner();
    let mut cur = inner.state.load(Acquire);
    loop {
        if cur & TX_ALIVE == 0 {
            // The sender is gone for good (seen with Acquire): free, nothing to close.
            // SAFETY: as just said.
            return unsafe { raw.free() };
        }
        // A waiting `poll_closed` is woken after closing, so our reference must
        // survive the close; otherwise close and release in one operation.
        let wake_tx = cur & (TX_TASK_SET | COMPLETE) == TX_TASK_SET;
        let new = if wake_tx {
            cur | CLOSED
        } else {
            (cur | CLOSED) & !RX_ALIVE
        };
        match inner.state.compare_exchange_weak(cur, new, AcqRel, Acquire) {
            Ok(_) if wake_tx => break,
            // `TX_ALIVE` was set in `cur`: the sender frees.
            Ok(_) => return raw.forget(),
            Err(actual) => cur = actual,
        }
    }
    // SAFETY: `TX_TASK_SET` was set when we closed: the sender won't rewrite the cell,
    // and our reference keeps the block alive.
    unsafe { Inner::<T>::wake_cell(&raw.inner().tx_task) };
    raw.release(RX_ALIVE, TX_ALIVE);
}

impl<T> Unpin for Sender<T> {}
impl<T> Unpin for Receiver<T> {}

impl<T: fmt::Debug> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field(
                "closed",
                &self
                    .raw
                    .as_ref()
                    .map(|raw| raw.inner().state.load(Relaxed) & CLOSED != 0),
            )
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("complete", &self.raw.is_none())
            .finish()
    }
}
