//! 1,000,000 delays inserted and cancelled leave memory where it started (a counting
//! allocator, so this file is its own test binary with a single test).

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use support::{ms, poll_once, Rt};
use tokio_timer::delay_for;

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

#[test]
fn a_million_cancelled_delays_leave_memory_where_it_started() {
    let rt = Rt::new();
    // Warm up the slot buffers and thread-locals.
    for _ in 0..10_000 {
        let mut d = delay_for(ms(500));
        assert!(poll_once(&mut d).is_pending());
    }
    let before = LIVE.load(Ordering::Relaxed);
    // One by one.
    for i in 0..500_000u64 {
        let mut d = delay_for(ms(10_000 + i % 100_000));
        assert!(poll_once(&mut d).is_pending());
    }
    // In batches: all armed at once, then all cancelled.
    for _ in 0..5 {
        let mut batch: Vec<_> = (0..100_000u64)
            .map(|i| delay_for(ms(10_000 + i * 37)))
            .collect();
        for d in batch.iter_mut() {
            assert!(poll_once(d).is_pending());
        }
        assert_eq!(rt.armed(), 100_000);
        drop(batch);
        assert_eq!(rt.armed(), 0);
    }
    let after = LIVE.load(Ordering::Relaxed);
    assert_eq!(rt.armed(), 0);
    // Slots keep at most a small buffer each (6 levels x 64 slots x 16 entries x 8 bytes).
    assert!(
        after - before <= 6 * 64 * 16 * 8,
        "leaked {} bytes",
        after - before
    );
}
