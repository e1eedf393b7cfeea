//! The channel shared by the senders and the receiver, for both mpsc flavours.
//!
//! Fields and who touches them:
//! - `tx` (the block list's sender side): every sender, lock-free.
//! - `semaphore`: capacity accounting. Bounded: a batch semaphore of `buffer` permits
//!   (a sender takes one before pushing, the receiver returns one per value popped).
//!   Unbounded: a counter of buffered values plus a closed bit.
//! - `rx_waker`: the receiver registers, senders wake after each push and on close.
//! - `tx_count`: live senders. The last one to drop pushes the close marker.
//! - `rx_fields` (`list::Rx` + `rx_closed`): only the receiver, through `&mut`, and the
//!   channel's `Drop` (which runs when every handle is gone).
//!
//! Layout: `tx` (written by every send) and `rx_fields` (written by every receive) sit on
//! cache lines of their own (`CachePadded`), so a sender and a receiver running on two
//! workers do not invalidate each other's lines through unrelated fields; `semaphore`,
//! `rx_waker` and `tx_count`, which both sides touch, share the lines in between.
//!
//! Close paths: the receiver's `close` (or drop) closes the semaphore so that waiting and
//! future sends fail with their value, then drains what is buffered as it is received (or,
//! on drop, right away). The last sender's drop appends the close marker, so the receiver
//! gets every buffered value, then `None`.

use super::list;
use crate::atomic_waker::AtomicWaker;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::sync::Arc;
use crate::loom::UnsafeCell;
use crate::mpsc::error::TryRecvError;
use crate::util::cache_padded::CachePadded;
use std::fmt;
use std::task::{Context, Poll};

/// Capacity accounting, per flavour.
pub(crate) trait Semaphore {
    /// No value is buffered and no permit is out.
    fn is_idle(&self) -> bool;
    /// A value was popped.
    fn add_permit(&self);
    /// The receiver closed: further sends fail.
    fn close(&self);
    fn is_closed(&self) -> bool;
}

pub(crate) struct Chan<T, S> {
    tx: CachePadded<list::Tx<T>>,
    semaphore: S,
    rx_waker: AtomicWaker,
    tx_count: AtomicUsize,
    rx_fields: CachePadded<UnsafeCell<RxFields<T>>>,
}

struct RxFields<T> {
    list: list::Rx<T>,
    rx_closed: bool,
}

/// A sender handle (counted in `tx_count`).
pub(crate) struct Tx<T, S: Semaphore> {
    inner: Arc<Chan<T, S>>,
}

/// The receiver handle.
pub(crate) struct Rx<T, S: Semaphore> {
    inner: Arc<Chan<T, S>>,
}

// SAFETY: `rx_fields` is touched only by the single `Rx` (through `&mut`) and by `Drop`;
// everything else is atomic or `Sync`. Values of type `T` cross threads, hence `T: Send`.
unsafe impl<T: Send, S: Send> Send for Chan<T, S> {}
// SAFETY: as above.
unsafe impl<T: Send, S: Sync> Sync for Chan<T, S> {}

pub(crate) fn channel<T, S: Semaphore>(semaphore: S) -> (Tx<T, S>, Rx<T, S>) {
    let (tx, rx) = list::channel();
    let chan = Arc::new(Chan {
        tx: CachePadded(tx),
        semaphore,
        rx_waker: AtomicWaker::new(),
        tx_count: AtomicUsize::new(1),
        rx_fields: CachePadded(UnsafeCell::new(RxFields {
            list: rx,
            rx_closed: false,
        })),
    });
    (
        Tx {
            inner: chan.clone(),
        },
        Rx { inner: chan },
    )
}

impl<T, S: Semaphore> Tx<T, S> {
    pub(crate) fn semaphore(&self) -> &S {
        &self.inner.semaphore
    }

    /// Wakes the receiver (it re-checks the channel).
    pub(crate) fn wake_rx(&self) {
        self.inner.rx_waker.wake();
    }

    /// Pushes a value whose capacity the caller has already accounted for.
    pub(crate) fn send(&self, value: T) {
        self.inner.tx.push(value);
        self.inner.rx_waker.wake();
    }
}

impl<T, S: Semaphore> Clone for Tx<T, S> {
    fn clone(&self) -> Self {
        self.inner.tx_count.fetch_add(1, Relaxed);
        Tx {
            inner: self.inner.clone(),
        }
    }
}

impl<T, S: Semaphore> Drop for Tx<T, S> {
    fn drop(&mut self) {
        if self.inner.tx_count.fetch_sub(1, AcqRel) != 1 {
            return;
        }
        self.inner.tx.close();
        self.inner.rx_waker.wake();
    }
}

impl<T, S: Semaphore> Rx<T, S> {
    fn with_fields<R>(&mut self, f: impl FnOnce(&mut RxFields<T>) -> R) -> R {
        // SAFETY: only the single `Rx` touches `rx_fields`, and it holds `&mut self`.
        self.inner.rx_fields.with_mut(|p| f(unsafe { &mut *p }))
    }

    /// Closes the receiving side: sends fail from now on; buffered values stay readable.
    pub(crate) fn close(&mut self) {
        self.with_fields(|f| f.rx_closed = true);
        self.inner.semaphore.close();
    }

    /// Spends one unit of the task's coop budget (`util::coop`).
    pub(crate) fn recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        crate::util::coop::budgeted(cx, |cx| self.recv_unbudgeted(cx))
    }

    fn recv_unbudgeted(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if let Some(out) = self.try_pop() {
            return Poll::Ready(out);
        }
        self.inner.rx_waker.register_by_ref(cx.waker());
        // A value (or the close marker) may have landed before the registration.
        if let Some(out) = self.try_pop() {
            return Poll::Ready(out);
        }
        if self.closed_and_idle() {
            return Poll::Ready(None);
        }
        Poll::Pending
    }

    pub(crate) fn try_recv(&mut self) -> Result<T, TryRecvError> {
        match self.try_pop() {
            Some(Some(v)) => Ok(v),
            Some(None) => Err(TryRecvError::Closed),
            // As in 0.2.25, `Closed` means every sender is gone: after `Receiver::close`
            // with live senders an empty channel still reports `Empty` (`recv` gives
            // `None` there instead).
            None => Err(TryRecvError::Empty),
        }
    }

    fn closed_and_idle(&mut self) -> bool {
        self.with_fields(|f| f.rx_closed) && self.inner.semaphore.is_idle()
    }

    /// `Some(Some(v))`: a value; `Some(None)`: the senders are gone; `None`: nothing yet.
    fn try_pop(&mut self) -> Option<Option<T>> {
        let chan = &*self.inner;
        // SAFETY: only the single `Rx` touches `rx_fields`, and it holds `&mut self`.
        let read = chan
            .rx_fields
            .with_mut(|p| unsafe { (*p).list.pop(&chan.tx) });
        match read? {
            list::Read::Value(v) => {
                self.inner.semaphore.add_permit();
                Some(Some(v))
            }
            list::Read::Closed => Some(None),
        }
    }
}

impl<T, S: Semaphore> Drop for Rx<T, S> {
    fn drop(&mut self) {
        self.close();
        // Drop what is buffered now, not when the last sender goes away.
        while let Some(Some(v)) = self.try_pop() {
            drop(v);
        }
    }
}

impl<T, S> Drop for Chan<T, S> {
    fn drop(&mut self) {
        // SAFETY: the last handle is gone: nobody else can touch the list.
        self.rx_fields
            .with_mut(|p| unsafe { (*p).list.free_all(&self.tx) });
    }
}

impl<T, S: Semaphore> fmt::Debug for Tx<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tx")
            .field("senders", &self.inner.tx_count.load(Relaxed))
            .finish()
    }
}

impl<T, S: Semaphore> fmt::Debug for Rx<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rx")
            .field("closed", &self.inner.semaphore.is_closed())
            .finish()
    }
}
