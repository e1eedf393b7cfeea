//! [`StreamMap`]: many keyed streams polled as one.
//!
//! Entries live in a `Vec<(K, V)>` in no particular order (removal is `swap_remove`).
//! Each poll starts at a random entry and goes round once, so no stream is favoured by
//! its position. A stream that yields `None` is removed from the map during that poll;
//! the map itself yields `None` whenever it is empty.

use super::rand::thread_rng_n;
use futures_core::Stream;
use std::borrow::Borrow;
use std::hash::Hash;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Combines many streams into one stream of `(key, item)` pairs.
///
/// Inserting under a key that is already present replaces (and returns) the old stream.
/// Streams are polled in a random order on each poll of the map; a stream that ends is
/// removed, and the map yields `None` once it is empty (it can be refilled and polled
/// again afterwards).
///
/// ```
/// use tokio::stream::{self, StreamExt, StreamMap};
///
/// # futures::executor::block_on(async {
/// let mut map = StreamMap::new();
/// map.insert("a", stream::iter(vec![1, 2]));
/// map.insert("b", stream::iter(vec![3]));
///
/// let mut got = Vec::new();
/// while let Some((key, value)) = map.next().await {
///     got.push((key, value));
/// }
/// got.sort();
/// assert_eq!(got, vec![("a", 1), ("a", 2), ("b", 3)]);
/// assert!(map.is_empty());
/// # });
/// ```
#[derive(Debug)]
pub struct StreamMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for StreamMap<K, V> {
    fn default() -> Self {
        StreamMap::new()
    }
}

impl<K, V> StreamMap<K, V> {
    /// An iterator over `(key, stream)` pairs, in arbitrary order.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::empty::<()>());
    /// assert_eq!(map.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![1]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.entries.iter()
    }

    /// A mutable iterator over `(key, stream)` pairs, in arbitrary order.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::empty::<()>());
    /// assert_eq!(map.iter_mut().count(), 1);
    /// ```
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut (K, V)> {
        self.entries.iter_mut()
    }

    /// Creates an empty map.
    ///
    /// ```
    /// use tokio::stream::{Empty, StreamMap};
    ///
    /// let map: StreamMap<&str, Empty<()>> = StreamMap::new();
    /// assert!(map.is_empty());
    /// ```
    pub fn new() -> StreamMap<K, V> {
        StreamMap {
            entries: Vec::new(),
        }
    }

    /// Creates an empty map with room for `capacity` streams.
    ///
    /// ```
    /// use tokio::stream::{Empty, StreamMap};
    ///
    /// let map: StreamMap<&str, Empty<()>> = StreamMap::with_capacity(10);
    /// assert!(map.capacity() >= 10);
    /// ```
    pub fn with_capacity(capacity: usize) -> StreamMap<K, V> {
        StreamMap {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// The keys, in arbitrary order.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert("a", stream::pending::<()>());
    /// assert_eq!(map.keys().collect::<Vec<_>>(), vec![&"a"]);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The streams, in arbitrary order.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert("a", stream::pending::<()>());
    /// assert_eq!(map.values().count(), 1);
    /// ```
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The streams, mutably, in arbitrary order.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert("a", stream::pending::<()>());
    /// assert_eq!(map.values_mut().count(), 1);
    /// ```
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// How many streams the map can hold without reallocating.
    ///
    /// ```
    /// use tokio::stream::{Empty, StreamMap};
    ///
    /// let map: StreamMap<u8, Empty<()>> = StreamMap::with_capacity(4);
    /// assert!(map.capacity() >= 4);
    /// ```
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// The number of streams in the map.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::empty::<()>());
    /// map.insert(2, stream::empty::<()>());
    /// assert_eq!(map.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `true` if the map holds no stream.
    ///
    /// ```
    /// use tokio::stream::{Empty, StreamMap};
    ///
    /// let map: StreamMap<u8, Empty<()>> = StreamMap::new();
    /// assert!(map.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes (and drops) every stream, keeping the allocation.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::empty::<()>());
    /// map.clear();
    /// assert!(map.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Adds `stream` under key `k`, returning the stream it replaces, if any.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// assert!(map.insert("k", stream::empty::<()>()).is_none());
    /// assert!(map.insert("k", stream::empty::<()>()).is_some());
    /// assert_eq!(map.len(), 1);
    /// ```
    pub fn insert(&mut self, k: K, stream: V) -> Option<V>
    where
        K: Hash + Eq,
    {
        let old = self.remove(&k);
        self.entries.push((k, stream));
        old
    }

    /// Removes and returns the stream under `k`, if any.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(String::from("k"), stream::empty::<()>());
    /// assert!(map.remove("k").is_some());
    /// assert!(map.remove("k").is_none());
    /// ```
    pub fn remove<Q>(&mut self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let index = self.entries.iter().position(|(key, _)| key.borrow() == k)?;
        Some(self.entries.swap_remove(index).1)
    }

    /// `true` if a stream is stored under `k`.
    ///
    /// ```
    /// use tokio::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(String::from("k"), stream::empty::<()>());
    /// assert!(map.contains_key("k"));
    /// assert!(!map.contains_key("j"));
    /// ```
    pub fn contains_key<Q>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.entries.iter().any(|(key, _)| key.borrow() == k)
    }
}

impl<K, V> StreamMap<K, V> {
    /// Removes the entries at the `finished` indices. Highest index first, so each
    /// `swap_remove` only moves an entry that is not itself finished into the hole.
    fn remove_finished(&mut self, mut finished: Vec<usize>) {
        finished.sort_unstable_by(|a, b| b.cmp(a));
        for index in finished {
            self.entries.swap_remove(index);
        }
    }
}

impl<K, V> Stream for StreamMap<K, V>
where
    K: Clone + Unpin,
    V: Stream + Unpin,
{
    type Item = (K, V::Item);

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let len = self.entries.len();
        if len == 0 {
            return Poll::Ready(None);
        }
        let this = &mut *self;
        let start = thread_rng_n(len as u32) as usize;
        let mut finished = Vec::new();
        let mut result = None;
        for offset in 0..len {
            let index = (start + offset) % len;
            match Pin::new(&mut this.entries[index].1).poll_next(cx) {
                Poll::Ready(Some(item)) => {
                    // Read the key now: removing finished streams moves entries around.
                    result = Some((this.entries[index].0.clone(), item));
                    break;
                }
                Poll::Ready(None) => finished.push(index),
                Poll::Pending => {}
            }
        }
        this.remove_finished(finished);
        match result {
            Some(pair) => Poll::Ready(Some(pair)),
            None if this.entries.is_empty() => Poll::Ready(None),
            None => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let mut lower = 0usize;
        let mut upper = Some(0usize);
        for (_, stream) in &self.entries {
            let (l, u) = stream.size_hint();
            lower = lower.saturating_add(l);
            upper = match (upper, u) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
        }
        (lower, upper)
    }
}
