//! The bounded flavour: a batch semaphore of `buffer` permits provides back-pressure.
//!
//! A `Sender` owns at most one *reservation* (a permit taken by `poll_ready` or by a
//! `send` in progress). `try_send` spends it if present, otherwise takes a permit on the
//! spot. The receiver returns one permit per value it pops. Each `Sender` clone starts
//! without a reservation.
//!
//! `poll_ready` needs a wait-list node that survives between calls while the `Sender`
//! itself may move, so that node is boxed, allocated the first time a `Sender` actually
//! has to wait. `send` uses an inline `Acquire` instead (no allocation); dropping it
//! withdraws from the queue and returns any permit it was handed.

use super::chan;
use super::error::{ClosedError, SendError, TryRecvError, TrySendError};
use crate::semaphore::batch;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Capacity of a bounded channel.
pub(crate) struct Semaphore {
    sem: batch::Semaphore,
    bound: usize,
}

impl chan::Semaphore for Semaphore {
    fn is_idle(&self) -> bool {
        self.sem.available_permits() == self.bound
    }

    fn add_permit(&self) {
        self.sem.release(1);
    }

    fn close(&self) {
        self.sem.close();
    }

    fn is_closed(&self) -> bool {
        self.sem.is_closed()
    }
}

/// Sends values to the associated `Receiver`. Cloneable: clone one per producer task.
pub struct Sender<T> {
    chan: chan::Tx<T, Semaphore>,
    permit: Reservation,
}

/// The per-`Sender` permit state (see the module doc).
struct Reservation {
    reserved: bool,
    queued: bool,
    waiter: Option<Pin<Box<batch::Waiter>>>,
}

/// Receives values from the associated `Sender`s.
pub struct Receiver<T> {
    chan: chan::Rx<T, Semaphore>,
}

/// Creates a bounded mpsc channel with room for `buffer` values; senders wait (`send`) or
/// fail (`try_send`) when it is full.
///
/// # Panics
/// If `buffer` is 0: "mpsc bounded channel requires buffer > 0".
///
/// ```
/// use tokio_sync::mpsc;
///
/// futures::executor::block_on(async {
///     let (mut tx, mut rx) = mpsc::channel(1);
///     tx.send("hello").await.unwrap();
///     assert!(tx.try_send("full").is_err());
///     assert_eq!(rx.recv().await, Some("hello"));
/// });
/// ```
#[track_caller]
pub fn channel<T>(buffer: usize) -> (Sender<T>, Receiver<T>) {
    assert!(buffer > 0, "{}", crate::errors::MPSC_ZERO_BUFFER);
    let bound = buffer.min(batch::MAX_PERMITS);
    let sem = Semaphore {
        sem: batch::Semaphore::new(bound),
        bound,
    };
    let (tx, rx) = chan::channel(sem);
    (Sender::new(tx), Receiver { chan: rx })
}

impl<T> Sender<T> {
    fn new(chan: chan::Tx<T, Semaphore>) -> Sender<T> {
        Sender {
            chan,
            permit: Reservation {
                reserved: false,
                queued: false,
                waiter: None,
            },
        }
    }

    fn sem(&self) -> &batch::Semaphore {
        &self.chan.semaphore().sem
    }

    /// Sends a value, waiting until there is capacity.
    ///
    /// Fails, giving the value back, if the receiver has been dropped or closed.
    ///
    /// Cancellation safety: if the future is dropped before it completes, the value is
    /// dropped with it but not sent, and the capacity it was waiting for (or had just been
    /// handed) goes back to the channel; no other sender is held up. A reservation made
    /// earlier with `poll_ready` is kept.
    ///
    /// ```
    /// # futures::executor::block_on(async {
    /// let (mut tx, mut rx) = tokio_sync::mpsc::channel(4);
    /// tx.send(7).await.unwrap();
    /// assert_eq!(rx.recv().await, Some(7));
    /// # });
    /// ```
    pub async fn send(&mut self, value: T) -> Result<(), SendError<T>> {
        if !self.permit.reserved {
            if self.permit.queued {
                // A `poll_ready` is already queued: keep its place.
                if std::future::poll_fn(|cx| self.poll_ready(cx))
                    .await
                    .is_err()
                {
                    return Err(SendError(value));
                }
            } else {
                // The fast path spends one unit of the coop budget, as a waiting send does
                // through the acquire future (`util::coop`).
                let unit = std::future::poll_fn(tokio_executor::coop::poll_proceed).await;
                match self.sem().try_acquire(1) {
                    Ok(()) => unit.made_progress(),
                    Err(batch::TryAcquireError::Closed) => {
                        unit.made_progress();
                        return Err(SendError(value));
                    }
                    Err(batch::TryAcquireError::NoPermits) => {
                        // Refund now (never hold a unit across an await): the acquire
                        // future below spends its own.
                        drop(unit);
                        // Declared first, so dropped after the acquire future if this
                        // `send` is cancelled mid-wait.
                        let _wake = WakeIfDrained(&self.chan);
                        let acquire = std::pin::pin!(self.sem().acquire(1));
                        if acquire.await.is_err() {
                            return Err(SendError(value));
                        }
                    }
                }
                self.permit.reserved = true;
            }
        }
        match self.try_send(value) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(v)) | Err(TrySendError::Closed(v)) => Err(SendError(v)),
        }
    }

    /// Tries to send a value right now.
    ///
    /// Uses this `Sender`'s reservation (from `poll_ready`) if it has one; otherwise fails
    /// with `Full` if the channel is at capacity. Fails with `Closed` if the receiver is
    /// gone. The value is given back on failure.
    ///
    /// ```
    /// use tokio_sync::mpsc::{self, error::TrySendError};
    ///
    /// let (mut tx, mut rx) = mpsc::channel(1);
    /// tx.try_send(1).unwrap();
    /// assert!(matches!(tx.try_send(2), Err(TrySendError::Full(2))));
    /// assert_eq!(rx.try_recv(), Ok(1));
    /// drop(rx);
    /// assert!(matches!(tx.try_send(3), Err(TrySendError::Closed(3))));
    /// ```
    pub fn try_send(&mut self, message: T) -> Result<(), TrySendError<T>> {
        if self.permit.reserved {
            // A reservation stays valid after the receiver closes (as in tokio 0.2): the
            // value is buffered and the receiver drains it before seeing `None`.
            self.permit.reserved = false;
        } else {
            match self.sem().try_acquire(1) {
                Ok(()) => {}
                Err(batch::TryAcquireError::NoPermits) => return Err(TrySendError::Full(message)),
                Err(batch::TryAcquireError::Closed) => return Err(TrySendError::Closed(message)),
            }
        }
        self.chan.send(message);
        Ok(())
    }

    /// Reserves capacity for one value for this `Sender` (the next `try_send` or `send`
    /// uses it). Returns `Ready(Ok(()))` once reserved (at once if already reserved), or
    /// `Ready(Err(ClosedError))` if the receiver is gone.
    ///
    /// While pending, this `Sender` keeps its place in the queue; `disarm` or dropping
    /// the `Sender` gives it up.
    ///
    /// ```
    /// use futures::future::poll_fn;
    ///
    /// futures::executor::block_on(async {
    ///     let (mut tx, mut rx) = tokio_sync::mpsc::channel(1);
    ///     poll_fn(|cx| tx.poll_ready(cx)).await.unwrap(); // slot reserved
    ///     let mut other = tx.clone();
    ///     assert!(other.try_send(0).is_err()); // the only slot is taken
    ///     tx.try_send(1).unwrap(); // uses the reservation
    ///     assert_eq!(rx.recv().await, Some(1));
    /// });
    /// ```
    pub fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ClosedError>> {
        if self.permit.reserved {
            return Poll::Ready(Ok(()));
        }
        // Reserving spends one unit of the task's coop budget (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| self.poll_reserve(cx))
    }

    fn poll_reserve(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ClosedError>> {
        if !self.permit.queued {
            match self.chan.semaphore().sem.try_acquire(1) {
                Ok(()) => {
                    self.permit.reserved = true;
                    return Poll::Ready(Ok(()));
                }
                Err(batch::TryAcquireError::Closed) => return Poll::Ready(Err(ClosedError::new())),
                Err(batch::TryAcquireError::NoPermits) => {}
            }
        }
        let waiter = self
            .permit
            .waiter
            .get_or_insert_with(|| Box::pin(batch::Waiter::new()));
        let sem = &self.chan.semaphore().sem;
        match sem.poll_acquire(cx, 1, waiter.as_ref(), &mut self.permit.queued) {
            Poll::Ready(Ok(())) => {
                self.permit.reserved = true;
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(_)) => Poll::Ready(Err(ClosedError::new())),
            Poll::Pending => Poll::Pending,
        }
    }

    /// Gives back the reservation made by `poll_ready` (or withdraws a pending one).
    /// Returns true if a reserved slot was released.
    ///
    /// ```
    /// use futures::future::poll_fn;
    ///
    /// futures::executor::block_on(async {
    ///     let (mut tx, _rx) = tokio_sync::mpsc::channel::<i32>(1);
    ///     poll_fn(|cx| tx.poll_ready(cx)).await.unwrap();
    ///     assert!(tx.disarm()); // slot given back
    ///     assert!(!tx.disarm());
    ///     assert!(tx.try_send(1).is_ok());
    /// });
    /// ```
    pub fn disarm(&mut self) -> bool {
        self.cancel_queued();
        let released = std::mem::take(&mut self.permit.reserved);
        if released {
            self.sem().release(1);
        }
        self.wake_rx_if_drained();
        released
    }

    fn cancel_queued(&mut self) {
        if let Some(waiter) = &self.permit.waiter {
            self.chan
                .semaphore()
                .sem
                .cancel(1, waiter.as_ref(), &mut self.permit.queued);
        }
    }

    /// A closed receiver waits for outstanding reservations before it reports `None`;
    /// after giving one back, let it look again.
    fn wake_rx_if_drained(&self) {
        wake_rx_if_drained(&self.chan);
    }
}

fn wake_rx_if_drained<T>(chan: &chan::Tx<T, Semaphore>) {
    use chan::Semaphore as _;
    let sem = chan.semaphore();
    if sem.is_closed() && sem.is_idle() {
        chan.wake_rx();
    }
}

/// Runs `wake_rx_if_drained` when dropped: a cancelled `send` may hand back a permit it
/// had just been granted, which can be the last one a closed receiver waits for.
struct WakeIfDrained<'a, T>(&'a chan::Tx<T, Semaphore>);

impl<T> Drop for WakeIfDrained<'_, T> {
    fn drop(&mut self) {
        wake_rx_if_drained(self.0);
    }
}

cfg_time! {
    impl<T> Sender<T> {
        /// Sends a value, waiting at most `timeout` for capacity.
        ///
        /// Fails with `Timeout(value)` if no capacity freed up in time, or `Closed(value)`
        /// if the receiver is gone.
        ///
        /// Cancellation safety: as for [`send`](Sender::send).
        ///
        /// # Panics
        /// Outside a runtime with a timer: "there is no timer running, must be called from
        /// the context of a Tokio 0.2.x runtime".
        pub async fn send_timeout(
            &mut self,
            value: T,
            timeout: std::time::Duration,
        ) -> Result<(), super::error::SendTimeoutError<T>> {
            use super::error::SendTimeoutError;
            use std::future::Future;
            let mut delay = tokio_timer::delay_for(timeout);
            if !self.permit.reserved {
                let sem = &self.chan.semaphore().sem;
                let acquire = sem.acquire(1);
                let mut acquire = std::pin::pin!(acquire);
                let res = std::future::poll_fn(|cx| {
                    if let Poll::Ready(r) = acquire.as_mut().poll(cx) {
                        return Poll::Ready(Some(r));
                    }
                    match Pin::new(&mut delay).poll(cx) {
                        Poll::Ready(()) => Poll::Ready(None),
                        Poll::Pending => Poll::Pending,
                    }
                })
                .await;
                match res {
                    Some(Ok(())) => self.permit.reserved = true,
                    Some(Err(_)) => return Err(SendTimeoutError::Closed(value)),
                    None => return Err(SendTimeoutError::Timeout(value)),
                }
            }
            match self.try_send(value) {
                Ok(()) => Ok(()),
                Err(TrySendError::Full(v)) | Err(TrySendError::Closed(v)) => {
                    Err(SendTimeoutError::Closed(v))
                }
            }
        }
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Sender::new(self.chan.clone())
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        self.disarm();
    }
}

impl<T> Receiver<T> {
    /// Receives the next value; `None` once every sender is gone (or the channel was
    /// closed) and the buffer is empty.
    ///
    /// Cancellation safety: cancel-safe; a dropped `recv` future takes no value.
    ///
    /// ```
    /// # futures::executor::block_on(async {
    /// let (mut tx, mut rx) = tokio_sync::mpsc::channel(2);
    /// tx.send(1).await.unwrap();
    /// drop(tx);
    /// assert_eq!(rx.recv().await, Some(1));
    /// assert_eq!(rx.recv().await, None);
    /// # });
    /// ```
    pub async fn recv(&mut self) -> Option<T> {
        std::future::poll_fn(|cx| self.poll_recv(cx)).await
    }

    #[doc(hidden)]
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.chan.recv(cx)
    }

    /// Receives a value if one is buffered, without waiting.
    ///
    /// ```
    /// use tokio_sync::mpsc::{self, error::TryRecvError};
    ///
    /// let (mut tx, mut rx) = mpsc::channel(2);
    /// assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    /// tx.try_send(1).unwrap();
    /// drop(tx);
    /// assert_eq!(rx.try_recv(), Ok(1));
    /// assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
    /// ```
    pub fn try_recv(&mut self) -> Result<T, TryRecvError> {
        self.chan.try_recv()
    }

    /// Closes the channel: senders fail from now on (waiting ones are woken), while the
    /// values already buffered can still be received.
    ///
    /// ```
    /// futures::executor::block_on(async {
    ///     let (mut tx, mut rx) = tokio_sync::mpsc::channel(2);
    ///     tx.send(1).await.unwrap();
    ///     rx.close();
    ///     assert!(tx.send(2).await.is_err());
    ///     assert_eq!(rx.recv().await, Some(1));
    ///     assert_eq!(rx.recv().await, None);
    /// });
    /// ```
    pub fn close(&mut self) {
        self.chan.close();
    }
}

impl<T> Unpin for Receiver<T> {}

impl<T> futures_core::Stream for Receiver<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.get_mut().poll_recv(cx)
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("chan", &self.chan)
            .field("reserved", &self.permit.reserved)
            .finish()
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("chan", &self.chan)
            .finish()
    }
}
