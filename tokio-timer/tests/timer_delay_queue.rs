//! `DelayQueue`: deadline order with removals and resets in between; stale keys panic.

mod support;

use futures::StreamExt;
use std::task::Poll;
use support::{ms, Rt};
use tokio_timer::delay_queue::{DelayQueue, Expired};
use tokio_timer::Instant;

fn next<T>(rt: &mut Rt, q: &mut DelayQueue<T>) -> Option<Expired<T>> {
    rt.block_on(q.next()).map(|r| r.unwrap())
}

#[test]
fn yields_in_deadline_order() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    let start = Instant::now();
    for (v, d) in [(3, 30), (1, 10), (2, 20), (5, 50), (4, 40)] {
        q.insert(v, ms(d));
    }
    assert_eq!(q.len(), 5);
    let mut out = Vec::new();
    while let Some(e) = next(&mut rt, &mut q) {
        assert!(Instant::now() >= e.deadline());
        out.push(*e.get_ref());
    }
    assert_eq!(out, vec![1, 2, 3, 4, 5]);
    assert!(Instant::now() - start >= ms(50));
    assert!(q.is_empty());
    assert_eq!(rt.armed(), 0);
}

#[test]
fn removals_and_resets_in_between() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::with_capacity(8);
    assert!(q.capacity() >= 8);
    let a = q.insert("a", ms(10));
    let b = q.insert("b", ms(20));
    let c = q.insert("c", ms(30));
    let d = q.insert("d", ms(40));
    assert_eq!(q.remove(&b).into_inner(), "b");
    q.reset(&d, ms(5));
    q.reset_at(&a, Instant::now() + ms(50));
    let mut out = Vec::new();
    while let Some(e) = next(&mut rt, &mut q) {
        out.push(e.into_inner());
    }
    assert_eq!(out, vec!["d", "c", "a"]);
    let _ = c;
}

#[test]
fn earlier_insert_while_waiting() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    q.insert("late", ms(10_000));
    let mut polled = false;
    let first = rt.block_on(std::future::poll_fn(|cx| {
        if !polled {
            polled = true;
            assert!(q.poll_expired(cx).is_pending());
            q.insert("early", ms(10));
        }
        q.poll_expired(cx)
    }));
    assert_eq!(first.unwrap().unwrap().into_inner(), "early");
}

#[test]
fn empty_queue_is_ready_none() {
    let mut rt = Rt::new();
    let mut q: DelayQueue<u8> = DelayQueue::default();
    assert!(rt.block_on(q.next()).is_none());
    q.insert(1, ms(1));
    q.clear();
    assert!(rt.block_on(q.next()).is_none());
    q.reserve(10);
    assert!(q.capacity() >= 10);
    assert!(format!("{q:?}").contains("DelayQueue"));
}

#[test]
fn expired_accessors() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    let when = Instant::now() + ms(1);
    q.insert_at(String::from("x"), when);
    let mut e = next(&mut rt, &mut q).unwrap();
    e.get_mut().push('y');
    assert_eq!(e.deadline(), when);
    assert_eq!(e.into_inner(), "xy");
}

#[test]
#[should_panic]
fn remove_with_stale_key_panics() {
    let _rt = Rt::new();
    let mut q = DelayQueue::new();
    let k = q.insert(1, ms(10));
    q.remove(&k);
    q.remove(&k);
}

#[test]
#[should_panic(expected = "there is no timer running")]
fn insert_outside_a_runtime_panics() {
    let mut q = DelayQueue::new();
    q.insert(1, ms(10));
}

#[test]
fn poll_expired_pending_then_ready() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    q.insert(9, ms(15));
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(q.poll_expired(&mut cx).is_pending());
    let v = rt.block_on(std::future::poll_fn(|cx| match q.poll_expired(cx) {
        Poll::Ready(Some(Ok(e))) => Poll::Ready(e.into_inner()),
        Poll::Ready(_) => panic!("unexpected"),
        Poll::Pending => Poll::Pending,
    }));
    assert_eq!(v, 9);
}

/// Random inserts, removes, resets and polls against a model (a map of live values to their
/// keys and deadlines): every yielded value is due, no live value is due a millisecond or
/// more before it (deadline order at the wheel's resolution), and each value comes out
/// exactly once unless removed.
#[test]
fn random_operations_match_a_model() {
    use std::collections::HashMap;
    use tokio_timer::delay_queue::Key;
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    let mut model: HashMap<u32, (Key, Instant)> = HashMap::new();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let pick = |model: &HashMap<u32, (Key, Instant)>, r: u64| {
        let mut values: Vec<u32> = model.keys().copied().collect();
        values.sort_unstable();
        values[r as usize % values.len()]
    };
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    let mut next_value = 0u32;
    let mut yielded = 0;
    let check = |model: &HashMap<u32, (Key, Instant)>, deadline: Instant| {
        for (w, (_, when)) in model {
            assert!(
                *when + ms(1) > deadline,
                "{w} was due before a yielded value"
            );
        }
    };
    for _ in 0..3_000 {
        match rand(10) {
            0..=3 => {
                let when = Instant::now() + ms(rand(40));
                let key = q.insert_at(next_value, when);
                model.insert(next_value, (key, when));
                next_value += 1;
            }
            4 if !model.is_empty() => {
                let v = pick(&model, rand(1 << 20));
                let (key, when) = model.remove(&v).unwrap();
                let removed = q.remove(&key);
                assert_eq!(removed.deadline(), when);
                assert_eq!(removed.into_inner(), v);
            }
            5 if !model.is_empty() => {
                let v = pick(&model, rand(1 << 20));
                let when = Instant::now() + ms(rand(40));
                let entry = model.get_mut(&v).unwrap();
                q.reset_at(&entry.0, when);
                entry.1 = when;
            }
            _ => {
                if rand(20) == 0 {
                    // Let time pass through the driver.
                    rt.block_on(tokio_timer::delay_for(ms(1 + rand(5))));
                }
                match q.poll_expired(&mut cx) {
                    Poll::Ready(Some(Ok(e))) => {
                        assert!(e.deadline() <= Instant::now(), "yielded early");
                        let v = *e.get_ref();
                        let (_, when) = model.remove(&v).expect("yielded twice or removed");
                        assert_eq!(e.deadline(), when);
                        check(&model, when);
                        yielded += 1;
                    }
                    Poll::Ready(None) => assert!(model.is_empty()),
                    Poll::Ready(Some(Err(e))) => panic!("{e}"),
                    Poll::Pending => assert!(!model.is_empty()),
                }
            }
        }
        assert_eq!(q.len(), model.len());
    }
    // Drain: everything left comes out, due, in deadline order.
    while let Some(e) = next(&mut rt, &mut q) {
        assert!(e.deadline() <= Instant::now());
        let (_, when) = model.remove(e.get_ref()).expect("yielded twice");
        check(&model, when);
        yielded += 1;
    }
    assert!(model.is_empty());
    assert!(yielded > 100, "only {yielded} yielded");
    assert!(q.is_empty());
    drop(q);
    assert_eq!(rt.armed(), 0);
}

/// Deadlines hours and years apart (higher wheel levels, saturation) still come out in
/// order, with resets across levels in between.
#[test]
fn far_deadlines_cascade_in_order() {
    let mut rt = Rt::new();
    let mut q = DelayQueue::new();
    let now = Instant::now();
    let far = q.insert_at(
        "year",
        now + std::time::Duration::from_secs(86_400 * 365 * 3),
    );
    let hour = q.insert_at("hour", now + std::time::Duration::from_secs(3_600));
    q.insert_at("soon", now + ms(3));
    q.insert_at("sooner", now + ms(1));
    q.reset_at(&hour, now + ms(5));
    q.reset_at(&far, now + ms(2));
    let mut out = Vec::new();
    while let Some(e) = next(&mut rt, &mut q) {
        out.push(e.into_inner());
    }
    assert_eq!(out, vec!["sooner", "year", "soon", "hour"]);
}
