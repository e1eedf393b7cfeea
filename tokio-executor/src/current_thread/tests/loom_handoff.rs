//! The core hand-over between `block_on` threads (`handoff`): a thread waiting for the
//! core is always handed it when the driving thread leaves, even when the waiter that
//! was woken for it leaves instead (its own future completed). A lost hand-over shows up
//! as a loom deadlock: the remaining waiter sleeps forever.

use crate::current_thread::handoff::Handoff;
use crate::loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
use crate::loom::sync::Arc;
use crate::loom::thread;
use crate::park::{Park, ParkThread, UnparkThread};

type Slot = Handoff<u32, UnparkThread>;

/// Waits for the core as `block_on` does; `done` plays the waiter's own future.
fn wait(slot: &Slot, mut park: ParkThread, done: Option<&AtomicBool>) -> Option<u32> {
    let me = Arc::new(park.unpark());
    loop {
        if done.is_some_and(|d| d.load(SeqCst)) {
            slot.leave(&me);
            return None;
        }
        if let Some(core) = slot.try_take(&me) {
            return Some(core);
        }
        park.park().unwrap();
    }
}

#[test]
fn loom_handoff_to_waiter() {
    loom::model(|| {
        let slot = Arc::new(Slot::new(7));
        let core = slot.take().unwrap();
        let th = {
            let slot = slot.clone();
            thread::spawn(move || wait(&slot, ParkThread::new(), None))
        };
        slot.put_back(core);
        assert_eq!(th.join().unwrap(), Some(7));
    });
}

#[test]
fn loom_leaving_waiter_passes_the_turn_on() {
    loom::model(|| {
        let slot = Arc::new(Slot::new(7));
        let core = slot.take().unwrap();
        let done = Arc::new(AtomicBool::new(false));
        let park1 = ParkThread::new();
        let wake1 = park1.unpark();
        // Leaves as soon as its future completes; drives (and leaves) if handed the core.
        let w1 = {
            let slot = slot.clone();
            let done = done.clone();
            thread::spawn(move || {
                if let Some(core) = wait(&slot, park1, Some(&done)) {
                    slot.put_back(core);
                }
            })
        };
        // Completes only by driving.
        let w2 = {
            let slot = slot.clone();
            thread::spawn(move || wait(&slot, ParkThread::new(), None))
        };
        slot.put_back(core);
        done.store(true, SeqCst);
        crate::park::Unpark::unpark(&wake1);
        w1.join().unwrap();
        assert_eq!(w2.join().unwrap(), Some(7));
    });
}

#[test]
fn loom_every_waiter_drives_in_turn() {
    loom::model(|| {
        let slot = Arc::new(Slot::new(7));
        let core = slot.take().unwrap();
        let waiters: Vec<_> = (0..2)
            .map(|_| {
                let slot = slot.clone();
                thread::spawn(move || {
                    let core = wait(&slot, ParkThread::new(), None).unwrap();
                    slot.put_back(core);
                })
            })
            .collect();
        slot.put_back(core);
        for w in waiters {
            w.join().unwrap();
        }
        assert_eq!(slot.take(), Some(7));
    });
}
