//! [`DelayQueue`]: a queue of values that each become available at their own deadline.
//!
//! Layout: a slab of `(value, deadline)` (the slab index is the [`Key`]), a `BTreeSet` of
//! `(deadline, index)` giving the expiry order, and one [`Delay`] kept at the earliest
//! deadline. Insert, remove and reset are O(log n); the queue arms one timer entry however
//! many values it holds.
//!
//! The queue binds to the current timer on its first insert (it can be created anywhere).
//! When an insert or reset makes an entry the earliest, the delay is moved (keeping the
//! waker of the task polling the queue); when a value is inserted into an empty queue, the
//! last task that saw `Ready(None)` is woken.

use crate::errors::Error;
use crate::{Delay, Handle, Instant};
use futures_core::Stream;
use slab::Slab;
use std::collections::BTreeSet;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// A queue of values yielded once their deadlines pass, in deadline order.
///
/// ```no_run
/// # use tokio_timer::{Timer, set_default};
/// # use tokio_executor::park::ParkThread;
/// use std::time::Duration;
/// use futures::StreamExt;
/// use tokio_timer::DelayQueue;
/// # let timer = Timer::new(ParkThread::new());
/// # let _guard = set_default(&timer.handle());
///
/// let mut queue = DelayQueue::new();
/// queue.insert("later", Duration::from_millis(2));
/// queue.insert("sooner", Duration::from_millis(1));
/// let first = futures::executor::block_on(queue.next()).unwrap().unwrap();
/// assert_eq!(first.into_inner(), "sooner");
/// ```
pub struct DelayQueue<T> {
    slab: Slab<Data<T>>,
    order: BTreeSet<(Instant, usize)>,
    handle: Option<Handle>,
    delay: Option<Delay>,
    /// Woken when a value arrives in an empty queue.
    waker: Option<Waker>,
}

struct Data<T> {
    value: T,
    when: Instant,
}

/// A value whose deadline has passed, removed from a [`DelayQueue`].
#[derive(Debug)]
pub struct Expired<T> {
    data: T,
    deadline: Instant,
}

/// Identifies a value in a [`DelayQueue`]; valid until the value expires or is removed.
#[derive(Debug, Clone)]
pub struct Key {
    index: usize,
}

impl<T> DelayQueue<T> {
    /// Creates an empty queue.
    pub fn new() -> DelayQueue<T> {
        DelayQueue::with_capacity(0)
    }

    /// Creates an empty queue with room for `capacity` values.
    pub fn with_capacity(capacity: usize) -> DelayQueue<T> {
        DelayQueue {
            slab: Slab::with_capacity(capacity),
            order: BTreeSet::new(),
            handle: None,
            delay: None,
            waker: None,
        }
    }

    /// Inserts `value`, to be yielded at `when`.
    ///
    /// # Panics
    ///
    /// On the first insert, outside a runtime or in a runtime built without the timer.
    #[track_caller]
    pub fn insert_at(&mut self, value: T, when: Instant) -> Key {
        if self.handle.is_none() {
            self.handle = Some(Handle::current());
        }
        let index = self.slab.insert(Data { value, when });
        self.order.insert((when, index));
        self.sync_delay();
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
        Key { index }
    }

    /// Inserts `value`, to be yielded after `timeout`.
    ///
    /// # Panics
    ///
    /// As [`insert_at`](DelayQueue::insert_at).
    #[track_caller]
    pub fn insert(&mut self, value: T, timeout: Duration) -> Key {
        let now = match &self.handle {
            Some(handle) => handle.now(),
            None => Handle::current().now(),
        };
        self.insert_at(value, now.saturating_add(timeout))
    }

    /// Removes the value for `key` before it expires.
    ///
    /// # Panics
    ///
    /// When `key` does not name a value in the queue (it expired or was removed).
    #[track_caller]
    pub fn remove(&mut self, key: &Key) -> Expired<T> {
        let data = self.slab.remove(key.index);
        self.order.remove(&(data.when, key.index));
        self.sync_delay();
        Expired {
            data: data.value,
            deadline: data.when,
        }
    }

    /// Moves the deadline of the value for `key` to `when`.
    ///
    /// # Panics
    ///
    /// When `key` does not name a value in the queue.
    #[track_caller]
    pub fn reset_at(&mut self, key: &Key, when: Instant) {
        let data = &mut self.slab[key.index];
        self.order.remove(&(data.when, key.index));
        data.when = when;
        self.order.insert((when, key.index));
        self.sync_delay();
    }

    /// Moves the deadline of the value for `key` to `timeout` from now.
    ///
    /// # Panics
    ///
    /// When `key` does not name a value in the queue.
    #[track_caller]
    pub fn reset(&mut self, key: &Key, timeout: Duration) {
        let now = self.handle.as_ref().map_or_else(Instant::now, Handle::now);
        self.reset_at(key, now.saturating_add(timeout));
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.slab.clear();
        self.order.clear();
        self.delay = None;
    }

    /// Values the queue can hold without reallocating.
    pub fn capacity(&self) -> usize {
        self.slab.capacity()
    }

    /// Values in the queue.
    pub fn len(&self) -> usize {
        self.slab.len()
    }

    /// Makes room for at least `additional` more values.
    pub fn reserve(&mut self, additional: usize) {
        self.slab.reserve(additional);
    }

    /// Returns `true` if the queue holds no value.
    pub fn is_empty(&self) -> bool {
        self.slab.is_empty()
    }

    /// Polls for the next value whose deadline has passed.
    ///
    /// `Ready(Some(Ok(expired)))` for it, `Pending` while values wait for their deadline
    /// (the task is woken when the earliest passes), `Ready(None)` when the queue is empty.
    pub fn poll_expired(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Expired<T>, Error>>> {
        loop {
            let Some(&(when, index)) = self.order.first() else {
                self.waker = Some(cx.waker().clone());
                return Poll::Ready(None);
            };
            let now = self.handle.as_ref().map_or_else(Instant::now, Handle::now);
            if when <= now {
                self.order.remove(&(when, index));
                let data = self.slab.remove(index);
                return Poll::Ready(Some(Ok(Expired {
                    data: data.value,
                    deadline: data.when,
                })));
            }
            self.sync_delay();
            let delay = self
                .delay
                .as_mut()
                .expect("delay follows the earliest value");
            if Pin::new(delay).poll(cx).is_pending() {
                return Poll::Pending;
            }
        }
    }

    /// Keeps the delay at the earliest deadline.
    fn sync_delay(&mut self) {
        let Some(&(when, _)) = self.order.first() else {
            return;
        };
        match &mut self.delay {
            Some(delay) if delay.deadline() == when => {}
            Some(delay) => delay.reset(when),
            None => {
                if let Some(handle) = &self.handle {
                    self.delay = Some(Delay::new_with_handle(handle.clone(), when));
                }
            }
        }
    }
}

impl<T> Default for DelayQueue<T> {
    fn default() -> DelayQueue<T> {
        DelayQueue::new()
    }
}

impl<T: fmt::Debug> fmt::Debug for DelayQueue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DelayQueue")
            .field("len", &self.len())
            .field("next", &self.order.first().map(|&(when, _)| when))
            .finish_non_exhaustive()
    }
}

impl<T> Stream for DelayQueue<T> {
    type Item = Result<Expired<T>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_expired(cx)
    }
}

impl<T> Unpin for DelayQueue<T> {}

impl<T> Expired<T> {
    /// Returns a reference to the value.
    pub fn get_ref(&self) -> &T {
        &self.data
    }

    /// Returns a mutable reference to the value.
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.data
    }

    /// Consumes the expiration, returning the value.
    pub fn into_inner(self) -> T {
        self.data
    }

    /// Returns the deadline the value had.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }
}
