//! Loom models of the idle/park protocol: a task pushed while the only worker is going
//! to sleep is always found (no lost wake-up; a lost one shows up as a loom deadlock);
//! a task pushed from outside while the last searcher leaves the searchers (it found
//! other work) always gets a worker woken for it, by the pusher or by the searcher.

use crate::loom::sync::atomic::{fence, AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::park::ParkThread;
use crate::thread_pool::idle::Idle;
use crate::thread_pool::park::{Parker, SharedDriver};
use crate::thread_pool::queue::Inject;
use crate::util::driver;

fn worker_finds(inject: &Inject<usize>, idle: &Idle, parker: &mut Parker) -> usize {
    let mut searching = idle.transition_worker_to_searching();
    loop {
        if let Some(t) = inject.pop() {
            if searching {
                idle.transition_worker_from_searching();
            }
            return t;
        }
        // Going to sleep: the last searcher re-checks the queue first.
        if idle.transition_worker_to_parked(0, searching) && !inject.is_empty() {
            if let Some(i) = idle.worker_to_notify() {
                assert_eq!(i, 0);
                // Woke itself: the unpark below is stored and `park` returns at once.
                parker.unpark().unpark();
            }
        }
        loop {
            parker.park();
            if !idle.is_parked(0) {
                break;
            }
        }
        searching = true;
    }
}

#[test]
fn loom_push_while_worker_parks() {
    loom::model(|| {
        let (drv, unpark) = driver::boxed(ParkThread::new());
        let shared = Arc::new(SharedDriver::new(drv, unpark));
        let mut parker = Parker::new(shared);
        let unparker = parker.unpark();
        let inject = Arc::new(Inject::new());
        let idle = Arc::new(Idle::new(1));
        let found = Arc::new(AtomicUsize::new(0));
        let th = {
            let (inject, idle, found) = (inject.clone(), idle.clone(), found.clone());
            thread::spawn(move || {
                let t = worker_finds(&inject, &idle, &mut parker);
                found.store(t, SeqCst);
            })
        };
        inject.push(7);
        if let Some(i) = idle.worker_to_notify() {
            assert_eq!(i, 0);
            unparker.unpark();
        }
        th.join().unwrap();
        assert_eq!(found.load(SeqCst), 7);
    });
}

/// Worker 0 searched and found a task elsewhere; worker 1 sleeps. A remote push races
/// worker 0 leaving the searchers: exactly one of them must pick worker 1 to wake.
#[test]
fn loom_push_while_last_searcher_finds_work() {
    loom::model(|| {
        let inject = Arc::new(Inject::new());
        let idle = Arc::new(Idle::new(2));
        assert!(!idle.transition_worker_to_parked(1, false));
        assert!(idle.transition_worker_to_searching());
        let woken = Arc::new(AtomicUsize::new(0));
        let pusher = {
            let (inject, idle, woken) = (inject.clone(), idle.clone(), woken.clone());
            thread::spawn(move || {
                // `Shared::push_remote`.
                inject.push(7);
                fence(SeqCst);
                if let Some(i) = idle.worker_to_notify() {
                    assert_eq!(i, 1);
                    woken.fetch_add(1, SeqCst);
                }
            })
        };
        // `Core::transition_from_searching` then `Shared::notify_if_work_pending`.
        if idle.transition_worker_from_searching() {
            fence(SeqCst);
            if !inject.is_empty() {
                if let Some(i) = idle.worker_to_notify() {
                    assert_eq!(i, 1);
                    woken.fetch_add(1, SeqCst);
                }
            }
        }
        pusher.join().unwrap();
        assert_eq!(woken.load(SeqCst), 1, "worker 1 woken exactly once");
    });
}
