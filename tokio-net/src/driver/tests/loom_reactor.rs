//! Loom models of the reactor's state machine: the slot table (`slots`) driven the way a
//! reactor turn, a registering resource and a shutdown drive it, and the operation loop
//! every socket runs (`ScheduledIo::poll_io`).
//!
//! mio cannot run under loom, so the OS is modelled: a "socket" is an atomic count of
//! bytes waiting in the kernel, an "event" is the `(token, readiness)` pair a turn hands to
//! `SlotTable::dispatch` after the bytes arrived (epoll reports an edge after the data is
//! queued), and each turn has a fresh tick as `Reactor::turn` gives it. Everything between
//! the epoll result and the task's waker is the production code.
//!
//! The modelled socket only uses read-modify-write operations: loom 0.7.3 lets an RMW
//! read a value older than a `store` that precedes it in the modification order (checked
//! here: thread A `store(1)` then `load()`, thread B `swap(0)`; loom produces B reading 0
//! and A loading 0), which would report lost data that real hardware cannot lose.

use crate::driver::ready::{Direction, Ready};
use crate::driver::scheduled_io::ScheduledIo;
use crate::driver::slots::SlotTable;
use crate::loom::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use mio::Token;
use std::io;
use std::task::{Context, Poll, Wake, Waker};

/// A waker that counts its wake-ups.
struct Count(AtomicUsize);

impl Wake for Count {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.fetch_add(1, SeqCst);
    }
}

fn counting_waker() -> (std::sync::Arc<Count>, Waker) {
    let count = std::sync::Arc::new(Count(AtomicUsize::new(0)));
    let waker = Waker::from(count.clone());
    (count, waker)
}

/// One reactor turn delivering `events` at `tick`, waking after the table lock is
/// released, as `Reactor::turn` does.
fn turn(table: &SlotTable, events: &[(Token, Ready)], tick: usize) {
    let mut wakers = Vec::new();
    table.dispatch(events.iter().copied(), tick, &mut wakers);
    wakers.into_iter().for_each(Waker::wake);
}

fn shutdown(table: &SlotTable) {
    let mut wakers = Vec::new();
    table.shutdown(&mut wakers);
    wakers.into_iter().for_each(Waker::wake);
}

/// A read on the modelled socket: takes every byte waiting, or `WouldBlock`.
fn read(sock: &AtomicUsize) -> io::Result<usize> {
    match sock.swap(0, SeqCst) {
        0 => Err(io::ErrorKind::WouldBlock.into()),
        n => Ok(n),
    }
}

fn poll_read(
    io: &ScheduledIo,
    sock: &AtomicUsize,
    cx: &mut Context<'_>,
    drained: bool,
) -> Poll<io::Result<usize>> {
    io.poll_io(cx, Direction::Read, || read(sock), |_| drained)
}

/// A resource registers while the reactor shuts down. Either it registered first, and
/// then its slot is marked shut down (its waiter, if any, is woken and every poll
/// errors), or it gets the registration error. A resource already waiting is woken and
/// errors too. Nothing hangs, and no slot or `ScheduledIo` outlives its owner (loom
/// reports leaked `Arc`s).
#[test]
fn loom_register_racing_shutdown() {
    loom::model(|| {
        let table = Arc::new(SlotTable::new());
        let (t0, io0) = table.insert().unwrap();
        let (count0, waker0) = counting_waker();
        let mut cx0 = Context::from_waker(&waker0);
        assert!(io0.poll_ready(&mut cx0, Direction::Read).is_pending());

        let shut = {
            let table = table.clone();
            thread::spawn(move || shutdown(&table))
        };

        let (count1, waker1) = counting_waker();
        let mut cx1 = Context::from_waker(&waker1);
        let registered = match table.insert() {
            Ok((t1, io1)) => {
                let pending = io1.poll_ready(&mut cx1, Direction::Read).is_pending();
                Some((t1, io1, pending))
            }
            Err(e) => {
                assert!(e.to_string().contains("shut down"), "{e}");
                None
            }
        };
        shut.join().unwrap();

        assert_eq!(count0.0.load(SeqCst), 1, "the earlier waiter was not woken");
        assert!(matches!(
            io0.poll_ready(&mut cx0, Direction::Read),
            Poll::Ready(Err(_))
        ));
        if let Some((t1, io1, pending)) = registered {
            if pending {
                assert_eq!(count1.0.load(SeqCst), 1, "the new waiter hangs");
            }
            assert!(matches!(
                io1.poll_ready(&mut cx1, Direction::Write),
                Poll::Ready(Err(_))
            ));
            table.release(t1);
        }
        table.release(t0);
        assert_eq!(table.len(), 0, "a slot outlived the shutdown");
        assert!(table.insert().is_err(), "registered after shutdown");
    });
}

/// A turn sets readiness (new data arrived) while the resource's read, acting on an older
/// readiness, gets `WouldBlock` and clears. The new event is never lost: the read either
/// gets the data in this poll, or returns `Pending` and is woken, and the next poll gets
/// it.
#[test]
fn loom_turn_racing_clear_on_would_block() {
    loom::model(|| {
        let table = Arc::new(SlotTable::new());
        let (token, io) = table.insert().unwrap();
        // An earlier turn's readiness, whose data was already read: the next read says
        // WouldBlock and clears it.
        turn(&table, &[(token, Ready::readable())], 1);
        let sock = Arc::new(AtomicUsize::new(0));

        let reactor = {
            let (table, sock) = (table.clone(), sock.clone());
            thread::spawn(move || {
                sock.fetch_add(1, SeqCst);
                turn(&table, &[(token, Ready::readable())], 2);
            })
        };

        let (count, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        let first = poll_read(&io, &sock, &mut cx, false);
        reactor.join().unwrap();
        match first {
            Poll::Ready(Ok(1)) => {}
            Poll::Pending => {
                assert_eq!(count.0.load(SeqCst), 1, "Pending and never woken");
                let second = poll_read(&io, &sock, &mut cx, false);
                assert!(
                    matches!(second, Poll::Ready(Ok(1))),
                    "second poll: {second:?}, sock {}, state {:?}",
                    sock.load(SeqCst),
                    io.snapshot(Direction::Read)
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        table.release(token);
    });
}

/// A short read clears readiness without waiting for `WouldBlock`; data (and its event)
/// arriving between the read and that clear must survive it.
#[test]
fn loom_turn_racing_clear_after_short_read() {
    loom::model(|| {
        let table = Arc::new(SlotTable::new());
        let (token, io) = table.insert().unwrap();
        let sock = Arc::new(AtomicUsize::new(1));
        turn(&table, &[(token, Ready::readable())], 1);

        let reactor = {
            let (table, sock) = (table.clone(), sock.clone());
            thread::spawn(move || {
                sock.fetch_add(1, SeqCst);
                turn(&table, &[(token, Ready::readable())], 2);
            })
        };

        let (_count, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        let first = match poll_read(&io, &sock, &mut cx, true) {
            Poll::Ready(Ok(n)) => n,
            other => panic!("data was there: {other:?}"),
        };
        reactor.join().unwrap();
        if first == 1 {
            // The second byte's event came after our read: its readiness must still be
            // set, the turn being over.
            assert!(
                matches!(poll_read(&io, &sock, &mut cx, true), Poll::Ready(Ok(1))),
                "the short-read clear swallowed a newer event"
            );
        } else {
            assert_eq!(first, 2);
        }
        table.release(token);
    });
}

/// A resource is dropped and its slot reused by a new registration while a turn delivers
/// an event addressed to the old one: the new owner never sees it.
#[test]
fn loom_stale_event_never_reaches_the_new_owner() {
    loom::model(|| {
        let table = Arc::new(SlotTable::new());
        let (old, _old_io) = table.insert().unwrap();

        let reactor = {
            let table = table.clone();
            thread::spawn(move || turn(&table, &[(old, Ready::readable())], 1))
        };

        table.release(old);
        let (new, new_io) = table.insert().unwrap();
        assert_ne!(new, old);
        reactor.join().unwrap();
        let ready = new_io.snapshot(Direction::Read).unwrap();
        assert!(
            ready.ready.is_empty(),
            "old owner's event delivered: {ready:?}"
        );
        table.release(new);
    });
}
