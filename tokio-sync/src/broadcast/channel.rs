//! The broadcast ring.
//!
//! Shared state:
//! - `buffer`: `capacity` (a power of two) slots, each an `RwLock<Slot>` holding the
//!   absolute position `pos` of the value it holds. Position `p` lives in slot
//!   `p & mask`. Slots start with `pos = i - capacity` (the "previous lap"), so an
//!   unwritten slot reads as "not yet sent".
//! - `tail: Mutex<Tail>`: the next position to write, the receiver count and `closed`.
//!   Senders write a slot with the tail locked, so positions are dense and ordered.
//! - `num_tx`: live senders; the last one to drop sets `closed`.
//! - `notify_rx`: wakes every waiting receiver after a send or the close.
//!
//! A receiver reading position `next` finds in its slot:
//! - `pos == next`: the value; clone it, advance.
//! - `pos + capacity == next`: not sent yet: `Empty` (or `Closed` once `closed`).
//! - anything else: overwritten: it lagged. It jumps to the oldest buffered position
//!   `tail - capacity` and reports how many it skipped.
//!
//! Each slot counts the receivers that have yet to read it (`rem`, set to the receiver
//! count at send). The receiver that brings it to 0 takes the slot's write lock and drops
//! the value (unless it was overwritten meanwhile); a dropped receiver releases every
//! value it had not read. Values skipped by a lagging receiver stay until overwritten.

use super::error::{RecvError, SendError, TryRecvError};
use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard};
use crate::notify::{Notify, WaitSlot};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Shared<T> {
    buffer: Box<[RwLock<Slot<T>>]>,
    mask: usize,
    tail: Mutex<Tail>,
    num_tx: AtomicUsize,
    notify_rx: Notify,
}

struct Slot<T> {
    pos: u64,
    /// Receivers that have yet to read this value; the last one drops it.
    rem: AtomicUsize,
    val: Option<T>,
}

struct Tail {
    pos: u64,
    rx_cnt: usize,
    closed: bool,
}

/// Sends values to every associated `Receiver`. `Clone`.
///
/// `Send + Sync` when `T: Send`, as in tokio 0.2.
pub struct Sender<T> {
    shared: Arc<Shared<T>>,
}

/// Receives the values sent after it subscribed. Not `Clone`: use `Sender::subscribe`.
pub struct Receiver<T> {
    shared: Arc<Shared<T>>,
    next: u64,
    wait: WaitSlot,
}

// SAFETY: the shared state hands clones of `T` to receivers on other threads; as in
// tokio 0.2, `T: Send` is what is required (the slots are behind locks).
unsafe impl<T: Send> Send for Sender<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for Sender<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Send for Receiver<T> {}
// SAFETY: as above; every method that touches the receiver's state takes `&mut self`.
unsafe impl<T: Send> Sync for Receiver<T> {}

/// Creates a broadcast channel holding up to `capacity` values (rounded up to a power of
/// two) for slow receivers.
///
/// # Panics
/// If `capacity` is 0 ("capacity is empty") or too large to round up
/// ("requested capacity too large").
///
/// ```
/// use tokio_sync::broadcast;
///
/// futures::executor::block_on(async {
///     let (tx, mut rx1) = broadcast::channel(16);
///     let mut rx2 = tx.subscribe();
///     assert_eq!(tx.send(10).unwrap(), 2);
///     assert_eq!(rx1.recv().await, Ok(10));
///     assert_eq!(rx2.recv().await, Ok(10));
/// });
/// ```
#[track_caller]
pub fn channel<T>(capacity: usize) -> (Sender<T>, Receiver<T>) {
    assert!(capacity > 0, "{}", crate::errors::BROADCAST_ZERO);
    assert!(
        capacity <= usize::MAX >> 1,
        "{}",
        crate::errors::BROADCAST_TOO_LARGE
    );
    let cap = capacity.next_power_of_two();
    let buffer = (0..cap)
        .map(|i| {
            RwLock::new(Slot {
                pos: (i as u64).wrapping_sub(cap as u64),
                rem: AtomicUsize::new(0),
                val: None,
            })
        })
        .collect();
    let shared = Arc::new(Shared {
        buffer,
        mask: cap - 1,
        tail: Mutex::new(Tail {
            pos: 0,
            rx_cnt: 1,
            closed: false,
        }),
        num_tx: AtomicUsize::new(1),
        notify_rx: Notify::new(),
    });
    let rx = Receiver {
        shared: shared.clone(),
        next: 0,
        wait: WaitSlot::new(),
    };
    (Sender { shared }, rx)
}

impl<T> Shared<T> {
    fn tail(&self) -> MutexGuard<'_, Tail> {
        self.tail.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn slot(&self, pos: u64) -> RwLockReadGuard<'_, Slot<T>> {
        self.buffer[pos as usize & self.mask]
            .read()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn capacity(&self) -> u64 {
        self.buffer.len() as u64
    }
}

impl<T: Clone> Shared<T> {
    /// Reads position `*next` (module doc), advancing it on success or on lag.
    fn recv_at(&self, next: &mut u64) -> Result<T, TryRecvError> {
        loop {
            let slot = self.slot(*next);
            if slot.pos == *next {
                let pos = *next;
                // Advance first: a panicking `clone` skips the value instead of wedging.
                *next = pos.wrapping_add(1);
                let value = slot.val.clone().expect("a written slot holds a value");
                self.release(slot, pos);
                return Ok(value);
            }
            let not_sent = slot.pos.wrapping_add(self.capacity()) == *next;
            drop(slot);
            let tail = self.tail();
            if not_sent {
                if tail.pos != *next {
                    // A send landed meanwhile: read again.
                    continue;
                }
                if tail.closed {
                    return Err(TryRecvError::Closed);
                }
                return Err(TryRecvError::Empty);
            }
            let oldest = tail.pos.wrapping_sub(self.capacity());
            let missed = oldest.wrapping_sub(*next);
            *next = oldest;
            return Err(TryRecvError::Lagged(missed));
        }
    }
}

impl<T> Shared<T> {
    /// This receiver is done with the value at `pos`; the last one to be done drops it.
    fn release(&self, slot: RwLockReadGuard<'_, Slot<T>>, pos: u64) {
        if slot.rem.fetch_sub(1, AcqRel) != 1 {
            return;
        }
        drop(slot);
        let old = {
            let mut slot = self.buffer[pos as usize & self.mask]
                .write()
                .unwrap_or_else(|e| e.into_inner());
            if slot.pos != pos || slot.rem.load(Acquire) != 0 {
                return; // overwritten meanwhile
            }
            slot.val.take()
        };
        drop(old);
    }

    /// A dropped receiver gives up its claim on everything it has not read.
    fn release_unread(&self, mut next: u64, until: u64) {
        while next != until {
            let slot = self.slot(next);
            if slot.pos == next {
                self.release(slot, next);
            }
            next = next.wrapping_add(1);
        }
    }
}

impl<T> Sender<T> {
    /// Sends a value to every receiver. Returns how many receivers it went to, or gives
    /// the value back if there are none.
    pub fn send(&self, value: T) -> Result<usize, SendError<T>> {
        let mut tail = self.shared.tail();
        if tail.rx_cnt == 0 {
            return Err(SendError(value));
        }
        let pos = tail.pos;
        let rx_cnt = tail.rx_cnt;
        let old = {
            let mut slot = self.shared.buffer[pos as usize & self.shared.mask]
                .write()
                .unwrap_or_else(|e| e.into_inner());
            slot.pos = pos;
            slot.rem.store(rx_cnt, Relaxed);
            slot.val.replace(value)
        };
        tail.pos = pos.wrapping_add(1);
        drop(tail);
        // The overwritten value is dropped outside the locks.
        drop(old);
        self.shared.notify_rx.notify_waiters();
        Ok(rx_cnt)
    }

    /// Creates a receiver that sees the values sent from now on.
    ///
    /// ```
    /// let (tx, _rx) = tokio_sync::broadcast::channel(4);
    /// tx.send(1).unwrap();
    /// let mut late = tx.subscribe();
    /// tx.send(2).unwrap();
    /// assert_eq!(late.try_recv(), Ok(2));
    /// assert_eq!(tx.receiver_count(), 2);
    /// ```
    pub fn subscribe(&self) -> Receiver<T> {
        let mut tail = self.shared.tail();
        tail.rx_cnt += 1;
        let next = tail.pos;
        drop(tail);
        Receiver {
            shared: self.shared.clone(),
            next,
            wait: WaitSlot::new(),
        }
    }

    /// The number of live receivers.
    pub fn receiver_count(&self) -> usize {
        self.shared.tail().rx_cnt
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        self.shared.num_tx.fetch_add(1, Relaxed);
        Sender {
            shared: self.shared.clone(),
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        if self.shared.num_tx.fetch_sub(1, AcqRel) == 1 {
            self.shared.tail().closed = true;
            self.shared.notify_rx.notify_waiters();
        }
    }
}

impl<T: Clone> Receiver<T> {
    /// Receives the next value, waiting if there is none yet.
    ///
    /// Returns `Err(Lagged(n))` if `n` values were overwritten before this receiver got
    /// them (the next call returns the oldest value still buffered), and `Err(Closed)`
    /// once every sender is gone and everything was received.
    ///
    /// Cancellation safety: cancel-safe; a dropped `recv` future takes no value.
    pub async fn recv(&mut self) -> Result<T, RecvError> {
        std::future::poll_fn(|cx| self.poll_recv_inner(cx)).await
    }

    /// Receives the next value if there is one, without waiting.
    ///
    /// `Err(Empty)` if nothing new was sent, `Err(Lagged(n))` if `n` values were missed
    /// (the next call returns the oldest one still buffered), `Err(Closed)` once every
    /// sender is gone and everything was received.
    ///
    /// ```
    /// use tokio_sync::broadcast::{self, TryRecvError};
    ///
    /// let (tx, mut rx) = broadcast::channel(2);
    /// for i in 0..3 {
    ///     tx.send(i).unwrap();
    /// }
    /// assert_eq!(rx.try_recv(), Err(TryRecvError::Lagged(1)));
    /// assert_eq!(rx.try_recv(), Ok(1));
    /// assert_eq!(rx.try_recv(), Ok(2));
    /// assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    /// ```
    pub fn try_recv(&mut self) -> Result<T, TryRecvError> {
        self.shared.recv_at(&mut self.next)
    }

    fn poll_recv_inner(&mut self, cx: &mut Context<'_>) -> Poll<Result<T, RecvError>> {
        // Spends one unit of the task's coop budget (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| self.poll_recv_unbudgeted(cx))
    }

    fn poll_recv_unbudgeted(&mut self, cx: &mut Context<'_>) -> Poll<Result<T, RecvError>> {
        loop {
            self.wait.arm(&self.shared.notify_rx);
            let res = match self.try_recv() {
                Ok(v) => Ok(v),
                Err(TryRecvError::Lagged(n)) => Err(RecvError::Lagged(n)),
                Err(TryRecvError::Closed) => Err(RecvError::Closed),
                Err(TryRecvError::Empty) => {
                    if self.wait.poll(&self.shared.notify_rx, cx).is_pending() {
                        return Poll::Pending;
                    }
                    continue;
                }
            };
            self.wait.cancel(&self.shared.notify_rx);
            return Poll::Ready(res);
        }
    }

    #[doc(hidden)]
    #[deprecated(since = "0.2.21", note = "use async fn recv()")]
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Result<T, RecvError>> {
        self.poll_recv_inner(cx)
    }

    /// Turns the receiver into a `Stream` of `Result<T, RecvError>`: `Lagged` errors are
    /// yielded as items; the stream ends when the channel closes.
    ///
    /// ```
    /// use futures::StreamExt;
    ///
    /// futures::executor::block_on(async {
    ///     let (tx, rx) = tokio_sync::broadcast::channel(4);
    ///     tx.send(1).unwrap();
    ///     drop(tx);
    ///     let items: Vec<_> = rx.into_stream().collect().await;
    ///     assert_eq!(items, vec![Ok(1)]);
    /// });
    /// ```
    pub fn into_stream(self) -> impl futures_core::Stream<Item = Result<T, RecvError>> {
        self
    }
}

#[doc(hidden)]
impl<T: Clone> futures_core::Stream for Receiver<T> {
    type Item = Result<T, RecvError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.get_mut().poll_recv_inner(cx) {
            Poll::Ready(Err(RecvError::Closed)) => Poll::Ready(None),
            Poll::Ready(res) => Poll::Ready(Some(res)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.wait.cancel(&self.shared.notify_rx);
        let until = {
            let mut tail = self.shared.tail();
            tail.rx_cnt -= 1;
            tail.pos
        };
        self.shared.release_unread(self.next, until);
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("capacity", &self.shared.buffer.len())
            .finish()
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("next", &self.next)
            .finish()
    }
}
