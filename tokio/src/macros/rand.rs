//! The thread-local pseudo-random numbers behind `select!`'s start branch.
//!
//! An xorshift64* generator per thread, seeded from std's per-process random hasher keys
//! mixed with the thread id. Not cryptographic: it only has to spread the first-polled
//! branch evenly so that no ready branch starves.

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

thread_local! {
    static RNG: Cell<u64> = Cell::new(seed());
}

fn seed() -> u64 {
    // xorshift's state must never be zero.
    RandomState::new().hash_one(std::thread::current().id()) | 1
}

fn next(state: u64) -> u64 {
    let mut x = state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    x
}

/// A pseudo-random number in `0..n` (`n` must be non-zero) from this thread's generator.
pub fn thread_rng_n(n: u32) -> u32 {
    RNG.with(|rng| {
        let state = next(rng.get());
        rng.set(state);
        let r = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32;
        // Multiply-shift maps r uniformly onto 0..n without a division.
        ((u64::from(r) * u64::from(n)) >> 32) as u32
    })
}
