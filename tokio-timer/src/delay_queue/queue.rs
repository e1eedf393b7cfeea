//! The queue itself: the public type, its keys and expired values. See the parent module.

use super::wheel::{Data, Wheel};
use crate::errors::Error;
use crate::{Delay, Handle, Instant};
use futures_core::Stream;
use slab::Slab;
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
    wheel: Wheel,
    handle: Option<Handle>,
    delay: Option<Delay>,
    /// The tick `delay` is armed for, while the last poll returned `Pending`; `None` after a
    /// `Ready` (nothing armed that a new value could undercut).
    armed: Option<u64>,
    /// The task that polled last: woken when a value becomes due before `armed` (or lands in
    /// a queue whose last poll saw it empty).
    waker: Option<Waker>,
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
            wheel: Wheel::new(),
            handle: None,
            delay: None,
            armed: None,
            waker: None,
        }
    }

    /// Inserts `value`, to be yielded at `when`. O(1).
    ///
    /// # Panics
    ///
    /// On the first insert, outside a runtime or in a runtime built without the timer.
    #[track_caller]
    pub fn insert_at(&mut self, value: T, when: Instant) -> Key {
        let tick = self.bind().clock().deadline_tick(when.into_std());
        let index = self.slab.insert(Data::new(value, when, tick));
        self.wheel.insert(&mut self.slab, index);
        self.became_due_at(tick);
        Key { index }
    }

    /// Inserts `value`, to be yielded after `timeout`. O(1).
    ///
    /// # Panics
    ///
    /// As [`insert_at`](DelayQueue::insert_at).
    #[track_caller]
    pub fn insert(&mut self, value: T, timeout: Duration) -> Key {
        let now = self.bind().now();
        self.insert_at(value, now.saturating_add(timeout))
    }

    /// Removes the value for `key` before it expires. O(1).
    ///
    /// # Panics
    ///
    /// When `key` does not name a value in the queue (it expired or was removed).
    #[track_caller]
    pub fn remove(&mut self, key: &Key) -> Expired<T> {
        assert!(self.slab.contains(key.index), "invalid key");
        self.wheel.remove(&mut self.slab, key.index);
        let data = self.slab.remove(key.index);
        Expired {
            data: data.value,
            deadline: data.when,
        }
    }

    /// Moves the deadline of the value for `key` to `when`. O(1).
    ///
    /// # Panics
    ///
    /// When `key` does not name a value in the queue.
    #[track_caller]
    pub fn reset_at(&mut self, key: &Key, when: Instant) {
        assert!(self.slab.contains(key.index), "invalid key");
        let tick = self.bind().clock().deadline_tick(when.into_std());
        self.wheel.remove(&mut self.slab, key.index);
        let data = &mut self.slab[key.index];
        data.when = when;
        data.tick = tick;
        self.wheel.insert(&mut self.slab, key.index);
        self.became_due_at(tick);
    }

    /// Moves the deadline of the value for `key` to `timeout` from now. O(1).
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
        self.wheel.clear();
        self.delay = None;
        self.armed = None;
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
        self.armed = None;
        loop {
            if let Some(index) = self.wheel.pop_expired(&mut self.slab) {
                let data = self.slab.remove(index);
                return Poll::Ready(Some(Ok(Expired {
                    data: data.value,
                    deadline: data.when,
                })));
            }
            let Some(handle) = &self.handle else {
                self.remember(cx);
                return Poll::Ready(None);
            };
            if self.slab.is_empty() {
                self.remember(cx);
                return Poll::Ready(None);
            }
            let clock = handle.clock();
            self.wheel
                .advance(&mut self.slab, clock.present_tick(clock.now()));
            if self.wheel.has_expired() {
                continue;
            }
            let next = self
                .wheel
                .next_expiration()
                .expect("a non-empty queue with nothing expired has entries in its wheel");
            let at = Instant::from_std(clock.instant_of(next.deadline));
            let delay = match &mut self.delay {
                Some(delay) => {
                    if delay.deadline() != at {
                        delay.reset(at);
                    }
                    delay
                }
                None => self
                    .delay
                    .insert(Delay::new_with_handle(handle.clone(), at)),
            };
            if Pin::new(delay).poll(cx).is_pending() {
                self.armed = Some(next.deadline);
                self.remember(cx);
                return Poll::Pending;
            }
        }
    }

    /// The timer handle, bound on first use.
    #[track_caller]
    fn bind(&mut self) -> &Handle {
        if self.handle.is_none() {
            let handle = Handle::current();
            let clock = handle.clock();
            self.wheel.start_at(clock.present_tick(clock.now()));
            self.handle = Some(handle);
        }
        self.handle.as_ref().expect("bound above")
    }

    fn remember(&mut self, cx: &Context<'_>) {
        match &self.waker {
            Some(waker) if waker.will_wake(cx.waker()) => {}
            _ => self.waker = Some(cx.waker().clone()),
        }
    }

    /// A value now falls due at `tick`: wake the polling task if its last poll did not
    /// cover that (it saw an empty queue, or armed the delay for a later tick).
    fn became_due_at(&mut self, tick: u64) {
        if self.armed.is_some_and(|armed| armed <= tick) {
            return;
        }
        if let Some(waker) = self.waker.take() {
            waker.wake();
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
            .field(
                "next_tick",
                &self.wheel.next_expiration().map(|e| e.deadline),
            )
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
