//! A remote spawn racing the driving thread going to sleep is always seen: either the
//! sleeper's re-check finds it or the spawner's unpark wakes it (a lost wake-up shows up
//! as a loom deadlock).

use crate::current_thread::CurrentThread;
use crate::loom::thread;
use crate::park::ParkThread;
use std::collections::VecDeque;

#[test]
fn loom_remote_spawn_while_parking() {
    loom::model(|| {
        let ct = CurrentThread::new(ParkThread::new());
        let shared = ct.spawner.shared.clone();
        let mut core = ct.core.take().unwrap();
        let mut driver = core.driver.take().unwrap();
        let spawner = ct.spawner.clone();
        let th = thread::spawn(move || spawner.spawn(async { 3 }));
        let mut local = VecDeque::new();
        let task = loop {
            if let Some(task) = shared.take_remote(&mut local) {
                break task;
            }
            shared.park_driver(&mut driver);
        };
        task.run();
        let handle = th.join().unwrap();
        drop(handle);
        drop(driver);
    });
}
