//! A per-thread pseudo-random number source for fairness decisions (which stream of a
//! [`StreamMap`](super::StreamMap) to poll first). Not cryptographic.
//!
//! Each thread owns an xorshift state seeded from std's per-process random hasher keys and
//! the thread's id, so different threads and runs start in different places.

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

thread_local! {
    static STATE: Cell<u64> = Cell::new(seed());
}

fn seed() -> u64 {
    // xorshift must not start at zero.
    RandomState::new().hash_one(std::thread::current().id()) | 1
}

/// A number in `0..n`; `n` must be non-zero.
pub(super) fn thread_rng_n(n: u32) -> u32 {
    STATE.with(|state| {
        let mut x = state.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        state.set(x);
        // Multiply-shift maps the high 32 bits onto 0..n without a division.
        (((x >> 32) * u64::from(n)) >> 32) as u32
    })
}
