//! Asynchronous sequences of values: the [`Stream`] trait (futures-core's), the
//! [`StreamExt`] combinators, the constructors [`iter`], [`once`], [`empty`] and
//! [`pending`], and [`StreamMap`], which merges many keyed streams into one.
//!
//! The adapter types that [`StreamExt`] methods return live in private modules: they are
//! public types users can hold and name through inference, but not import, as in tokio 0.2.
//!
//! ```
//! use tokio::stream::{self, StreamExt};
//!
//! # futures::executor::block_on(async {
//! let mut evens = stream::iter(1..=10).filter(|n| n % 2 == 0).map(|n| n * 10);
//! assert_eq!(evens.next().await, Some(20));
//! let rest: Vec<i32> = evens.collect().await;
//! assert_eq!(rest, vec![40, 60, 80, 100]);
//! # });
//! ```

mod all;
mod any;
mod chain;
mod collect;
mod empty;
mod filter;
mod filter_map;
mod fold;
mod fuse;
mod iter;
mod map;
mod merge;
mod next;
mod once;
mod pending;
mod rand;
mod skip;
mod skip_while;
mod stream_ext;
mod stream_map;
mod take;
mod take_while;
mod try_next;

cfg_time! {
    mod timeout;
}

pub use collect::FromStream;
pub use empty::{empty, Empty};
pub use futures_core::Stream;
pub use iter::{iter, Iter};
pub use once::{once, Once};
pub use pending::{pending, Pending};
pub use stream_ext::StreamExt;
pub use stream_map::StreamMap;
