//! Small internal helpers: the boxed driver, a fast RNG, wakers over `Arc`s and a
//! thread-parking `block_on`.

pub(crate) mod block_on;
pub(crate) mod driver;
pub(crate) mod rand;
pub(crate) mod wake;
