//! The watch channel.
//!
//! Shared state:
//! - `value: RwLock<T>`: the latest value (`Ref` holds its read guard).
//! - `version: AtomicUsize` = `version << 1 | CLOSED`. Bumped after each store;
//!   `CLOSED` is set when the sender drops. The channel starts at version 1 and the first
//!   receiver at 0, so its first `recv` returns the initial value.
//! - `rx_count`: live receivers; `broadcast` fails at 0 and the sender's `closed`
//!   resolves.
//! - `notify_rx` (wakes all receivers on a change or close), `notify_tx` (wakes the
//!   sender's `closed` when the last receiver drops).
//!
//! A receiver arms its wait before comparing versions (see `Notify`'s generation), so a
//! change between the comparison and the sleep is never missed.

use super::error::SendError;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::*};
use crate::loom::sync::{Arc, RwLock, RwLockReadGuard};
use crate::notify::{Notify, WaitSlot};
use std::fmt;
use std::ops;
use std::pin::Pin;
use std::task::{Context, Poll};

const CLOSED: usize = 1;
const VERSION_ONE: usize = 2;

struct Shared<T> {
    value: RwLock<T>,
    version: AtomicUsize,
    rx_count: AtomicUsize,
    notify_rx: Notify,
    notify_tx: Notify,
}

/// Sends values to the associated `Receiver`s. Not `Clone`.
pub struct Sender<T> {
    shared: Arc<Shared<T>>,
}

/// Receives values from the associated `Sender`. `Clone`: a clone starts having seen
/// what the original has seen.
pub struct Receiver<T> {
    shared: Arc<Shared<T>>,
    version: usize,
    wait: WaitSlot,
}

/// A borrow of the latest value. Holds a read lock: keep it short, since `broadcast`
/// waits for it.
pub struct Ref<'a, T> {
    inner: RwLockReadGuard<'a, T>,
}

/// Creates a watch channel holding `init`.
///
/// ```
/// use tokio_sync::watch;
///
/// futures::executor::block_on(async {
///     let (tx, mut rx) = watch::channel("hello");
///     assert_eq!(rx.recv().await, Some("hello"));
///     tx.broadcast("world").unwrap();
///     assert_eq!(rx.recv().await, Some("world"));
///     drop(tx);
///     assert_eq!(rx.recv().await, None);
/// });
/// ```
pub fn channel<T: Clone>(init: T) -> (Sender<T>, Receiver<T>) {
    let shared = Arc::new(Shared {
        value: RwLock::new(init),
        version: AtomicUsize::new(VERSION_ONE),
        rx_count: AtomicUsize::new(1),
        notify_rx: Notify::new(),
        notify_tx: Notify::new(),
    });
    let rx = Receiver {
        shared: shared.clone(),
        version: 0,
        wait: WaitSlot::new(),
    };
    (Sender { shared }, rx)
}

impl<T> Shared<T> {
    fn read(&self) -> RwLockReadGuard<'_, T> {
        self.value.read().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> Receiver<T> {
    /// Borrows the latest value (without marking it seen).
    ///
    /// ```
    /// let (tx, rx) = tokio_sync::watch::channel(1);
    /// tx.broadcast(2).unwrap();
    /// assert_eq!(*rx.borrow(), 2);
    /// ```
    pub fn borrow(&self) -> Ref<'_, T> {
        Ref {
            inner: self.shared.read(),
        }
    }

    #[doc(hidden)]
    pub fn poll_recv_ref<'a>(&'a mut self, cx: &mut Context<'_>) -> Poll<Option<Ref<'a, T>>> {
        // Spends one unit of the task's coop budget (`util::coop`).
        crate::util::coop::budgeted(cx, |cx| self.poll_recv_ref_unbudgeted(cx))
    }

    fn poll_recv_ref_unbudgeted<'a>(
        &'a mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Ref<'a, T>>> {
        loop {
            self.wait.arm(&self.shared.notify_rx);
            let state = self.shared.version.load(SeqCst);
            let version = state & !CLOSED;
            if version != self.version {
                self.version = version;
                self.wait.cancel(&self.shared.notify_rx);
                return Poll::Ready(Some(Ref {
                    inner: self.shared.read(),
                }));
            }
            if state & CLOSED == CLOSED {
                self.wait.cancel(&self.shared.notify_rx);
                return Poll::Ready(None);
            }
            if self.wait.poll(&self.shared.notify_rx, cx).is_pending() {
                return Poll::Pending;
            }
        }
    }
}

impl<T: Clone> Receiver<T> {
    /// Waits for a value not seen yet by this receiver and returns a clone of it. The
    /// first call returns the initial value. `None` once the sender is gone and the
    /// latest value was seen.
    ///
    /// Cancellation safety: cancel-safe; an unseen value stays unseen.
    pub async fn recv(&mut self) -> Option<T> {
        std::future::poll_fn(|cx| self.poll_recv_ref(cx).map(|v| v.map(|v| (*v).clone()))).await
    }
}

impl<T: Clone> futures_core::Stream for Receiver<T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.get_mut()
            .poll_recv_ref(cx)
            .map(|v| v.map(|v| (*v).clone()))
    }
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        self.shared.rx_count.fetch_add(1, Relaxed);
        Receiver {
            shared: self.shared.clone(),
            version: self.version,
            wait: WaitSlot::new(),
        }
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.wait.cancel(&self.shared.notify_rx);
        if self.shared.rx_count.fetch_sub(1, AcqRel) == 1 {
            self.shared.notify_tx.notify_waiters();
        }
    }
}

impl<T> Sender<T> {
    /// Stores a new value and notifies every receiver. Fails only if every receiver is
    /// gone (the value is then dropped with the error).
    ///
    /// ```
    /// let (tx, rx) = tokio_sync::watch::channel(0);
    /// assert!(tx.broadcast(1).is_ok());
    /// drop(rx);
    /// assert!(tx.broadcast(2).is_err());
    /// ```
    pub fn broadcast(&self, value: T) -> Result<(), SendError<T>> {
        if self.shared.rx_count.load(SeqCst) == 0 {
            return Err(SendError { inner: value });
        }
        {
            let mut lock = self.shared.value.write().unwrap_or_else(|e| e.into_inner());
            *lock = value;
        }
        self.shared.version.fetch_add(VERSION_ONE, SeqCst);
        self.shared.notify_rx.notify_waiters();
        Ok(())
    }

    /// Resolves once every receiver is gone.
    ///
    /// Cancellation safety: cancel-safe (it only observes).
    ///
    /// ```
    /// futures::executor::block_on(async {
    ///     let (mut tx, rx) = tokio_sync::watch::channel(());
    ///     drop(rx);
    ///     tx.closed().await;
    /// });
    /// ```
    pub async fn closed(&mut self) {
        loop {
            let notified = self.shared.notify_tx.notified_now();
            if self.shared.rx_count.load(SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        self.shared.version.fetch_or(CLOSED, SeqCst);
        self.shared.notify_rx.notify_waiters();
    }
}

impl<T> ops::Deref for Ref<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for Ref<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: fmt::Debug> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("value", &*self.shared.read())
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("version", &self.version)
            .finish()
    }
}
