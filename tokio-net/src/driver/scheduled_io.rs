//! The per-resource slot state shared by the reactor and the resource.
//!
//! # The state word (`ScheduledIo::state`)
//! - bits 0..6: readiness (`Ready`'s bits: readable, writable, read-closed,
//!   write-closed, error, priority). Set by the reactor when an event arrives; cleared by
//!   the resource when an operation returned `WouldBlock`.
//! - bit 6 `SHUTDOWN`: the reactor shut down; every later poll returns an error.
//! - bits 7, 8 `READ_WAITER`, `WRITE_WAITER`: a task has stored a waker for that direction
//!   at least once. Set by the resource (under the waiter's lock, before its re-check),
//!   never cleared: the reactor locks a direction's waiter only when its bit is set, so a
//!   direction that never waits (typically the writer of a socket whose writes never
//!   block) costs no lock per event.
//! - bits 16..32: the reactor tick of the last event that set readiness.
//!
//! # The clear protocol (no lost events)
//! 1. The resource observes readiness and its tick in one load (a [`ReadyEvent`]).
//! 2. It performs the operation; the OS says `WouldBlock`.
//! 3. It clears the observed bits only if the tick is still the observed one. An event
//!    that arrived between 1 and 3 carries a newer tick (each reactor turn increments it;
//!    an fd appears at most once per turn), so the clear is skipped and the next poll
//!    retries the operation instead of sleeping through the edge.
//!
//! # Wakers
//! One waker per direction (`reader`, `writer`), each behind its own mutex, touched only
//! on the slow path (the resource is about to return `Pending`) and by the reactor when
//! an event for that direction arrives and that direction's waiter bit is set. No lost
//! wake-up: the reactor publishes the readiness with a read-modify-write of the state
//! *before* locking a waiter, and locks only if that RMW saw the waiter bit; the resource
//! stores its waker, sets the bit (an RMW, the first time) and re-reads the state, all
//! *while holding* that lock. The two RMWs are ordered on the state word:
//! - the resource's bit came first: the reactor's RMW sees it and locks; either its lock
//!   comes after the store (and finds the waker) or before the resource took the lock,
//!   and then the resource's re-read sees the new readiness;
//! - the reactor's RMW came first: the resource's RMW (or its later re-read) sees the
//!   new readiness and the poll completes without waiting.
//!
//! # Who touches what
//! - the reactor: `set_readiness`, `take_wakers`, `shutdown` (with the slab lock held);
//! - the owning resource (through its `Registration`): everything else, from any thread.

use super::ready::{Direction, Ready, ALL};
use crate::errors;
use crate::loom::sync::atomic::{AtomicUsize, Ordering};
use crate::loom::sync::Mutex;
use std::io;
use std::task::{Context, Poll, Waker};

const SHUTDOWN: usize = 1 << 6;
const READ_WAITER: usize = 1 << 7;
const WRITE_WAITER: usize = 1 << 8;
/// Bits a reactor event keeps (everything but readiness it replaces and the tick).
const KEPT: usize = ALL | SHUTDOWN | READ_WAITER | WRITE_WAITER;
const TICK_SHIFT: u32 = 16;
/// The tick space (16 bits: fits a 32-bit `usize` too).
pub(crate) const TICK_MAX: usize = 0xFFFF;

/// Readiness observed at a given reactor tick.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReadyEvent {
    pub(crate) tick: usize,
    pub(crate) ready: Ready,
}

/// The state of one registered resource.
#[derive(Debug)]
pub(crate) struct ScheduledIo {
    state: AtomicUsize,
    reader: Mutex<Option<Waker>>,
    writer: Mutex<Option<Waker>>,
    /// The tick last handed out by the public `poll_*_ready` API, per direction, so that
    /// the public `clear_*_ready` (which takes no tick) can still clear safely.
    observed: [AtomicUsize; 2],
}

fn tick_of(state: usize) -> usize {
    (state >> TICK_SHIFT) & TICK_MAX
}

fn index(dir: Direction) -> usize {
    match dir {
        Direction::Read => 0,
        Direction::Write => 1,
    }
}

fn waiter_bit(dir: Direction) -> usize {
    match dir {
        Direction::Read => READ_WAITER,
        Direction::Write => WRITE_WAITER,
    }
}

impl ScheduledIo {
    pub(crate) fn new() -> ScheduledIo {
        ScheduledIo {
            state: AtomicUsize::new(0),
            reader: Mutex::new(None),
            writer: Mutex::new(None),
            observed: [AtomicUsize::new(0), AtomicUsize::new(0)],
        }
    }

    fn waiter(&self, dir: Direction) -> &Mutex<Option<Waker>> {
        match dir {
            Direction::Read => &self.reader,
            Direction::Write => &self.writer,
        }
    }

    /// Reactor side: merges `ready` into the state and stamps it with `tick`. Returns
    /// the state the update replaced (its waiter bits say which wakers to look at).
    pub(crate) fn set_readiness(&self, tick: usize, ready: Ready) -> usize {
        match self
            .state
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |cur| {
                Some((cur & KEPT) | ready.bits() | (tick << TICK_SHIFT))
            }) {
            Ok(prev) | Err(prev) => prev,
        }
    }

    /// Reactor side: moves the wakers interested in `ready` into `out`. `state` is the
    /// value returned by the `set_readiness` that published `ready`: a direction whose
    /// waiter bit it lacks has no waker (see the module doc) and is not locked.
    pub(crate) fn take_wakers(&self, state: usize, ready: Ready, out: &mut Vec<Waker>) {
        for dir in [Direction::Read, Direction::Write] {
            if (ready & dir.mask()).is_empty() || state & waiter_bit(dir) == 0 {
                continue;
            }
            if let Some(w) = lock(self.waiter(dir)).take() {
                out.push(w);
            }
        }
    }

    /// Reactor side: marks the resource dead and moves both wakers into `out`.
    pub(crate) fn shutdown(&self, out: &mut Vec<Waker>) {
        self.state.fetch_or(SHUTDOWN, Ordering::AcqRel);
        for dir in [Direction::Read, Direction::Write] {
            if let Some(w) = lock(self.waiter(dir)).take() {
                out.push(w);
            }
        }
    }

    /// The current readiness for `dir` (possibly empty), or the shutdown error.
    pub(crate) fn snapshot(&self, dir: Direction) -> io::Result<ReadyEvent> {
        event_of(self.state.load(Ordering::Acquire), dir.mask())
    }

    /// Ready when `dir` has readiness; otherwise stores the task's waker.
    #[inline]
    pub(crate) fn poll_ready(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
    ) -> Poll<io::Result<ReadyEvent>> {
        self.poll_ready_masked(cx, dir, dir.mask())
    }

    /// Ready when any bit of `mask` (a subset of `dir`'s readiness) is set; otherwise
    /// stores the task's waker in `dir`'s waiter. Readiness outside `mask` neither
    /// completes the poll nor is consumed: the reactor wakes the waiter on any event of
    /// `dir`, the task polls again and waits again until a bit of `mask` arrives.
    #[inline]
    pub(crate) fn poll_ready_masked(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        mask: Ready,
    ) -> Poll<io::Result<ReadyEvent>> {
        // Fast path (inlined into the operation loop): one atomic load, no lock.
        let cur = self.state.load(Ordering::Acquire);
        if let Ok(ev) = event_of(cur, mask) {
            if !ev.ready.is_empty() {
                return Poll::Ready(Ok(ev));
            }
        }
        self.poll_ready_slow(cx, dir, mask, cur)
    }

    /// `poll_ready_masked` when `cur`, the state it loaded, was not ready: shut down, or
    /// store the waker and re-check under the waiter lock.
    #[inline(never)]
    fn poll_ready_slow(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        mask: Ready,
        cur: usize,
    ) -> Poll<io::Result<ReadyEvent>> {
        event_of(cur, mask)?;
        let mut slot = lock(self.waiter(dir));
        // A replaced waker is dropped only after the lock is released: its drop may free
        // a task, and with it arbitrary user state.
        let replaced = match &*slot {
            Some(w) if w.will_wake(cx.waker()) => None,
            _ => slot.replace(cx.waker().clone()),
        };
        // Re-check under the waiter lock (see the module doc); the first wait of this
        // direction announces itself to the reactor with the same read-modify-write.
        let bit = waiter_bit(dir);
        let now = if cur & bit == 0 {
            self.state.fetch_or(bit, Ordering::AcqRel)
        } else {
            self.state.load(Ordering::Acquire)
        };
        let res = match event_of(now, mask) {
            Err(e) => {
                let mine = slot.take();
                drop(slot);
                drop(mine);
                Poll::Ready(Err(e))
            }
            Ok(ev) if !ev.ready.is_empty() => Poll::Ready(Ok(ev)),
            Ok(_) => Poll::Pending,
        };
        drop(replaced);
        res
    }

    /// The operation loop every socket runs: wait for `dir` readiness, run `op`; on
    /// `WouldBlock` clear the readiness observed before the attempt (tick-checked, so an
    /// event that arrived meanwhile survives) and poll again, which either finds the
    /// newer readiness or stores the waker. A success for which `drained` is true also
    /// clears (tick-checked alike): a short transfer means the OS buffer is exhausted.
    pub(crate) fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        dir: Direction,
        mut op: impl FnMut() -> io::Result<R>,
        drained: impl Fn(&R) -> bool,
    ) -> Poll<io::Result<R>> {
        loop {
            let ev = match self.poll_ready(cx, dir) {
                Poll::Ready(Ok(ev)) => ev,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            };
            match op() {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => self.clear_readiness(ev),
                Ok(r) => {
                    if drained(&r) {
                        self.clear_readiness(ev);
                    }
                    return Poll::Ready(Ok(r));
                }
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }

    /// Clears the observed readiness unless a newer event arrived since.
    pub(crate) fn clear_readiness(&self, ev: ReadyEvent) {
        let mask = ev.ready.clearable().bits();
        let _ = self
            .state
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |cur| {
                if tick_of(cur) != ev.tick {
                    return None;
                }
                Some(cur & !mask)
            });
    }

    /// Atomically takes (reads and clears) the readiness of `dir`.
    pub(crate) fn take_readiness(&self, dir: Direction) -> io::Result<Option<Ready>> {
        let mut taken = Ready::empty();
        let res = self
            .state
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |cur| {
                if cur & SHUTDOWN != 0 {
                    return None;
                }
                taken = Ready::from_bits(cur) & dir.mask();
                Some(cur & !taken.clearable().bits())
            });
        match res {
            Err(_) => Err(errors::reactor_gone()),
            Ok(_) if taken.is_empty() => Ok(None),
            Ok(_) => Ok(Some(taken)),
        }
    }

    /// Remembers the tick the public API handed out for `dir`.
    pub(crate) fn record_observed(&self, dir: Direction, tick: usize) {
        self.observed[index(dir)].store(tick, Ordering::Relaxed);
    }

    /// The tick last recorded for `dir`.
    pub(crate) fn observed(&self, dir: Direction) -> usize {
        self.observed[index(dir)].load(Ordering::Relaxed)
    }
}

/// The readiness in `state` restricted to `mask`, or the shutdown error (built out of
/// line, so the inlined ready path stays a load and two tests).
#[inline]
fn event_of(state: usize, mask: Ready) -> io::Result<ReadyEvent> {
    if state & SHUTDOWN != 0 {
        return Err(errors::reactor_gone());
    }
    Ok(ReadyEvent {
        tick: tick_of(state),
        ready: Ready::from_bits(state) & mask,
    })
}

fn lock<T>(m: &Mutex<T>) -> crate::loom::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
