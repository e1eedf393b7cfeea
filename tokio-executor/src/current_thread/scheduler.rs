//! The scheduler, its spawner and the `block_on` loop.

use super::handoff::Handoff;
use crate::context;
use crate::loom::sync::atomic::{
    AtomicBool, Ordering::AcqRel, Ordering::Acquire, Ordering::Release, Ordering::SeqCst,
};
use crate::loom::sync::{Arc, Mutex};
use crate::park::{Park, ParkThread, UnparkThread};
use crate::task::{JoinHandle, Notified, OwnedTasks, Schedule, Task};
use crate::util::driver::{self, Driver, DriverUnpark};
use crate::util::wake::{self, Wake};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

const MAX_TASKS_PER_TICK: usize = 61;
const REMOTE_INTERVAL: u32 = 31;

type Job = Notified<Arc<Shared>>;

/// A scheduler that runs every task on the thread that calls [`block_on`](Self::block_on).
///
/// ```
/// use tokio_executor::current_thread::CurrentThread;
/// use tokio_executor::park::ParkThread;
///
/// let rt = CurrentThread::new(ParkThread::new());
/// let out = rt.block_on(async {
///     let h = tokio_executor::spawn(async { 2 });
///     h.await.unwrap() * 21
/// });
/// assert_eq!(out, 42);
/// ```
pub struct CurrentThread {
    /// The core while no thread drives; threads waiting for it (see `handoff`).
    pub(super) core: Handoff<Box<Core>, UnparkThread>,
    pub(super) spawner: Spawner,
    shell: bool,
}

/// Spawns tasks onto a [`CurrentThread`] scheduler from any thread.
#[derive(Clone)]
pub struct Spawner {
    pub(super) shared: Arc<Shared>,
}

pub(super) struct Shared {
    remote: Mutex<Remote>,
    owned: OwnedTasks<Arc<Shared>>,
    unpark: DriverUnpark,
    woken: AtomicBool,
    /// Set while the driving thread is (about to be) blocked in the driver: only then do
    /// remote pushes and main-future wakes pay for an unpark (a syscall with a reactor).
    parked: AtomicBool,
}

struct Remote {
    queue: VecDeque<Job>,
    open: bool,
}

pub(super) struct Core {
    tasks: VecDeque<Job>,
    pub(super) driver: Option<Driver>,
    tick: u32,
}

struct Context {
    shared: Arc<Shared>,
    core: RefCell<Option<Box<Core>>>,
}

thread_local!(static CURRENT: RefCell<Option<Rc<Context>>> = const { RefCell::new(None) });

/// True while the current thread runs a current-thread scheduler's `block_on`.
pub(crate) fn is_current() -> bool {
    CURRENT.try_with(|c| c.borrow().is_some()).unwrap_or(false)
}

impl CurrentThread {
    /// A scheduler parking in `driver`.
    pub fn new<P: Park + Send + 'static>(driver: P) -> CurrentThread {
        Self::build(driver, false)
    }

    /// A scheduler-less runtime's `block_on` machinery: it drives `driver` for the main
    /// future, and `tokio::spawn` inside it panics ("spawning not enabled for runtime").
    pub fn new_shell<P: Park + Send + 'static>(driver: P) -> CurrentThread {
        Self::build(driver, true)
    }

    fn build<P: Park + Send + 'static>(driver: P, shell: bool) -> CurrentThread {
        let (driver, unpark) = driver::boxed(driver);
        let shared = Arc::new(Shared {
            remote: Mutex::new(Remote {
                queue: VecDeque::new(),
                open: true,
            }),
            // A few shards: remote spawners insert while the driving thread removes.
            owned: OwnedTasks::new(4),
            unpark,
            woken: AtomicBool::new(false),
            parked: AtomicBool::new(false),
        });
        CurrentThread {
            core: Handoff::new(Box::new(Core {
                tasks: VecDeque::with_capacity(64),
                driver: Some(driver),
                tick: 0,
            })),
            spawner: Spawner { shared },
            shell,
        }
    }

    /// The spawner of this scheduler.
    pub fn spawner(&self) -> &Spawner {
        &self.spawner
    }

    /// Spawns `future`; it runs while some thread is inside `block_on`.
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.spawner.spawn(future)
    }

    /// Runs `future` to completion on this thread, running spawned tasks meanwhile.
    ///
    /// One thread at a time drives the scheduler (its tasks and the driver). If another
    /// thread already does, this one polls `future` when it is woken and otherwise sleeps;
    /// when the driving thread leaves `block_on` it hands the scheduler to a waiting
    /// thread, which then drives. A waiting thread whose `future` completes returns at
    /// once.
    ///
    /// # Panics
    ///
    /// Panics when the thread already drives a runtime.
    #[track_caller]
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        let _enter = crate::enter::enter();
        let spawner = if self.shell {
            context::Spawner::Shell
        } else {
            context::Spawner::CurrentThread(self.spawner.clone())
        };
        let _spawner = context::set_spawner(spawner);
        // A waiting thread is current too (with no core): its spawns and wakes take the
        // remote path, and `block_in_place` panics there as on the driving thread.
        let cx = Rc::new(Context {
            shared: self.spawner.shared.clone(),
            core: RefCell::new(None),
        });
        let _guard = CoreGuard {
            cx: cx.clone(),
            scheduler: self,
            prev: CURRENT.with(|c| c.borrow_mut().replace(cx.clone())),
        };
        // Pinned after the guard, so it is dropped first: with the core and the context
        // still in place.
        let mut future = pin!(future);
        let core = match self.core.take() {
            Some(core) => core,
            None => match wait_for_core(&self.core, future.as_mut()) {
                Ok(core) => core,
                Err(out) => return out,
            },
        };
        *cx.core.borrow_mut() = Some(core);
        run(&cx, future)
    }

    /// Drops every unfinished task, drains the queues and shuts the driver down.
    /// Idempotent; called by `Drop` too.
    pub fn shutdown(&self) {
        let Some(core) = self.core.take() else {
            return;
        };
        let shared = &self.spawner.shared;
        let cx = Rc::new(Context {
            shared: shared.clone(),
            core: RefCell::new(Some(core)),
        });
        let prev = CURRENT
            .try_with(|c| c.borrow_mut().replace(cx.clone()))
            .ok()
            .flatten();
        shared.owned.close_and_shutdown_all();
        let mut core = cx
            .core
            .borrow_mut()
            .take()
            .expect("core missing at shutdown");
        core.tasks.clear();
        let remote: Vec<_> = {
            let mut remote = shared.remote.lock().unwrap();
            remote.open = false;
            remote.queue.drain(..).collect()
        };
        drop(remote);
        if let Some(driver) = core.driver.as_mut() {
            driver.shutdown();
        }
        let _old = CURRENT.try_with(|c| std::mem::replace(&mut *c.borrow_mut(), prev));
    }
}

/// Puts the core back and restores the previous context when `block_on` ends (also on
/// panic).
struct CoreGuard<'a> {
    cx: Rc<Context>,
    scheduler: &'a CurrentThread,
    prev: Option<Rc<Context>>,
}

impl Drop for CoreGuard<'_> {
    fn drop(&mut self) {
        let prev = self.prev.take();
        let _old = CURRENT.try_with(|c| std::mem::replace(&mut *c.borrow_mut(), prev));
        let core = self.cx.core.borrow_mut().take();
        if let Some(core) = core {
            self.scheduler.core.put_back(core);
        }
    }
}

/// Waits while another thread drives: polls `future` whenever this thread is unparked
/// (its waker unparks it), and tries to take the core each time (protocol steps 1 and 3
/// of `handoff`). `Err` carries the output of a future that completed meanwhile.
fn wait_for_core<F: Future>(
    slot: &Handoff<Box<Core>, UnparkThread>,
    mut future: Pin<&mut F>,
) -> Result<Box<Core>, F::Output> {
    /// Unlists the thread when it stops waiting without the core (also on panic).
    struct Listed<'a> {
        slot: &'a Handoff<Box<Core>, UnparkThread>,
        me: &'a Arc<UnparkThread>,
    }
    impl Drop for Listed<'_> {
        fn drop(&mut self) {
            self.slot.leave(self.me);
        }
    }

    let mut park = ParkThread::new();
    let me = Arc::new(park.unpark());
    let waker = wake::waker(me.clone());
    let mut task_cx = std::task::Context::from_waker(&waker);
    let listed = Listed { slot, me: &me };
    loop {
        if let Poll::Ready(v) = crate::coop::budget(|| future.as_mut().poll(&mut task_cx)) {
            return Err(v);
        }
        if let Some(core) = slot.try_take(&me) {
            // `try_take` unlisted us already.
            std::mem::forget(listed);
            return Ok(core);
        }
        let _ = park.park();
    }
}

fn run<F: Future>(cx: &Context, mut future: Pin<&mut F>) -> F::Output {
    let shared = &cx.shared;
    let waker = wake::waker(shared.clone());
    let mut task_cx = std::task::Context::from_waker(&waker);
    shared.woken.store(true, Release);
    'outer: loop {
        // Step 1.
        if shared.woken.swap(false, AcqRel) {
            if let Poll::Ready(v) = crate::coop::budget(|| future.as_mut().poll(&mut task_cx)) {
                return v;
            }
        }
        // Step 2.
        for _ in 0..MAX_TASKS_PER_TICK {
            match next_task(cx) {
                Some(task) => task.run(),
                None => {
                    // Step 3. A main future that woke itself (it yielded) still lets
                    // the driver run once, without blocking: timers that `advance`
                    // fired and ready I/O are delivered before its next poll.
                    if shared.woken.load(Acquire) {
                        park(cx, Some(Duration::ZERO));
                    } else {
                        park(cx, None);
                    }
                    continue 'outer;
                }
            }
        }
        park(cx, Some(Duration::ZERO));
    }
}

/// The next task to run: the local queue's head, except every `REMOTE_INTERVAL` ticks
/// (or when the local queue is empty) when the remote queue is looked at.
#[inline]
fn next_task(cx: &Context) -> Option<Job> {
    let mut core = cx.core.borrow_mut();
    let core = core.as_mut().expect("core missing");
    core.tick = core.tick.wrapping_add(1);
    if core.tick % REMOTE_INTERVAL != 0 {
        if let Some(task) = core.tasks.pop_front() {
            return Some(task);
        }
        return cx.shared.take_remote(&mut core.tasks);
    }
    cx.shared.pop_remote().or_else(|| core.tasks.pop_front())
}

fn park(cx: &Context, timeout: Option<Duration>) {
    let shared = &cx.shared;
    let mut driver = {
        let mut core = cx.core.borrow_mut();
        let core = core.as_mut().expect("core missing");
        // A blocking park only with an empty queue; the zero-timeout poll after a full
        // batch always runs, so I/O and timers progress while tasks stay runnable.
        if timeout.is_none() && !core.tasks.is_empty() {
            return;
        }
        core.driver.take().expect("driver missing")
    };
    match timeout {
        Some(t) => driver.park_timeout(t),
        None => shared.park_driver(&mut driver),
    }
    cx.core.borrow_mut().as_mut().expect("core missing").driver = Some(driver);
}

impl Drop for CurrentThread {
    fn drop(&mut self) {
        self.shutdown();
    }
}

impl fmt::Debug for CurrentThread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CurrentThread").finish_non_exhaustive()
    }
}

impl Spawner {
    /// Spawns `future` onto the scheduler.
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let shared = &self.shared;
        let (handle, notified) = shared.owned.bind(future, shared.clone());
        if let Some(task) = notified {
            shared.schedule(task);
        }
        handle
    }
}

impl fmt::Debug for Spawner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("current_thread::Spawner")
            .finish_non_exhaustive()
    }
}

impl Shared {
    #[inline(never)]
    fn pop_remote(&self) -> Option<Job> {
        self.remote.lock().unwrap().queue.pop_front()
    }

    /// Moves the whole remote queue into `local` (one lock for a burst of remote
    /// spawns) and returns its first task.
    #[inline(never)]
    pub(super) fn take_remote(&self, local: &mut VecDeque<Job>) -> Option<Job> {
        let mut remote = self.remote.lock().unwrap();
        let first = remote.queue.pop_front()?;
        local.append(&mut remote.queue);
        Some(first)
    }

    /// Parking step 1: blocks in `driver` unless work arrived meanwhile.
    pub(super) fn park_driver(&self, driver: &mut Driver) {
        self.parked.store(true, SeqCst);
        if !self.woken.load(SeqCst) && !self.has_remote() {
            driver.park();
        }
        self.parked.store(false, SeqCst);
    }

    fn has_remote(&self) -> bool {
        !self.remote.lock().unwrap().queue.is_empty()
    }

    /// Parking step 2.
    fn unpark_if_parked(&self) {
        if self.parked.load(SeqCst) && self.parked.swap(false, SeqCst) {
            self.unpark.unpark();
        }
    }
}

impl Schedule for Arc<Shared> {
    fn release(&self, task: &Task<Self>) -> Option<Task<Self>> {
        self.owned.remove(task)
    }

    fn schedule(&self, task: Notified<Self>) {
        // One thread-local access; during thread teardown (no context) the task stays
        // in `task` and takes the remote path.
        let mut task = Some(task);
        let _ = CURRENT.try_with(|cur| {
            let cur = cur.borrow();
            let Some(cx) = cur.as_ref() else { return };
            if !Arc::ptr_eq(&cx.shared, self) {
                return;
            }
            // No core: a waiting `block_on` thread; the task takes the remote path.
            let Ok(mut core) = cx.core.try_borrow_mut() else {
                return;
            };
            if let Some(core) = core.as_mut() {
                // `push_back`, not `extend(Option)`: the generic extend costs ~40
                // instructions per wake on this hot path.
                if let Some(task) = task.take() {
                    core.tasks.push_back(task);
                }
            }
        });
        if let Some(task) = task {
            self.push_remote(task);
        }
    }
}

impl Shared {
    /// The remote path of `schedule`, out of line so the local path stays small.
    #[inline(never)]
    fn push_remote(&self, task: Job) {
        let mut remote = self.remote.lock().unwrap();
        if remote.open {
            remote.queue.push_back(task);
            drop(remote);
            self.unpark_if_parked();
        }
    }
}

impl Wake for Shared {
    fn wake_by_ref(this: &Arc<Self>) {
        this.woken.store(true, SeqCst);
        this.unpark_if_parked();
    }
}
