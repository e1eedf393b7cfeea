//! Loom models of the slot protocol in `scheduled_io`: no lost wake-up between a
//! resource registering its waker and the reactor publishing readiness, and no lost
//! event between a resource observing readiness and clearing it.

use crate::driver::ready::{Direction, Ready};
use crate::driver::scheduled_io::ScheduledIo;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use std::task::{Context, Wake, Waker};

struct Flag(AtomicUsize);

impl Wake for Flag {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.fetch_add(1, SeqCst);
    }
}

fn reactor_event(io: &ScheduledIo, tick: usize) {
    let prev = io.set_readiness(tick, Ready::readable());
    let mut wakers = Vec::new();
    io.take_wakers(prev, Ready::readable(), &mut wakers);
    for w in wakers {
        w.wake();
    }
}

#[test]
fn loom_poll_ready_never_misses_a_wakeup() {
    loom::model(|| {
        let io = Arc::new(ScheduledIo::new());
        let reactor = {
            let io = io.clone();
            thread::spawn(move || reactor_event(&io, 1))
        };
        let flag = std::sync::Arc::new(Flag(AtomicUsize::new(0)));
        let waker = Waker::from(flag.clone());
        let mut cx = Context::from_waker(&waker);
        let pending = io.poll_ready(&mut cx, Direction::Read).is_pending();
        reactor.join().unwrap();
        if pending {
            assert_eq!(flag.0.load(SeqCst), 1, "Pending without a later wake-up");
        }
        assert!(io.poll_ready(&mut cx, Direction::Read).is_ready());
    });
}

/// The second wait of a direction (its waiter bit already set, so the resource re-reads
/// with a plain load) racing an event, which also reports the other direction (whose
/// waiter never waited and is not locked).
#[test]
fn loom_second_wait_never_misses_a_wakeup() {
    loom::model(|| {
        let io = Arc::new(ScheduledIo::new());
        let flag = std::sync::Arc::new(Flag(AtomicUsize::new(0)));
        let waker = Waker::from(flag.clone());
        let mut cx = Context::from_waker(&waker);
        // First wait, then its event (tick 1), then the operation drains the socket.
        assert!(io.poll_ready(&mut cx, Direction::Read).is_pending());
        reactor_event(&io, 1);
        assert_eq!(flag.0.load(SeqCst), 1);
        let seen = io.snapshot(Direction::Read).unwrap();
        io.clear_readiness(seen);
        let reactor = {
            let io = io.clone();
            thread::spawn(move || {
                let ready = Ready::readable() | Ready::writable();
                let prev = io.set_readiness(2, ready);
                let mut wakers = Vec::new();
                io.take_wakers(prev, ready, &mut wakers);
                for w in wakers {
                    w.wake();
                }
            })
        };
        let pending = io.poll_ready(&mut cx, Direction::Read).is_pending();
        reactor.join().unwrap();
        if pending {
            assert_eq!(flag.0.load(SeqCst), 2, "Pending without a later wake-up");
        }
        assert!(io.poll_ready(&mut cx, Direction::Read).is_ready());
        assert!(io.poll_ready(&mut cx, Direction::Write).is_ready());
    });
}

#[test]
fn loom_clear_never_loses_a_newer_event() {
    loom::model(|| {
        let io = Arc::new(ScheduledIo::new());
        io.set_readiness(1, Ready::readable());
        let observed = io.snapshot(Direction::Read).unwrap();
        assert!(observed.ready.is_readable());
        let reactor = {
            let io = io.clone();
            thread::spawn(move || reactor_event(&io, 2))
        };
        // The operation said WouldBlock: clear what was observed at tick 1.
        io.clear_readiness(observed);
        reactor.join().unwrap();
        let now = io.snapshot(Direction::Read).unwrap();
        assert!(now.ready.is_readable(), "the tick-2 event was lost");
    });
}

#[test]
fn loom_shutdown_wakes_a_waiter() {
    loom::model(|| {
        let io = Arc::new(ScheduledIo::new());
        let reactor = {
            let io = io.clone();
            thread::spawn(move || {
                let mut wakers = Vec::new();
                io.shutdown(&mut wakers);
                for w in wakers {
                    w.wake();
                }
            })
        };
        let flag = std::sync::Arc::new(Flag(AtomicUsize::new(0)));
        let waker = Waker::from(flag.clone());
        let mut cx = Context::from_waker(&waker);
        let pending = io.poll_ready(&mut cx, Direction::Write).is_pending();
        reactor.join().unwrap();
        if pending {
            assert_eq!(flag.0.load(SeqCst), 1);
        }
        assert!(matches!(
            io.poll_ready(&mut cx, Direction::Write),
            std::task::Poll::Ready(Err(_))
        ));
    });
}
