//! The set, its thread-local context and its scheduler.

use crate::errors;
use crate::loom::sync::{Arc, Mutex};
use crate::task::{JoinHandle, Notified, OwnedTasks, Schedule, Task};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::{poll_fn, Future};
use std::marker::PhantomData;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

const MAX_TASKS_PER_TICK: usize = 61;
const REMOTE_INTERVAL: u8 = 31;

type Job = Notified<Arc<Shared>>;

/// A set of tasks executed on the same thread.
///
/// ```
/// use std::rc::Rc;
/// use tokio_executor::current_thread::CurrentThread;
/// use tokio_executor::local::{spawn_local, LocalSet};
/// use tokio_executor::park::ParkThread;
///
/// let rt = CurrentThread::new(ParkThread::new());
/// let local = LocalSet::new();
/// let v = rt.block_on(local.run_until(async {
///     let shared = Rc::new(5); // !Send
///     let s = shared.clone();
///     spawn_local(async move { *s + 1 }).await.unwrap()
/// }));
/// assert_eq!(v, 6);
/// ```
pub struct LocalSet {
    context: Rc<Context>,
    _not_send: PhantomData<*const ()>,
}

struct Context {
    shared: Arc<Shared>,
    queue: RefCell<VecDeque<Job>>,
    tick: Cell<u8>,
}

struct Shared {
    remote: Mutex<Option<VecDeque<Job>>>,
    owned: OwnedTasks<Arc<Shared>>,
    waker: Mutex<Option<Waker>>,
}

thread_local!(static CURRENT: RefCell<Option<Rc<Context>>> = const { RefCell::new(None) });

/// True while the current thread runs a `LocalSet`.
pub(crate) fn is_current() -> bool {
    CURRENT.try_with(|c| c.borrow().is_some()).unwrap_or(false)
}

/// Spawns a `!Send` future on the `LocalSet` the current thread is running.
///
/// # Panics
///
/// Panics outside a `LocalSet`: "`spawn_local` called from outside of a `task::LocalSet`".
#[track_caller]
pub fn spawn_local<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    match CURRENT.with(|c| c.borrow().clone()) {
        Some(cx) => cx.spawn(future, false),
        None => std::panic::panic_any(errors::SPAWN_LOCAL_OUTSIDE),
    }
}

impl LocalSet {
    /// An empty set.
    pub fn new() -> LocalSet {
        LocalSet {
            context: Rc::new(Context {
                shared: Arc::new(Shared {
                    remote: Mutex::new(Some(VecDeque::new())),
                    owned: OwnedTasks::new(1),
                    waker: Mutex::new(None),
                }),
                queue: RefCell::new(VecDeque::new()),
                tick: Cell::new(0),
            }),
            _not_send: PhantomData,
        }
    }

    /// Spawns a `!Send` task onto the set; it runs when the set is driven.
    pub fn spawn_local<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.context.spawn(future, true)
    }

    /// Runs `future` to completion, running the set's tasks alongside it.
    /// Cancelling it (dropping the returned future) leaves unfinished tasks in the set.
    pub async fn run_until<F: Future>(&self, future: F) -> F::Output {
        let mut future = pin!(future);
        poll_fn(|cx| {
            let _guard = self.enter();
            self.context.shared.register(cx.waker());
            if let Poll::Ready(out) = future.as_mut().poll(cx) {
                return Poll::Ready(out);
            }
            if self.context.tick() {
                cx.waker().wake_by_ref();
            }
            Poll::Pending
        })
        .await
    }

    /// Drives the set's tasks; ready when every task has completed.
    pub fn poll_tasks(&self, cx: &mut TaskContext<'_>) -> Poll<()> {
        let _guard = self.enter();
        self.context.shared.register(cx.waker());
        if self.context.tick() {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        if self.context.shared.owned.is_empty() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }

    fn enter(&self) -> EnterGuard {
        EnterGuard(CURRENT.with(|c| c.borrow_mut().replace(self.context.clone())))
    }
}

struct EnterGuard(Option<Rc<Context>>);

impl Drop for EnterGuard {
    fn drop(&mut self) {
        let prev = self.0.take();
        let _old = CURRENT.try_with(|c| std::mem::replace(&mut *c.borrow_mut(), prev));
    }
}

impl Future for LocalSet {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<()> {
        self.poll_tasks(cx)
    }
}

impl Default for LocalSet {
    fn default() -> LocalSet {
        LocalSet::new()
    }
}

impl fmt::Debug for LocalSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalSet").finish_non_exhaustive()
    }
}

impl Drop for LocalSet {
    fn drop(&mut self) {
        let _guard = self.enter();
        let shared = &self.context.shared;
        shared.owned.close_and_shutdown_all();
        let local: Vec<_> = self.context.queue.borrow_mut().drain(..).collect();
        drop(local);
        let remote = shared.remote.lock().unwrap().take();
        drop(remote);
    }
}

impl Context {
    fn spawn<F>(&self, future: F, wake: bool) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let shared = &self.shared;
        // SAFETY: the set polls and drops its tasks only on the thread that owns it
        // (`LocalSet` is `!Send`; remote wakes only queue the task), see the module doc.
        let (handle, notified) = unsafe { shared.owned.bind_local(future, shared.clone()) };
        if let Some(task) = notified {
            self.queue.borrow_mut().push_back(task);
            if wake {
                shared.wake();
            }
        }
        handle
    }

    /// Runs up to a tick's worth of tasks; true when more are ready.
    fn tick(&self) -> bool {
        for _ in 0..MAX_TASKS_PER_TICK {
            match self.next_task() {
                Some(task) => task.run(),
                None => return false,
            }
        }
        true
    }

    fn next_task(&self) -> Option<Job> {
        let tick = self.tick.get().wrapping_add(1);
        self.tick.set(tick);
        if tick % REMOTE_INTERVAL == 0 {
            self.shared
                .pop_remote()
                .or_else(|| self.queue.borrow_mut().pop_front())
        } else {
            let local = self.queue.borrow_mut().pop_front();
            local.or_else(|| self.shared.pop_remote())
        }
    }
}

impl Shared {
    fn pop_remote(&self) -> Option<Job> {
        self.remote.lock().unwrap().as_mut()?.pop_front()
    }

    fn register(&self, waker: &Waker) {
        let mut slot = self.waker.lock().unwrap();
        match slot.as_ref() {
            Some(w) if w.will_wake(waker) => {}
            _ => *slot = Some(waker.clone()),
        }
    }

    fn wake(&self) {
        let waker = self.waker.lock().unwrap().clone();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

impl Schedule for Arc<Shared> {
    fn release(&self, task: &Task<Self>) -> Option<Task<Self>> {
        self.owned.remove(task)
    }

    fn schedule(&self, task: Notified<Self>) {
        // During thread teardown the context is gone: take the remote path.
        let task = if CURRENT.try_with(|_| ()).is_err() {
            Some(task)
        } else {
            CURRENT.with(|cur| {
                let cur = cur.borrow();
                match cur.as_ref() {
                    Some(cx) if Arc::ptr_eq(&cx.shared, self) => match cx.queue.try_borrow_mut() {
                        Ok(mut q) => {
                            q.push_back(task);
                            None
                        }
                        Err(_) => Some(task),
                    },
                    _ => Some(task),
                }
            })
        };
        if let Some(task) = task {
            let mut remote = self.remote.lock().unwrap();
            if let Some(q) = remote.as_mut() {
                q.push_back(task);
                drop(remote);
                self.wake();
            }
        }
    }
}
