//! The task allocation, its vtable and the poll/complete/cancel harness: the crate's
//! unsafe leaf for tasks.
//!
//! Layout: one `Box<Cell<T, S>>` per task, `#[repr(C)]` with the [`Header`] first, so a
//! `NonNull<Header>` is also a pointer to the whole cell and the vtable (monomorphised
//! per future type and scheduler) casts it back. The cell is plainly aligned: its
//! alignment is that of its fields, never padded to a cache line.
//!
//! Field access rules:
//! - `header.state`: atomics, anyone holding a reference.
//! - `header.links`: only the owned-task list, under its lock (a worker list: the thread
//!   holding the worker's core).
//! - `header.owner`: see `worker_list.rs` (written only by the thread that binds or
//!   completes the task, read by the completing thread).
//! - `scheduler`: immutable, anyone holding a reference.
//! - `stage`: the thread that holds `RUNNING`; after completion, the `JoinHandle` (when
//!   `JOIN_INTEREST` is set) or the completing thread (when it is not).
//! - `join_waker`: see the `JOIN_WAKER` rules in `state.rs`.
//!
//! A [`RawTask`] is a plain pointer; whoever holds one holds (or is transferring) one
//! counted reference, which keeps the cell allocated.

use super::error::JoinError;
use super::state::{State, ToIdle, ToNotified, ToRunning};
use super::{Notified, Schedule, Task};
use crate::errors;
use crate::loom::UnsafeCell;
use std::future::Future;
use std::mem::{self, ManuallyDrop};
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::ptr::NonNull;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

/// The type-erased front of every task allocation.
#[repr(C)]
pub(crate) struct Header {
    pub(super) state: State,
    vtable: &'static Vtable,
    /// Intrusive links of the owned-task list; only that list touches them, under its lock
    /// (or, for a worker's list, by the thread holding that worker's core).
    pub(super) links: UnsafeCell<Links>,
    /// Which worker list holds the task (work-stealing pool only; see `worker_list.rs`).
    pub(super) owner: UnsafeCell<usize>,
}

/// Neighbours in the owned-task list.
#[derive(Default)]
pub(super) struct Links {
    pub(super) prev: Option<NonNull<Header>>,
    pub(super) next: Option<NonNull<Header>>,
}

struct Vtable {
    poll: unsafe fn(NonNull<Header>),
    schedule: unsafe fn(NonNull<Header>),
    dealloc: unsafe fn(NonNull<Header>),
    try_read_output: unsafe fn(NonNull<Header>, *mut (), &Waker),
    drop_join_handle: unsafe fn(NonNull<Header>),
    shutdown: unsafe fn(NonNull<Header>),
}

#[repr(C)]
struct Cell<T: Future, S> {
    header: Header,
    scheduler: S,
    stage: UnsafeCell<Stage<T>>,
    join_waker: UnsafeCell<Option<Waker>>,
}

enum Stage<T: Future> {
    Running(T),
    Finished(Result<T::Output, JoinError>),
    Consumed,
}

/// A pointer to a task that carries one counted reference.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct RawTask {
    ptr: NonNull<Header>,
}

// SAFETY: a task is shared between threads only through its atomics and the access rules
// in the module doc; the schedulers keep `!Send` futures on their owning thread.
unsafe impl Send for RawTask {}
// SAFETY: as above.
unsafe impl Sync for RawTask {}

fn vtable<T: Future + 'static, S: Schedule>() -> &'static Vtable {
    &Vtable {
        poll: poll::<T, S>,
        schedule: schedule::<T, S>,
        dealloc: dealloc::<T, S>,
        try_read_output: try_read_output::<T, S>,
        drop_join_handle: drop_join_handle::<T, S>,
        shutdown: shutdown::<T, S>,
    }
}

impl RawTask {
    /// Allocates a task holding `refs` references, in the `NOTIFIED | JOIN_INTEREST` state.
    pub(super) fn new<T, S>(future: T, scheduler: S, refs: usize) -> RawTask
    where
        T: Future + 'static,
        S: Schedule,
    {
        let cell = Box::new(Cell {
            header: Header {
                state: State::new(refs),
                vtable: vtable::<T, S>(),
                links: UnsafeCell::new(Links::default()),
                owner: UnsafeCell::new(super::worker_list::UNBOUND),
            },
            scheduler,
            stage: UnsafeCell::new(Stage::Running(future)),
            join_waker: UnsafeCell::new(None),
        });
        RawTask {
            ptr: NonNull::from(Box::leak(cell)).cast(),
        }
    }

    /// # Safety
    /// `ptr` points to a live task header and the caller transfers one reference.
    pub(super) unsafe fn from_raw(ptr: NonNull<Header>) -> RawTask {
        RawTask { ptr }
    }

    pub(super) fn header_ptr(self) -> NonNull<Header> {
        self.ptr
    }

    pub(super) fn header(&self) -> &Header {
        // SAFETY: a `RawTask` carries a reference, which keeps the allocation alive.
        unsafe { self.ptr.as_ref() }
    }

    fn vtable(&self) -> &'static Vtable {
        self.header().vtable
    }

    /// Polls (or cancels) the task, consuming the reference of the `Notified` popped.
    pub(super) fn poll(self) {
        // SAFETY: the vtable matches the cell; we hand over our reference.
        unsafe { (self.vtable().poll)(self.ptr) }
    }

    /// Submits the task to its scheduler as a `Notified`, with our reference.
    pub(super) fn schedule(self) {
        // SAFETY: as in `poll`.
        unsafe { (self.vtable().schedule)(self.ptr) }
    }

    /// Shuts the task down (drops its future unless another thread is running it).
    /// The caller keeps its reference.
    pub(super) fn shutdown(self) {
        // SAFETY: as in `poll`; the caller's reference outlives the call.
        unsafe { (self.vtable().shutdown)(self.ptr) }
    }

    /// Releases the `JoinHandle`'s reference and its interest in the output.
    pub(super) fn drop_join_handle(self) {
        // SAFETY: as in `poll`; called once, by the `JoinHandle`'s drop.
        unsafe { (self.vtable().drop_join_handle)(self.ptr) }
    }

    /// # Safety
    /// `dst` points to a `Poll<Result<T::Output, JoinError>>` of the task's output type,
    /// and the caller is the task's `JoinHandle`.
    pub(super) unsafe fn try_read_output(self, dst: *mut (), waker: &Waker) {
        // SAFETY: forwarded from the caller's obligations.
        unsafe { (self.vtable().try_read_output)(self.ptr, dst, waker) }
    }

    /// `abort()`: marks the task cancelled; an idle task is queued so its scheduler drops
    /// the future on its own thread.
    pub(super) fn remote_abort(self) {
        if self.header().state.transition_to_notified_and_cancel() {
            // The transition took a new reference for the `Notified`.
            self.schedule();
        }
    }

    /// Releases one reference, freeing the allocation after the last.
    pub(super) fn drop_reference(self) {
        if self.header().state.ref_dec_n(1) {
            // SAFETY: that was the last reference, so nobody else can reach the cell.
            unsafe { (self.vtable().dealloc)(self.ptr) }
        }
    }
}

// ===== harness =====

/// # Safety
/// `ptr` was created by `RawTask::new::<T, S>` and a reference is held for `'a`.
unsafe fn cell<'a, T: Future, S>(ptr: NonNull<Header>) -> &'a Cell<T, S> {
    // SAFETY: the header is the first field of the `#[repr(C)]` cell.
    unsafe { ptr.cast::<Cell<T, S>>().as_ref() }
}

unsafe fn poll<T: Future + 'static, S: Schedule>(ptr: NonNull<Header>) {
    // SAFETY: vtable contract; we hold the popped `Notified`'s reference.
    let cell = unsafe { cell::<T, S>(ptr) };
    match cell.header.state.transition_to_running() {
        ToRunning::Success => poll_future(ptr, cell),
        ToRunning::Cancelled => {
            cell.cancel_stage();
            complete(ptr, cell, 1);
        }
        ToRunning::Failed => {}
        // SAFETY: the transition released the last reference.
        ToRunning::Dealloc => unsafe { dealloc::<T, S>(ptr) },
    }
}

fn poll_future<T: Future + 'static, S: Schedule>(ptr: NonNull<Header>, cell: &Cell<T, S>) {
    // SAFETY: the waker's data pointer is a task header and its vtable is the task waker
    // vtable; `ManuallyDrop` keeps it from releasing a reference it never took (the
    // poller's reference keeps the task alive for the whole poll).
    let waker = ManuallyDrop::new(unsafe { Waker::from_raw(raw_waker(ptr)) });
    let mut cx = Context::from_waker(&waker);
    let res = panic::catch_unwind(AssertUnwindSafe(|| {
        // A panicking poll drops the future while unwinding (so its destructor sees
        // `thread::panicking()`), as a guard's `Drop`.
        let guard = DropFutureOnUnwind(cell);
        let res = crate::coop::budget(|| cell.poll_stage(&mut cx));
        mem::forget(guard);
        res
    }));
    match res {
        Ok(Poll::Pending) => match cell.header.state.transition_to_idle() {
            ToIdle::Ok => {}
            ToIdle::OkNotified => {
                // SAFETY: the poller's reference moves into the new `Notified`.
                let task = unsafe { Task::from_raw(RawTask::from_raw(ptr)) };
                cell.scheduler.yield_now(Notified(task));
            }
            // SAFETY: the transition released the last reference.
            ToIdle::OkDealloc => unsafe { dealloc::<T, S>(ptr) },
            ToIdle::Cancelled => {
                cell.cancel_stage();
                complete(ptr, cell, 1);
            }
        },
        Ok(Poll::Ready(out)) => {
            if cell.header.state.load().is_join_interested() {
                cell.set_stage(Stage::Finished(Ok(out)));
            } else {
                // No handle will ever read it (join interest is never regained): drop
                // it here instead of storing it for `complete` to drop (a spawned and
                // forgotten task skips two stage writes). A panic in its destructor is
                // swallowed, as in `complete`.
                let _ = panic::catch_unwind(AssertUnwindSafe(|| drop(out)));
            }
            complete(ptr, cell, 1);
        }
        Err(payload) => {
            // A second panic from the future's destructor is swallowed: the first one
            // is what the `JoinHandle` reports.
            let _ = panic::catch_unwind(AssertUnwindSafe(|| cell.set_stage(Stage::Consumed)));
            cell.set_stage(Stage::Finished(Err(JoinError::new_panic(payload))));
            complete(ptr, cell, 1);
        }
    }
}

struct DropFutureOnUnwind<'a, T: Future, S>(&'a Cell<T, S>);

impl<T: Future, S> Drop for DropFutureOnUnwind<'_, T, S> {
    fn drop(&mut self) {
        self.0.set_stage(Stage::Consumed);
    }
}

/// `RUNNING -> COMPLETE`, then hand the output over and release `refs_held` references
/// plus the owned-list entry.
fn complete<T: Future + 'static, S: Schedule>(
    ptr: NonNull<Header>,
    cell: &Cell<T, S>,
    refs_held: usize,
) {
    let snapshot = cell.header.state.transition_to_complete();
    let _ = panic::catch_unwind(AssertUnwindSafe(|| {
        if !snapshot.is_join_interested() {
            // Nobody will read the output: drop it here.
            cell.set_stage(Stage::Consumed);
        } else if snapshot.is_join_waker_set() {
            cell.wake_join();
            let prev = cell.header.state.unset_waker_after_complete();
            if !prev.is_join_interested() {
                // The handle went away meanwhile; the waker slot is ours to clear.
                cell.set_join_waker(None);
            }
        }
    }));
    // SAFETY: a borrowed view of the task (no reference moves: `ManuallyDrop`).
    let task = ManuallyDrop::new(unsafe { Task::<S>::from_raw(RawTask::from_raw(ptr)) });
    let released = match cell.scheduler.release(&task) {
        Some(owned) => {
            // The list's reference is now ours to release together with the others.
            mem::forget(owned);
            1
        }
        None => 0,
    };
    let n = refs_held + released;
    if n > 0 && cell.header.state.ref_dec_n(n) {
        // SAFETY: those were the last references.
        unsafe { dealloc::<T, S>(ptr) }
    }
}

unsafe fn schedule<T: Future + 'static, S: Schedule>(ptr: NonNull<Header>) {
    // SAFETY: vtable contract.
    let cell = unsafe { cell::<T, S>(ptr) };
    // SAFETY: the caller's reference moves into the `Notified`.
    let task = unsafe { Task::from_raw(RawTask::from_raw(ptr)) };
    cell.scheduler.schedule(Notified(task));
}

unsafe fn dealloc<T: Future, S>(ptr: NonNull<Header>) {
    // SAFETY: the cell was leaked from a `Box<Cell<T, S>>` and no reference remains.
    drop(unsafe { Box::from_raw(ptr.cast::<Cell<T, S>>().as_ptr()) });
}

unsafe fn try_read_output<T: Future + 'static, S: Schedule>(
    ptr: NonNull<Header>,
    dst: *mut (),
    waker: &Waker,
) {
    // SAFETY: vtable contract; the `JoinHandle` holds a reference.
    let cell = unsafe { cell::<T, S>(ptr) };
    if cell.can_read_output(waker) {
        let out = cell.take_output();
        // SAFETY: the caller guarantees `dst` has this type.
        unsafe { *(dst as *mut Poll<Result<T::Output, JoinError>>) = Poll::Ready(out) };
    }
}

unsafe fn drop_join_handle<T: Future + 'static, S: Schedule>(ptr: NonNull<Header>) {
    // SAFETY: vtable contract; the `JoinHandle` holds a reference.
    let cell = unsafe { cell::<T, S>(ptr) };
    let (prev, released) = cell.header.state.drop_join_interest();
    match released {
        // SAFETY: the handle's reference was the last one.
        Some(true) => return unsafe { dealloc::<T, S>(ptr) },
        Some(false) => return,
        None => {}
    }
    if prev.is_complete() {
        // The output is ours (complete + we held the interest): drop it here.
        let _ = panic::catch_unwind(AssertUnwindSafe(|| cell.set_stage(Stage::Consumed)));
    } else {
        // We cleared `JOIN_WAKER` before completion: the slot is ours.
        cell.set_join_waker(None);
    }
    if cell.header.state.ref_dec_n(1) {
        // SAFETY: the handle's reference was the last one.
        unsafe { dealloc::<T, S>(ptr) }
    }
}

unsafe fn shutdown<T: Future + 'static, S: Schedule>(ptr: NonNull<Header>) {
    // SAFETY: vtable contract; the caller holds a reference for the whole call.
    let cell = unsafe { cell::<T, S>(ptr) };
    if !cell.header.state.transition_to_shutdown() {
        // Running elsewhere (that poller sees `CANCELLED`) or already complete.
        return;
    }
    cell.cancel_stage();
    complete(ptr, cell, 0);
}

impl<T: Future, S> Cell<T, S> {
    fn poll_stage(&self, cx: &mut Context<'_>) -> Poll<T::Output> {
        self.stage.with_mut(|stage| {
            // SAFETY: we hold `RUNNING`, which gives exclusive access to the stage.
            let stage = unsafe { &mut *stage };
            let Stage::Running(future) = stage else {
                unreachable!("task polled without a future");
            };
            // SAFETY: the future lives inside the heap cell and is never moved out of
            // it until it is dropped in place.
            let future = unsafe { Pin::new_unchecked(future) };
            let res = future.poll(cx);
            if res.is_ready() {
                // Drop the future before publishing the output.
                *stage = Stage::Consumed;
            }
            res
        })
    }

    fn set_stage(&self, new: Stage<T>) {
        // SAFETY: callers hold `RUNNING`, or own the output per the module's rules.
        self.stage.with_mut(|stage| unsafe { *stage = new });
    }

    fn take_output(&self) -> Result<T::Output, JoinError> {
        // SAFETY: the `JoinHandle` saw `COMPLETE` with its join interest held.
        let stage = self
            .stage
            .with_mut(|stage| unsafe { mem::replace(&mut *stage, Stage::Consumed) });
        match stage {
            Stage::Finished(out) => out,
            _ => std::panic::panic_any(errors::JOIN_AFTER_COMPLETE),
        }
    }

    /// Drops the future (it may panic: that becomes the task's error) and stores the
    /// cancellation error.
    fn cancel_stage(&self) {
        let res = panic::catch_unwind(AssertUnwindSafe(|| self.set_stage(Stage::Consumed)));
        let err = match res {
            Ok(()) => JoinError::new_cancelled(),
            Err(payload) => JoinError::new_panic(payload),
        };
        self.set_stage(Stage::Finished(Err(err)));
    }

    fn set_join_waker(&self, waker: Option<Waker>) {
        // SAFETY: callers own the slot per the `JOIN_WAKER` rules.
        self.join_waker.with_mut(|slot| unsafe { *slot = waker });
    }

    fn wake_join(&self) {
        // SAFETY: `JOIN_WAKER` is set, so the slot holds a waker and is read-only.
        self.join_waker.with(|slot| {
            // SAFETY: read-only access while `JOIN_WAKER` is set (see above).
            if let Some(waker) = unsafe { &*slot } {
                waker.wake_by_ref();
            }
        });
    }

    fn join_waker_will_wake(&self, waker: &Waker) -> bool {
        // SAFETY: called by the `JoinHandle` with `JOIN_WAKER` set: read-only access.
        self.join_waker.with(|slot| match unsafe { &*slot } {
            Some(w) => w.will_wake(waker),
            None => false,
        })
    }

    /// The `JoinHandle` side: true when the output is ready to take; otherwise makes
    /// sure `waker` is the stored join waker.
    fn can_read_output(&self, waker: &Waker) -> bool {
        let state = &self.header.state;
        let snapshot = state.load();
        debug_assert!(snapshot.is_join_interested());
        if snapshot.is_complete() {
            return true;
        }
        let res = if snapshot.is_join_waker_set() {
            if self.join_waker_will_wake(waker) {
                return false;
            }
            state
                .unset_join_waker()
                .and_then(|_| self.store_join_waker(waker.clone()))
        } else {
            self.store_join_waker(waker.clone())
        };
        match res {
            Ok(_) => false,
            Err(snapshot) => {
                debug_assert!(snapshot.is_complete());
                true
            }
        }
    }

    fn store_join_waker(&self, waker: Waker) -> Result<(), super::state::Snapshot> {
        // `JOIN_WAKER` is clear and we hold the interest: the slot is ours.
        self.set_join_waker(Some(waker));
        match self.header.state.set_join_waker() {
            Ok(_) => Ok(()),
            Err(s) => {
                self.set_join_waker(None);
                Err(s)
            }
        }
    }
}

// ===== waker =====

static WAKER_VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_waker, wake_by_val, wake_by_ref, drop_waker);

fn raw_waker(ptr: NonNull<Header>) -> RawWaker {
    RawWaker::new(ptr.as_ptr() as *const (), &WAKER_VTABLE)
}

/// # Safety
/// `data` is a task header pointer whose waker holds a reference.
unsafe fn waker_task(data: *const ()) -> RawTask {
    // SAFETY: wakers are only made by `raw_waker` from a non-null header pointer.
    unsafe { RawTask::from_raw(NonNull::new_unchecked(data as *mut Header)) }
}

unsafe fn clone_waker(data: *const ()) -> RawWaker {
    // SAFETY: waker vtable contract.
    let task = unsafe { waker_task(data) };
    task.header().state.ref_inc();
    raw_waker(task.header_ptr())
}

unsafe fn wake_by_val(data: *const ()) {
    // SAFETY: waker vtable contract; this consumes the waker's reference.
    let task = unsafe { waker_task(data) };
    match task.header().state.transition_to_notified_by_val() {
        ToNotified::Submit => task.schedule(),
        // SAFETY: the waker's reference was the last.
        ToNotified::Dealloc => unsafe { (task.vtable().dealloc)(task.header_ptr()) },
        ToNotified::DoNothing => {}
    }
}

unsafe fn wake_by_ref(data: *const ()) {
    // SAFETY: waker vtable contract; the waker keeps its reference.
    let task = unsafe { waker_task(data) };
    if task.header().state.transition_to_notified_by_ref() == ToNotified::Submit {
        // The transition took a new reference for the `Notified`.
        task.schedule();
    }
}

unsafe fn drop_waker(data: *const ()) {
    // SAFETY: waker vtable contract; this releases the waker's reference.
    unsafe { waker_task(data) }.drop_reference();
}
