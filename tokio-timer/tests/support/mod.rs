//! A hand-written `Park` (mutex + condvar, records every park call) and a `block_on` that
//! drives a future on a `Timer` wrapped around it.
#![allow(dead_code)]

use futures::task::{waker, ArcWake};
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio_executor::park::{Park, Unpark};
use tokio_timer::{set_default, Timer};

#[derive(Default)]
pub struct Shared {
    notified: Mutex<bool>,
    condvar: Condvar,
    /// `None` for `park()`, `Some(d)` for `park_timeout(d)`.
    pub calls: Mutex<Vec<Option<Duration>>>,
    pub unparks: Mutex<usize>,
}

#[derive(Clone, Default)]
pub struct FakePark(pub Arc<Shared>);

#[derive(Clone)]
pub struct FakeUnpark(pub Arc<Shared>);

impl FakePark {
    pub fn new() -> FakePark {
        FakePark::default()
    }

    fn wait(&self, timeout: Option<Duration>) {
        self.0.calls.lock().unwrap().push(timeout);
        let mut notified = self.0.notified.lock().unwrap();
        match timeout {
            None => {
                while !*notified {
                    notified = self.0.condvar.wait(notified).unwrap();
                }
            }
            Some(d) if !*notified && !d.is_zero() => {
                notified = self.0.condvar.wait_timeout(notified, d).unwrap().0;
            }
            Some(_) => {}
        }
        *notified = false;
    }
}

impl Park for FakePark {
    type Unpark = FakeUnpark;
    type Error = ();

    fn unpark(&self) -> FakeUnpark {
        FakeUnpark(self.0.clone())
    }

    fn park(&mut self) -> Result<(), ()> {
        self.wait(None);
        Ok(())
    }

    fn park_timeout(&mut self, duration: Duration) -> Result<(), ()> {
        self.wait(Some(duration));
        Ok(())
    }
}

impl Unpark for FakeUnpark {
    fn unpark(&self) {
        *self.0.unparks.lock().unwrap() += 1;
        *self.0.notified.lock().unwrap() = true;
        self.0.condvar.notify_one();
    }
}

struct TaskWaker(FakeUnpark, AtomicBool);

impl ArcWake for TaskWaker {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.1.store(true, Ordering::SeqCst);
        arc_self.0.unpark();
    }
}

/// A timer around a fake park, made current for the test's thread.
pub struct Rt {
    pub timer: Timer<FakePark>,
    pub shared: Arc<Shared>,
    _guard: tokio_timer::DefaultGuard,
}

impl Rt {
    pub fn new() -> Rt {
        let park = FakePark::new();
        let shared = park.0.clone();
        let timer = Timer::new(park);
        let guard = set_default(&timer.handle());
        Rt {
            timer,
            shared,
            _guard: guard,
        }
    }

    pub fn block_on<F: Future>(&mut self, fut: F) -> F::Output {
        let task = Arc::new(TaskWaker(
            FakeUnpark(self.shared.clone()),
            AtomicBool::new(false),
        ));
        let waker = waker(task.clone());
        let mut cx = Context::from_waker(&waker);
        let mut fut = pin!(fut);
        loop {
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                return v;
            }
            // Like a scheduler: with the task already woken, only poll the driver.
            if task.1.swap(false, Ordering::SeqCst) {
                self.timer.park_timeout(Duration::ZERO).unwrap();
            } else {
                self.timer.park().unwrap();
            }
        }
    }

    pub fn armed(&self) -> usize {
        self.timer.handle().__armed_entries()
    }
}

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Polls `fut` once with a no-op waker.
pub fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    std::pin::Pin::new(fut).poll(&mut cx)
}
