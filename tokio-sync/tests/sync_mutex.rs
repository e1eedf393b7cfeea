//! Mutex and RwLock behaviour.

mod support;

use futures::executor::block_on;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::task::Poll;
use std::thread;
use support::spawn;
use tokio_sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

#[test]
fn mutual_exclusion_across_threads() {
    let m = Arc::new(Mutex::new(0u64));
    let inside = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let m = m.clone();
            let inside = inside.clone();
            thread::spawn(move || {
                block_on(async {
                    for _ in 0..2_000 {
                        let mut g = m.lock().await;
                        assert_eq!(inside.fetch_add(1, SeqCst), 0);
                        *g += 1;
                        inside.fetch_sub(1, SeqCst);
                    }
                })
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(*block_on(m.lock()), 16_000);
}

#[test]
fn fifo_order() {
    let m = Mutex::new(Vec::new());
    let g = block_on(m.lock());
    let mut waiters: Vec<_> = (0..5)
        .map(|i| {
            let m = &m;
            spawn(async move {
                m.lock().await.push(i);
            })
        })
        .collect();
    for w in &mut waiters {
        assert!(w.poll().is_pending());
    }
    // try_lock must not jump the queue.
    drop(g);
    assert!(m.try_lock().is_err());
    for w in waiters.iter_mut() {
        assert!(w.is_woken());
        assert_eq!(w.poll(), Poll::Ready(()));
    }
    assert_eq!(*block_on(m.lock()), vec![0, 1, 2, 3, 4]);
}

#[test]
fn dropped_lock_future_passes_the_lock_on() {
    let m = Mutex::new(());
    let g = m.try_lock().unwrap();
    let mut a = spawn(m.lock());
    let mut b = spawn(m.lock());
    assert!(a.poll().is_pending());
    assert!(b.poll().is_pending());
    drop(g); // handed to `a`
    drop(a); // never observed it: must go to `b`
    assert!(b.is_woken());
    assert!(b.poll().is_ready());
}

#[test]
fn owned_guards_and_try_lock() {
    let m = Arc::new(Mutex::new(1));
    let g = m.clone().try_lock_owned().unwrap();
    assert!(m.try_lock().is_err());
    assert_eq!(
        m.try_lock().unwrap_err().to_string(),
        "operation would block"
    );
    assert_eq!(format!("{:?}", m), "Mutex { data: <locked> }");
    drop(g);
    assert_eq!(format!("{:?}", m), "Mutex { data: 1 }");
    let mut g = block_on(m.clone().lock_owned());
    *g = 2;
    assert_eq!(format!("{} {:?}", g, g), "2 2");
    drop(g);
    let m = Arc::try_unwrap(m).unwrap();
    assert_eq!(m.into_inner(), 2);
    let d: Mutex<i32> = Default::default();
    let f: Mutex<i32> = 3.into();
    assert_eq!(*block_on(d.lock()) + *block_on(f.lock()), 3);
}

#[test]
fn unsized_mutex() {
    let m: Box<Mutex<[i32]>> = Box::new(Mutex::new([1, 2, 3]));
    assert_eq!(block_on(m.lock()).len(), 3);
}

#[test]
fn rwlock_readers_share_writer_excludes() {
    let l = RwLock::new(5);
    let r1 = block_on(l.read());
    let r2 = block_on(l.read());
    let mut w = spawn(l.write());
    assert!(w.poll().is_pending());
    // Write-preferring: a new reader queues behind the waiting writer.
    let mut r3 = spawn(l.read());
    assert!(r3.poll().is_pending());
    drop(r1);
    drop(r2);
    assert!(w.is_woken());
    let mut g = match w.poll() {
        Poll::Ready(g) => g,
        Poll::Pending => panic!("writer should have the lock"),
    };
    *g += 1;
    drop(g);
    assert!(r3.is_woken());
    let v = match r3.poll() {
        Poll::Ready(r) => *r,
        Poll::Pending => panic!("reader should have the lock"),
    };
    assert_eq!(v, 6);
}

#[test]
fn rwlock_32_readers_max() {
    let l = RwLock::new(());
    let guards: Vec<_> = (0..32).map(|_| block_on(l.read())).collect();
    let mut extra = spawn(l.read());
    assert!(extra.poll().is_pending());
    drop(guards);
    assert!(extra.poll().is_ready());
}

#[test]
fn rwlock_cancelled_writer_returns_partial_permits() {
    let l = RwLock::new(0);
    let r = block_on(l.read());
    let mut w = spawn(l.write());
    assert!(w.poll().is_pending());
    drop(w);
    drop(r);
    // Everything was returned: a write succeeds immediately.
    let mut w2 = spawn(l.write());
    assert!(w2.poll().is_ready());
}

#[test]
fn rwlock_guard_map() {
    let l = RwLock::new((1, String::from("a")));
    {
        let r = block_on(l.read());
        let s = RwLockReadGuard::map(r, |v| &v.1);
        assert_eq!(&*s, "a");
    }
    {
        let w = block_on(l.write());
        let mut n = RwLockWriteGuard::map(w, |v| &mut v.0);
        *n = 7;
    }
    {
        let r = block_on(l.read());
        let r = RwLockReadGuard::try_map(r, |_| None::<&i32>).unwrap_err();
        assert_eq!(r.0, 7);
        let w = block_on({
            drop(r);
            l.write()
        });
        assert!(RwLockWriteGuard::try_map(w, |v| Some(&mut v.1)).is_ok());
    }
    assert_eq!(l.into_inner().0, 7);
}

#[test]
fn rwlock_threads() {
    let l = Arc::new(RwLock::new(0u64));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let l = l.clone();
            thread::spawn(move || {
                block_on(async {
                    for _ in 0..1000 {
                        if i % 2 == 0 {
                            *l.write().await += 1;
                        } else {
                            let _ = *l.read().await;
                        }
                    }
                })
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(*block_on(l.read()), 2000);
}
