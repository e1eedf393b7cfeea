//! A xorshift RNG for picking steal victims; seeded per worker (fixed under loom).

#[derive(Debug)]
pub(crate) struct FastRand {
    one: u32,
    two: u32,
}

impl FastRand {
    pub(crate) fn new(seed: u64) -> FastRand {
        let one = (seed >> 32) as u32;
        let mut two = seed as u32;
        if two == 0 {
            two = 1;
        }
        FastRand { one, two }
    }

    /// A value in `0..n`.
    pub(crate) fn fastrand_n(&mut self, n: u32) -> u32 {
        let mul = (self.fastrand() as u64).wrapping_mul(n as u64);
        (mul >> 32) as u32
    }

    fn fastrand(&mut self) -> u32 {
        let mut s1 = self.one;
        let s0 = self.two;
        s1 ^= s1 << 17;
        s1 = s1 ^ s0 ^ (s1 >> 7) ^ (s0 >> 16);
        self.one = s0;
        self.two = s1;
        s0.wrapping_add(s1)
    }
}

/// A seed that differs between calls (address entropy plus a counter).
#[cfg(not(loom))]
pub(crate) fn seed() -> u64 {
    use std::cell::Cell;
    thread_local!(static COUNTER: Cell<u64> = const { Cell::new(0x9E37_79B9) });
    let c = COUNTER.with(|c| {
        let v = c.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        c.set(v);
        v
    });
    let local = 0u8;
    c ^ (&local as *const u8 as u64).rotate_left(17)
}

/// Under loom every execution of a model must make the same choices, so the seed is fixed:
/// a counter kept across executions, or a stack address, would change the victim order
/// between executions and break loom's replay ("unexpected exploration state").
#[cfg(loom)]
pub(crate) fn seed() -> u64 {
    0x9E37_79B9_7F4A_7C15
}
