//! The [`StreamExt`] trait: combinators for every [`Stream`].

use super::all::AllFuture;
use super::any::AnyFuture;
use super::chain::Chain;
use super::collect::{Collect, FromStream};
use super::filter::Filter;
use super::filter_map::FilterMap;
use super::fold::FoldFuture;
use super::fuse::Fuse;
use super::map::Map;
use super::merge::Merge;
use super::next::Next;
use super::skip::Skip;
use super::skip_while::SkipWhile;
use super::take::Take;
use super::take_while::TakeWhile;
use super::try_next::TryNext;
use futures_core::Stream;

/// Combinators for [`Stream`]s, implemented for every stream (sized or not).
///
/// Methods that take `&mut self` (`next`, `try_next`, `all`, `any`) need the stream to be
/// [`Unpin`]; pin a `!Unpin` stream first (`tokio::pin!` or `Box::pin`). The others consume
/// the stream and return a new stream or future.
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let sum = stream::iter(vec![1, 2, 3]).fold(0, |acc, n| acc + n).await;
/// assert_eq!(sum, 6);
/// # });
/// ```
///
/// A `!Unpin` stream must be pinned before `next`:
///
/// ```compile_fail
/// use std::marker::PhantomPinned;
/// use std::pin::Pin;
/// use std::task::{Context, Poll};
/// use tokio::stream::{Stream, StreamExt};
///
/// struct NotUnpin(PhantomPinned);
///
/// impl Stream for NotUnpin {
///     type Item = u8;
///     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
///         Poll::Ready(None)
///     }
/// }
///
/// let mut s = NotUnpin(PhantomPinned);
/// let _ = s.next(); // error: `PhantomPinned` cannot be unpinned
/// ```
pub trait StreamExt: Stream {
    /// Resolves to the next item, or `None` once the stream is exhausted.
    ///
    /// The returned future is [`Unpin`] and cancellation-safe: dropping it before it
    /// completes loses no item.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let mut s = stream::iter(vec![1, 2]);
    /// assert_eq!(s.next().await, Some(1));
    /// assert_eq!(s.next().await, Some(2));
    /// assert_eq!(s.next().await, None);
    /// # });
    /// ```
    fn next(&mut self) -> Next<'_, Self>
    where
        Self: Unpin,
    {
        Next::new(self)
    }

    /// Like [`next`](StreamExt::next) for a stream of `Result`s, with the `Result` moved
    /// outward: `Ok(Some(v))`, `Err(e)`, or `Ok(None)` at the end.
    ///
    /// The returned future is [`Unpin`] and cancellation-safe.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let mut s = stream::iter(vec![Ok(1), Err("boom")]);
    /// assert_eq!(s.try_next().await, Ok(Some(1)));
    /// assert_eq!(s.try_next().await, Err("boom"));
    /// assert_eq!(s.try_next().await, Ok(None));
    /// # });
    /// ```
    fn try_next<T, E>(&mut self) -> TryNext<'_, Self>
    where
        Self: Stream<Item = Result<T, E>> + Unpin,
    {
        TryNext::new(self)
    }

    /// Maps every item through `f`.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(1..=3).map(|n| n * 2).collect().await;
    /// assert_eq!(v, vec![2, 4, 6]);
    /// # });
    /// ```
    fn map<T, F>(self, f: F) -> Map<Self, F>
    where
        F: FnMut(Self::Item) -> T,
        Self: Sized,
    {
        Map::new(self, f)
    }

    /// Interleaves the items of `self` and `other` as they become ready. The two streams
    /// take turns being polled first; the merged stream ends when both have ended.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let mut v: Vec<_> = stream::iter(vec![1, 3]).merge(stream::iter(vec![2, 4])).collect().await;
    /// v.sort();
    /// assert_eq!(v, vec![1, 2, 3, 4]);
    /// # });
    /// ```
    fn merge<U>(self, other: U) -> Merge<Self, U>
    where
        U: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Merge::new(self, other)
    }

    /// Keeps only the items for which `f` returns `true`.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(1..=6).filter(|n| n % 3 == 0).collect().await;
    /// assert_eq!(v, vec![3, 6]);
    /// # });
    /// ```
    fn filter<F>(self, f: F) -> Filter<Self, F>
    where
        F: FnMut(&Self::Item) -> bool,
        Self: Sized,
    {
        Filter::new(self, f)
    }

    /// Maps items through `f`, dropping those for which it returns `None`.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<i32> = stream::iter(vec!["1", "x", "3"])
    ///     .filter_map(|s| s.parse().ok())
    ///     .collect()
    ///     .await;
    /// assert_eq!(v, vec![1, 3]);
    /// # });
    /// ```
    fn filter_map<T, F>(self, f: F) -> FilterMap<Self, F>
    where
        F: FnMut(Self::Item) -> Option<T>,
        Self: Sized,
    {
        FilterMap::new(self, f)
    }

    /// Returns a stream that yields `None` forever once the inner stream has yielded
    /// `None` once (the inner stream is dropped at that point and never polled again).
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let mut s = stream::once(1).fuse();
    /// assert_eq!(s.next().await, Some(1));
    /// assert_eq!(s.next().await, None);
    /// assert_eq!(s.next().await, None);
    /// # });
    /// ```
    fn fuse(self) -> Fuse<Self>
    where
        Self: Sized,
    {
        Fuse::new(self)
    }

    /// Yields at most the first `n` items.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(1..).take(3).collect().await;
    /// assert_eq!(v, vec![1, 2, 3]);
    /// # });
    /// ```
    fn take(self, n: usize) -> Take<Self>
    where
        Self: Sized,
    {
        Take::new(self, n)
    }

    /// Yields items while `f` returns `true`; ends at the first item for which it returns
    /// `false` (that item is dropped).
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(1..10).take_while(|n| *n < 4).collect().await;
    /// assert_eq!(v, vec![1, 2, 3]);
    /// # });
    /// ```
    fn take_while<F>(self, f: F) -> TakeWhile<Self, F>
    where
        F: FnMut(&Self::Item) -> bool,
        Self: Sized,
    {
        TakeWhile::new(self, f)
    }

    /// Skips the first `n` items.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(1..=5).skip(3).collect().await;
    /// assert_eq!(v, vec![4, 5]);
    /// # });
    /// ```
    fn skip(self, n: usize) -> Skip<Self>
    where
        Self: Sized,
    {
        Skip::new(self, n)
    }

    /// Skips items while `f` returns `true`; from the first item for which it returns
    /// `false` on, every item is yielded and `f` is not called again.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(vec![1, 2, 5, 1]).skip_while(|n| *n < 3).collect().await;
    /// assert_eq!(v, vec![5, 1]);
    /// # });
    /// ```
    fn skip_while<F>(self, f: F) -> SkipWhile<Self, F>
    where
        F: FnMut(&Self::Item) -> bool,
        Self: Sized,
    {
        SkipWhile::new(self, f)
    }

    /// Resolves to `true` if `f` returns `true` for every item (`true` for an empty
    /// stream). Stops at the first `false`, leaving the rest of the stream unconsumed.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// assert!(stream::iter(vec![2, 4]).all(|n| n % 2 == 0).await);
    /// assert!(!stream::iter(vec![2, 5]).all(|n| n % 2 == 0).await);
    /// # });
    /// ```
    fn all<F>(&mut self, f: F) -> AllFuture<'_, Self, F>
    where
        Self: Unpin,
        F: FnMut(Self::Item) -> bool,
    {
        AllFuture::new(self, f)
    }

    /// Resolves to `true` if `f` returns `true` for some item (`false` for an empty
    /// stream). Stops at the first `true`, leaving the rest of the stream unconsumed.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// assert!(stream::iter(vec![1, 4]).any(|n| n % 2 == 0).await);
    /// assert!(!stream::iter(vec![1, 3]).any(|n| n % 2 == 0).await);
    /// # });
    /// ```
    fn any<F>(&mut self, f: F) -> AnyFuture<'_, Self, F>
    where
        Self: Unpin,
        F: FnMut(Self::Item) -> bool,
    {
        AnyFuture::new(self, f)
    }

    /// Yields every item of `self`, then every item of `other`.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let v: Vec<_> = stream::iter(vec![1, 2]).chain(stream::iter(vec![3])).collect().await;
    /// assert_eq!(v, vec![1, 2, 3]);
    /// # });
    /// ```
    fn chain<U>(self, other: U) -> Chain<Self, U>
    where
        U: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Chain::new(self, other)
    }

    /// Folds every item into an accumulator, starting from `init`; resolves to the final
    /// accumulator once the stream ends.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let s = stream::iter(vec!["a", "b", "c"]).fold(String::new(), |mut acc, x| {
    ///     acc.push_str(x);
    ///     acc
    /// });
    /// assert_eq!(s.await, "abc");
    /// # });
    /// ```
    fn fold<B, F>(self, init: B, f: F) -> FoldFuture<Self, B, F>
    where
        Self: Sized,
        F: FnMut(B, Self::Item) -> B,
    {
        FoldFuture::new(self, init, f)
    }

    /// Drains the stream into a collection: `Vec<T>`, `Box<[T]>`, `String` (from items
    /// that are `AsRef<str>`), `()`, `Bytes` / `BytesMut` (from `Buf` items), or
    /// `Result<C, E>` from `Result<T, E>` items, which stops at the first error.
    ///
    /// ```
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # futures::executor::block_on(async {
    /// let ok: Result<Vec<i32>, &str> = stream::iter(vec![Ok(1), Ok(2)]).collect().await;
    /// assert_eq!(ok, Ok(vec![1, 2]));
    /// let err: Result<Vec<i32>, &str> =
    ///     stream::iter(vec![Ok(1), Err("no"), Ok(3)]).collect().await;
    /// assert_eq!(err, Err("no"));
    /// # });
    /// ```
    fn collect<T>(self) -> Collect<Self, T>
    where
        T: FromStream<Self::Item>,
        Self: Sized,
    {
        Collect::new(self)
    }

    /// Limits how long the stream may go without yielding: if no item arrives within
    /// `duration` of the previous one (or of the first poll), the stream yields
    /// `Err(Elapsed)` once and then keeps waiting for the next item. Items arriving in
    /// time are yielded as `Ok(item)`.
    ///
    /// # Panics
    ///
    /// If called outside a runtime with the timer enabled ("there is no timer running, ...").
    ///
    /// ```
    /// use std::time::Duration;
    /// use tokio::stream::{self, StreamExt};
    ///
    /// # tokio_test::block_on(async {
    /// let mut s = stream::iter(vec![1]).chain(stream::pending()).timeout(Duration::from_millis(10));
    /// assert_eq!(s.next().await, Some(Ok(1)));
    /// assert!(s.next().await.unwrap().is_err());
    /// # });
    /// ```
    #[cfg(feature = "time")]
    #[cfg_attr(docsrs, doc(cfg(feature = "time")))]
    #[track_caller]
    fn timeout(self, duration: crate::time::Duration) -> super::timeout::Timeout<Self>
    where
        Self: Sized,
    {
        super::timeout::Timeout::new(self, duration)
    }
}

impl<St: ?Sized> StreamExt for St where St: Stream {}
