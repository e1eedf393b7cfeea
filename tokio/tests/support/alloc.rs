//! A counting global allocator: live heap bytes, not RSS, so "memory back to its baseline"
//! is an exact statement. A test binary opts in with
//! `#[global_allocator] static A: support::alloc::Counting = support::alloc::Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering::Relaxed};

static LIVE: AtomicIsize = AtomicIsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

/// Forwards to the system allocator and counts live bytes and allocation calls.
pub struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// counters are side effects that never touch the returned memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract of `GlobalAlloc::alloc`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Relaxed);
            ALLOCS.fetch_add(1, Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract of `GlobalAlloc::alloc_zeroed`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Relaxed);
            ALLOCS.fetch_add(1, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract of `GlobalAlloc::dealloc`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as isize, Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract of `GlobalAlloc::realloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size as isize - layout.size() as isize, Relaxed);
            ALLOCS.fetch_add(1, Relaxed);
        }
        p
    }
}

/// Live heap bytes right now (only meaningful in a binary that installed [`Counting`]).
pub fn live_bytes() -> isize {
    LIVE.load(Relaxed)
}

/// Allocation calls so far.
pub fn alloc_calls() -> usize {
    ALLOCS.load(Relaxed)
}

/// Asserts the live heap is back within `slack` bytes of `baseline`, retrying for up to
/// two seconds so threads that are still exiting can free their stacks' bookkeeping.
pub fn assert_back_to_baseline(baseline: isize, slack: isize, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let now = live_bytes();
        if now <= baseline + slack {
            eprintln!(
                "figure: {what}: live heap {} B from baseline",
                now - baseline
            );
            return;
        }
        if std::time::Instant::now() > deadline {
            panic!(
                "{what}: live heap {now} B is {} B above the baseline {baseline} B (slack {slack} B)",
                now - baseline
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
