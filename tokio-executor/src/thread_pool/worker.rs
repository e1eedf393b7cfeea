//! The worker run loop, task scheduling and shutdown of the work-stealing scheduler.
//!
//! A worker's state lives in its [`Core`] (local queue, LIFO slot, tick, searching flag,
//! parker). The thread running the worker keeps the core on its stack, and puts it in
//! the thread-local [`Context`] while it polls a task or parks, so wakes from that very
//! thread go to the local queue. `block_in_place` takes the core out of the context and
//! hands it to a fresh thread; the old thread notices the missing core after the poll
//! and leaves the loop.
//!
//! Run loop, per tick:
//! 1. maintenance every `EVENT_INTERVAL` ticks: poll the driver without blocking (I/O
//!    and timers progress even when every worker is busy) and check for shutdown;
//! 2. next task: every `GLOBAL_QUEUE_INTERVAL` ticks the injector first (fairness for
//!    remote spawns), otherwise LIFO slot, local queue, then a batch from the injector;
//! 3. else steal (if fewer than half the workers search): a random victim first, then
//!    the injector;
//! 4. else park (see `idle.rs` and `park.rs`).
//!
//! Owned tasks: each core carries its own list of the tasks it spawned or first ran (see
//! `task/worker_list.rs`), touched without a lock. A task spawned from a thread that holds
//! no core is unbound until a worker first runs it (that worker binds it); a task
//! completed on another thread is queued for its owner, which unlinks it at maintenance
//! or before parking.
//!
//! Shutdown:
//! 1. `Spawner::shutdown` sets the flag and unparks every worker;
//! 2. each worker leaves its loop and hands its core to `shutdown_core`; a worker that
//!    never started hands it over from `Drop`;
//! 3. the last core to arrive (no thread holds a core any more) closes the owned lists:
//!    from now on a spawn or wake from outside cancels its task (`push_remote`; one that
//!    raced the close and reached the injector drains it);
//! 4. it shuts down every list member: each unfinished future is dropped exactly once;
//! 5. it shuts down what the LIFO slots and local queues hold (tasks stolen from the
//!    injector may never have run, so they are in no list), then the injector;
//! 6. it shuts the driver down.

use super::idle::Idle;
use super::park::{Parker, SharedDriver, Unparker};
use super::queue::{self, Inject, Local, Steal};
use crate::blocking;
use crate::loom::sync::atomic::{
    fence, AtomicBool, Ordering::AcqRel, Ordering::Acquire, Ordering::SeqCst,
};
use crate::loom::sync::{Arc, Mutex};
use crate::task::{JoinHandle, Notified, Schedule, Task, WorkerList, WorkerLists};
use crate::util::rand::{seed, FastRand};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

#[cfg(not(loom))]
const GLOBAL_QUEUE_INTERVAL: u32 = 61;
#[cfg(loom)]
const GLOBAL_QUEUE_INTERVAL: u32 = 3;
#[cfg(not(loom))]
const EVENT_INTERVAL: u32 = 61;
#[cfg(loom)]
const EVENT_INTERVAL: u32 = 3;
/// LIFO-slot polls in a row before the next task goes through the queue (so a pair of
/// tasks pinging each other cannot starve the rest).
const MAX_LIFO_POLLS: u32 = 16;

type Job = Notified<Arc<Shared>>;

pub(crate) struct Shared {
    remotes: Box<[Remote]>,
    inject: Inject<Job>,
    idle: Idle,
    owned: WorkerLists<Arc<Shared>>,
    shutdown: AtomicBool,
    #[allow(clippy::vec_box)] // cores move between threads as boxes
    shutdown_cores: Mutex<Vec<Box<Core>>>,
    driver: Arc<SharedDriver>,
    blocking: blocking::Spawner,
}

struct Remote {
    steal: Steal<Job>,
    unpark: Unparker,
}

pub(crate) struct Core {
    index: usize,
    tick: u32,
    lifo: Option<Job>,
    run_queue: Local<Job>,
    owned: WorkerList<Arc<Shared>>,
    is_searching: bool,
    is_shutdown: bool,
    park: Option<Parker>,
    rand: FastRand,
}

/// A worker ready to run on some thread; gives its core back on drop if never run.
pub(crate) struct Worker {
    shared: Arc<Shared>,
    core: Option<Box<Core>>,
}

struct Context {
    shared: Arc<Shared>,
    core: RefCell<Option<Box<Core>>>,
}

#[cfg(not(loom))]
thread_local!(static CURRENT: RefCell<Option<Rc<Context>>> = const { RefCell::new(None) });
#[cfg(loom)]
crate::loom::thread_local!(static CURRENT: RefCell<Option<Rc<Context>>> = RefCell::new(None));

/// Builds the shared state and one unstarted worker per core.
pub(crate) fn create(
    num_workers: usize,
    driver: Arc<SharedDriver>,
    blocking: blocking::Spawner,
) -> (Arc<Shared>, Vec<Worker>) {
    let num_workers = num_workers.max(1);
    let mut cores = Vec::with_capacity(num_workers);
    let mut remotes = Vec::with_capacity(num_workers);
    let (owned, lists) = WorkerLists::new(num_workers);
    for (index, list) in lists.into_iter().enumerate() {
        let (run_queue, steal) = queue::local();
        let park = Parker::new(driver.clone());
        remotes.push(Remote {
            steal,
            unpark: park.unpark(),
        });
        cores.push(Box::new(Core {
            index,
            tick: 0,
            lifo: None,
            run_queue,
            owned: list,
            is_searching: false,
            is_shutdown: false,
            park: Some(park),
            rand: FastRand::new(seed()),
        }));
    }
    let shared = Arc::new(Shared {
        remotes: remotes.into_boxed_slice(),
        inject: Inject::new(),
        idle: Idle::new(num_workers),
        owned,
        shutdown: AtomicBool::new(false),
        shutdown_cores: Mutex::new(Vec::with_capacity(num_workers)),
        driver,
        blocking,
    });
    let workers = cores
        .into_iter()
        .map(|core| Worker {
            shared: shared.clone(),
            core: Some(core),
        })
        .collect();
    (shared, workers)
}

impl Worker {
    /// Runs the worker loop on the current thread until shutdown or hand-off.
    pub(crate) fn run(self) {
        let _spawner = crate::context::set_spawner(crate::context::Spawner::ThreadPool(
            super::Spawner::from_shared(self.shared.clone()),
        ));
        let _enter = crate::enter::try_enter();
        self.run_core();
    }

    /// The loop without the runtime-wide thread contexts (spawner, enter guard): only
    /// the worker's own context, so the loom models can run it.
    pub(crate) fn run_core(mut self) {
        let core = self.core.take().expect("worker core missing");
        let shared = self.shared.clone();
        let cx = Rc::new(Context {
            shared: shared.clone(),
            core: RefCell::new(None),
        });
        let _current = CurrentGuard::set(cx.clone());
        if let Some(core) = run_loop(&cx, core) {
            shared.shutdown_core(core);
        }
    }

    /// Model support: spawns onto this unstarted worker, into its LIFO slot or its local
    /// queue, as a task spawned on that worker would be.
    #[cfg(all(test, loom))]
    pub(crate) fn spawn_local<F>(&mut self, future: F, lifo: bool) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let core = self.core.as_mut().expect("worker core missing");
        let (handle, task) = core.owned.spawn(future, self.shared.clone());
        if lifo {
            assert!(core.lifo.replace(task).is_none(), "LIFO slot taken");
        } else {
            core.run_queue.push_back(task, &self.shared.inject);
        }
        handle
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(core) = self.core.take() {
            self.shared.shutdown_core(core);
        }
    }
}

struct CurrentGuard(Option<Rc<Context>>);

impl CurrentGuard {
    fn set(cx: Rc<Context>) -> CurrentGuard {
        CurrentGuard(CURRENT.with(|c| c.borrow_mut().replace(cx)))
    }
}

impl Drop for CurrentGuard {
    fn drop(&mut self) {
        let prev = self.0.take();
        let _old = CURRENT.try_with(|c| std::mem::replace(&mut *c.borrow_mut(), prev));
    }
}

fn run_loop(cx: &Context, mut core: Box<Core>) -> Option<Box<Core>> {
    let shared = &*cx.shared;
    while !core.is_shutdown {
        core.tick = core.tick.wrapping_add(1);
        if core.tick % EVENT_INTERVAL == 0 {
            core = maintenance(cx, core);
            if core.is_shutdown {
                break;
            }
        }
        let task = core.next_task(shared).or_else(|| core.steal_work(shared));
        core = match task {
            Some(task) => run_task(cx, core, task)?,
            None => park(cx, core),
        };
    }
    Some(core)
}

/// Step 1 of the loop.
fn maintenance(cx: &Context, mut core: Box<Core>) -> Box<Core> {
    cx.shared.owned.drain_released(&mut core.owned);
    *cx.core.borrow_mut() = Some(core);
    cx.shared.driver.poll_ready_events();
    let mut core = cx
        .core
        .borrow_mut()
        .take()
        .expect("core lost in maintenance");
    core.is_shutdown = cx.shared.shutdown.load(Acquire);
    core
}

/// Polls `task`, then whatever it put in the LIFO slot. `None`: the core was handed
/// off by `block_in_place`, and this thread stops being a worker.
fn run_task(cx: &Context, mut core: Box<Core>, task: Job) -> Option<Box<Core>> {
    core.transition_from_searching(&cx.shared);
    core.owned.bind(&task);
    *cx.core.borrow_mut() = Some(core);
    task.run();
    let mut lifo_polls = 0;
    loop {
        let mut core = cx.core.borrow_mut().take()?;
        let Some(task) = core.lifo.take() else {
            return Some(core);
        };
        lifo_polls += 1;
        if lifo_polls > MAX_LIFO_POLLS {
            // This worker runs it next tick (no wake-up: waking an idle worker for
            // it would only move a chain of tasks between workers).
            core.run_queue.push_back(task, &cx.shared.inject);
            return Some(core);
        }
        core.owned.bind(&task);
        *cx.core.borrow_mut() = Some(core);
        task.run();
    }
}

/// Step 4 of the loop.
fn park(cx: &Context, mut core: Box<Core>) -> Box<Core> {
    cx.shared.owned.drain_released(&mut core.owned);
    if !core.transition_to_parked(&cx.shared) {
        return core;
    }
    while !core.is_shutdown {
        let mut parker = core.park.take().expect("parker missing");
        *cx.core.borrow_mut() = Some(core);
        parker.park();
        core = cx.core.borrow_mut().take().expect("core lost while parked");
        core.park = Some(parker);
        core.is_shutdown = cx.shared.shutdown.load(Acquire);
        if core.transition_from_parked(&cx.shared) {
            break;
        }
    }
    core
}

impl Core {
    fn next_task(&mut self, shared: &Shared) -> Option<Job> {
        if self.tick % GLOBAL_QUEUE_INTERVAL == 0 {
            shared.inject.pop().or_else(|| self.next_local_task())
        } else {
            self.next_local_task()
                .or_else(|| shared.inject.steal_into(&self.run_queue))
        }
    }

    fn next_local_task(&mut self) -> Option<Job> {
        self.lifo.take().or_else(|| self.run_queue.pop())
    }

    fn steal_work(&mut self, shared: &Shared) -> Option<Job> {
        if !self.transition_to_searching(shared) {
            return None;
        }
        let n = shared.remotes.len();
        let start = self.rand.fastrand_n(n as u32) as usize;
        for i in 0..n {
            let victim = (start + i) % n;
            if victim == self.index {
                continue;
            }
            if let Some(task) = shared.remotes[victim].steal.steal_into(&self.run_queue) {
                return Some(task);
            }
        }
        shared.inject.steal_into(&self.run_queue)
    }

    fn transition_to_searching(&mut self, shared: &Shared) -> bool {
        if !self.is_searching {
            self.is_searching = shared.idle.transition_worker_to_searching();
        }
        self.is_searching
    }

    /// A searcher found work; the last one wakes another worker to keep searching when
    /// work is left in a queue (the rest of a batch it stole, or pushes that skipped the
    /// wake-up because it searched). With nothing left, a wake-up would only send a
    /// worker through an empty search back to sleep: the next push wakes one itself, as
    /// nobody searches any more.
    fn transition_from_searching(&mut self, shared: &Shared) {
        if !self.is_searching {
            return;
        }
        self.is_searching = false;
        if shared.idle.transition_worker_from_searching() {
            shared.notify_if_work_pending();
        }
    }

    /// False when there is local work after all (no sleep).
    fn transition_to_parked(&mut self, shared: &Shared) -> bool {
        if self.lifo.is_some() || !self.run_queue.is_empty() {
            return false;
        }
        let last_searcher = shared
            .idle
            .transition_worker_to_parked(self.index, self.is_searching);
        self.is_searching = false;
        if last_searcher {
            shared.notify_if_work_pending();
        }
        true
    }

    /// True when the worker should run again: it has local work (woken by the driver),
    /// or a notifier picked it (it then counts as searching).
    fn transition_from_parked(&mut self, shared: &Shared) -> bool {
        if self.lifo.is_some() || !self.run_queue.is_empty() {
            if shared.idle.unpark_worker_by_id(self.index) {
                // Others may steal what the driver woke into our run queue; a lone task
                // in the LIFO slot is ours to run, and waking a worker for it would only
                // send that worker into the driver to catch the next event, bouncing a
                // ping-pong between the two CPUs on every message.
                if !self.run_queue.is_empty() {
                    shared.notify_parked();
                }
            } else {
                self.is_searching = true;
            }
            return true;
        }
        if shared.idle.is_parked(self.index) {
            return false;
        }
        self.is_searching = true;
        true
    }

    /// Shutdown step 5: tasks never run here may still be unbound, so each queued task
    /// is shut down, not just dropped.
    fn drain(&mut self) {
        if let Some(task) = self.lifo.take() {
            task.shutdown();
        }
        while let Some(task) = self.run_queue.pop() {
            task.shutdown();
        }
    }
}

impl Shared {
    fn schedule_local(&self, core: &mut Core, task: Job, is_yield: bool) {
        let pushed = if is_yield {
            core.run_queue.push_back(task, &self.inject);
            true
        } else {
            match core.lifo.replace(task) {
                Some(prev) => {
                    core.run_queue.push_back(prev, &self.inject);
                    true
                }
                None => false,
            }
        };
        // While parked (`park` taken), the worker itself looks at its queue on waking.
        if pushed && core.park.is_some() {
            self.notify_parked();
        }
    }

    fn notify_parked(&self) {
        if let Some(index) = self.idle.worker_to_notify() {
            self.remotes[index].unpark.unpark();
        }
    }

    /// Schedules from a thread that holds no core of this pool: through the injector.
    fn push_remote(&self, task: Job) {
        if self.owned.is_closed() {
            task.shutdown();
            return;
        }
        self.inject.push(task);
        // Pairs with the fence in `close`: either the final drain sees this push, or we
        // see the close and drain ourselves.
        fence(SeqCst);
        if self.owned.is_closed() {
            self.drain_inject();
            return;
        }
        self.notify_parked();
    }

    fn drain_inject(&self) {
        while let Some(task) = self.inject.pop() {
            task.shutdown();
        }
    }

    /// After the caller left the searchers (a SeqCst read-modify-write of the idle
    /// word): pairs with the fence in `push_remote`, so either this sees the pushed task
    /// or that push saw no searcher and woke a sleeper itself.
    fn notify_if_work_pending(&self) {
        fence(SeqCst);
        let pending = self.remotes.iter().any(|r| !r.steal.is_empty()) || !self.inject.is_empty();
        if pending {
            self.notify_parked();
        }
    }

    /// Shutdown step 1.
    pub(crate) fn shutdown(&self) {
        if self.shutdown.swap(true, AcqRel) {
            return;
        }
        for remote in self.remotes.iter() {
            remote.unpark.unpark();
        }
    }

    /// Shutdown steps 2 to 6.
    fn shutdown_core(&self, core: Box<Core>) {
        let mut cores = self.shutdown_cores.lock().unwrap();
        cores.push(core);
        if cores.len() != self.remotes.len() {
            return;
        }
        self.owned.close();
        for core in cores.iter_mut() {
            self.owned.shutdown_list(&mut core.owned);
        }
        for core in cores.iter_mut() {
            core.drain();
        }
        drop(cores);
        self.drain_inject();
        self.driver.shutdown();
    }
}

pub(crate) fn spawn<F>(shared: &Arc<Shared>, future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    // On a worker of this pool: link into its list and schedule locally (one
    // thread-local access). Elsewhere: an unbound task through the injector.
    let mut future = Some(future);
    let local = with_core(shared, |core| {
        let future = future.take()?;
        let (handle, task) = core.owned.spawn(future, shared.clone());
        shared.schedule_local(core, task, false);
        Some(handle)
    });
    if let Some(handle) = local.flatten() {
        return handle;
    }
    let future = future.take().expect("future spawned twice");
    let (handle, task) = shared.owned.spawn_unbound(future, shared.clone());
    shared.push_remote(task);
    handle
}

/// Runs `f` with this thread's core when the thread is a worker of `shared`'s pool and
/// holds its core (and the core is not borrowed); `None` otherwise.
fn with_core<R>(shared: &Arc<Shared>, f: impl FnOnce(&mut Core) -> R) -> Option<R> {
    CURRENT
        .try_with(|cur| {
            let cur = cur.borrow();
            let cx = cur.as_ref()?;
            if !Arc::ptr_eq(&cx.shared, shared) {
                return None;
            }
            let mut core = cx.core.try_borrow_mut().ok()?;
            core.as_mut().map(|core| f(core))
        })
        .ok()
        .flatten()
}

fn schedule_task(shared: &Arc<Shared>, task: Job, is_yield: bool) {
    // During thread teardown (no context) the task stays in `task` and takes the
    // remote path.
    let mut task = Some(task);
    with_core(shared, |core| {
        if let Some(t) = task.take() {
            shared.schedule_local(core, t, is_yield);
        }
    });
    if let Some(task) = task {
        shared.push_remote(task);
    }
}

impl Schedule for Arc<Shared> {
    fn release(&self, task: &Task<Self>) -> Option<Task<Self>> {
        let mut task = Some(task);
        let local = with_core(self, |core| {
            let task = task.take()?;
            self.owned.release(task, Some(&mut core.owned))
        });
        match task {
            Some(task) => self.owned.release(task, None),
            None => local.flatten(),
        }
    }

    fn schedule(&self, task: Notified<Self>) {
        schedule_task(self, task, false);
    }

    fn yield_now(&self, task: Notified<Self>) {
        schedule_task(self, task, true);
    }
}

/// `block_in_place` support: when the current thread is a worker, hands its core to a
/// new worker thread and returns true (the caller then runs its closure in place).
pub(crate) fn hand_off_core() -> bool {
    let handoff = CURRENT.try_with(|cur| {
        let cur = cur.borrow();
        let cx = cur.as_ref()?;
        let core = cx.core.borrow_mut().take();
        Some(core.map(|core| Worker {
            shared: cx.shared.clone(),
            core: Some(core),
        }))
    });
    match handoff.ok().flatten() {
        None => false,
        Some(None) => true,
        Some(Some(worker)) => {
            let blocking = worker.shared.blocking.clone();
            drop(blocking.spawn_blocking(move || worker.run()));
            true
        }
    }
}
