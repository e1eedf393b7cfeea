//! Run queues of the work-stealing scheduler.
//!
//! Normally a thin layer over crossbeam-deque: each worker's [`Local`] FIFO queue with
//! its [`Steal`] handle, and the shared [`Inject`] queue. A local queue holding
//! `LOCAL_CAP` tasks overflows half of them into the injector, so a worker that is
//! flooded (a burst of spawns) publishes work where every worker looks.
//!
//! Loom cannot see inside crossbeam, so under `cfg(loom)` the same interface is backed
//! by mutex-protected `VecDeque`s with a capacity of 4, which makes the models reach the
//! overflow and steal paths.

#[cfg(not(loom))]
pub(crate) const LOCAL_CAP: usize = 256;
#[cfg(loom)]
pub(crate) const LOCAL_CAP: usize = 4;

#[cfg(not(loom))]
mod imp {
    use crossbeam_deque::{Injector, Steal as CbSteal, Stealer, Worker};

    pub(crate) struct Local<T> {
        inner: Worker<T>,
    }

    pub(crate) struct Steal<T> {
        inner: Stealer<T>,
    }

    pub(crate) struct Inject<T> {
        inner: Injector<T>,
    }

    pub(crate) fn local<T>() -> (Local<T>, Steal<T>) {
        let inner = Worker::new_fifo();
        let steal = Steal {
            inner: inner.stealer(),
        };
        (Local { inner }, steal)
    }

    /// Retries a steal a few times while it reports contention.
    fn settle<T>(mut f: impl FnMut() -> CbSteal<T>) -> Option<T> {
        for _ in 0..4 {
            match f() {
                CbSteal::Success(t) => return Some(t),
                CbSteal::Empty => return None,
                CbSteal::Retry => std::hint::spin_loop(),
            }
        }
        None
    }

    impl<T> Local<T> {
        pub(crate) fn push_back(&self, task: T, inject: &Inject<T>) {
            if self.inner.len() >= super::LOCAL_CAP {
                for _ in 0..super::LOCAL_CAP / 2 {
                    match self.inner.pop() {
                        Some(t) => inject.push(t),
                        None => break,
                    }
                }
            }
            self.inner.push(task);
        }

        pub(crate) fn pop(&self) -> Option<T> {
            self.inner.pop()
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.is_empty()
        }
    }

    impl<T> Steal<T> {
        /// Moves about half of the victim's tasks into `dst` and returns one.
        pub(crate) fn steal_into(&self, dst: &Local<T>) -> Option<T> {
            settle(|| self.inner.steal_batch_and_pop(&dst.inner))
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.is_empty()
        }
    }

    impl<T> Inject<T> {
        pub(crate) fn new() -> Inject<T> {
            Inject {
                inner: Injector::new(),
            }
        }

        pub(crate) fn push(&self, task: T) {
            self.inner.push(task);
        }

        pub(crate) fn pop(&self) -> Option<T> {
            settle(|| self.inner.steal())
        }

        /// Moves a batch into `dst` and returns one task.
        pub(crate) fn steal_into(&self, dst: &Local<T>) -> Option<T> {
            settle(|| self.inner.steal_batch_and_pop(&dst.inner))
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.is_empty()
        }
    }
}

#[cfg(loom)]
mod imp {
    use crate::loom::sync::{Arc, Mutex};
    use std::collections::VecDeque;

    pub(crate) struct Local<T> {
        inner: Arc<Mutex<VecDeque<T>>>,
    }

    pub(crate) struct Steal<T> {
        inner: Arc<Mutex<VecDeque<T>>>,
    }

    pub(crate) struct Inject<T> {
        inner: Mutex<VecDeque<T>>,
    }

    pub(crate) fn local<T>() -> (Local<T>, Steal<T>) {
        let inner = Arc::new(Mutex::new(VecDeque::new()));
        (
            Local {
                inner: inner.clone(),
            },
            Steal { inner },
        )
    }

    impl<T> Local<T> {
        pub(crate) fn push_back(&self, task: T, inject: &Inject<T>) {
            let mut q = self.inner.lock().unwrap();
            if q.len() >= super::LOCAL_CAP {
                for _ in 0..super::LOCAL_CAP / 2 {
                    match q.pop_front() {
                        Some(t) => inject.push(t),
                        None => break,
                    }
                }
            }
            q.push_back(task);
        }

        pub(crate) fn pop(&self) -> Option<T> {
            self.inner.lock().unwrap().pop_front()
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.lock().unwrap().is_empty()
        }
    }

    impl<T> Steal<T> {
        pub(crate) fn steal_into(&self, dst: &Local<T>) -> Option<T> {
            let mut src = self.inner.lock().unwrap();
            let n = src.len().div_ceil(2);
            let first = src.pop_front()?;
            let batch: Vec<T> = (1..n).filter_map(|_| src.pop_front()).collect();
            drop(src);
            let mut dst = dst.inner.lock().unwrap();
            dst.extend(batch);
            Some(first)
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.lock().unwrap().is_empty()
        }
    }

    impl<T> Inject<T> {
        pub(crate) fn new() -> Inject<T> {
            Inject {
                inner: Mutex::new(VecDeque::new()),
            }
        }

        pub(crate) fn push(&self, task: T) {
            self.inner.lock().unwrap().push_back(task);
        }

        pub(crate) fn pop(&self) -> Option<T> {
            self.inner.lock().unwrap().pop_front()
        }

        pub(crate) fn steal_into(&self, dst: &Local<T>) -> Option<T> {
            let mut src = self.inner.lock().unwrap();
            let first = src.pop_front()?;
            let n = src.len().min(super::LOCAL_CAP / 2);
            let batch: Vec<T> = src.drain(..n).collect();
            drop(src);
            dst.inner.lock().unwrap().extend(batch);
            Some(first)
        }

        pub(crate) fn is_empty(&self) -> bool {
            self.inner.lock().unwrap().is_empty()
        }
    }
}

pub(crate) use imp::{local, Inject, Local, Steal};
