//! [`StreamExt::collect`](super::StreamExt::collect) and the sealed [`FromStream`] trait.
//!
//! A collection is built in three steps, all through the private supertrait so users
//! cannot implement `FromStream` themselves:
//! 1. `initialize` creates the intermediate collection, sized from the stream's
//!    `size_hint`;
//! 2. `extend` adds one item and returns `false` to stop early (the `Result` impl stops at
//!    the first `Err`);
//! 3. `finalize` turns the intermediate collection into the output, exactly once.

use bytes::{Buf, BufMut, Bytes, BytesMut};
use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// Future for [`StreamExt::collect`](super::StreamExt::collect). `Unpin` when the stream is.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Collect<T, U>
where
    T: Stream,
    U: FromStream<T::Item>,
{
    stream: T,
    collection: Option<U::InternalCollection>,
}

/// Types that [`StreamExt::collect`](super::StreamExt::collect) can build from a stream
/// of `T`. Sealed: implemented for `()`, `String`, `Vec<T>`, `Box<[T]>`, `Bytes`,
/// `BytesMut` and `Result<U, E>` (see each impl).
///
/// ```
/// use tokio::stream::{self, StreamExt};
///
/// # futures::executor::block_on(async {
/// let s: String = stream::iter(vec!["a", "b"]).collect().await;
/// assert_eq!(s, "ab");
/// let b: Box<[u8]> = stream::iter(vec![1u8, 2]).collect().await;
/// assert_eq!(&*b, &[1, 2]);
/// # });
/// ```
pub trait FromStream<T>: sealed::FromStreamPriv<T> {}

pub(crate) mod sealed {
    /// The steps of building a collection; see the module doc of `collect`.
    pub trait FromStreamPriv<T> {
        /// The collection while items are still arriving.
        type InternalCollection;

        /// Creates an empty collection for a stream with this size hint.
        fn initialize(lower: usize, upper: Option<usize>) -> Self::InternalCollection;

        /// Adds one item; `false` means stop pulling items.
        fn extend(collection: &mut Self::InternalCollection, item: T) -> bool;

        /// Produces the output from the finished collection.
        fn finalize(collection: Self::InternalCollection) -> Self;
    }
}

use sealed::FromStreamPriv;

impl<T, U> Collect<T, U>
where
    T: Stream,
    U: FromStream<T::Item>,
{
    pub(super) fn new(stream: T) -> Self {
        let (lower, upper) = stream.size_hint();
        Collect {
            stream,
            collection: Some(U::initialize(lower, upper)),
        }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut T>, &mut Option<U::InternalCollection>) {
        // SAFETY: `stream` is structurally pinned (never moved out, no Drop impl, and
        // `Collect: Unpin` only when `T: Unpin`); `collection` is never pinned.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.stream), &mut this.collection)
        }
    }
}

impl<T, U> Unpin for Collect<T, U>
where
    T: Stream + Unpin,
    U: FromStream<T::Item>,
{
}

impl<T, U> fmt::Debug for Collect<T, U>
where
    T: Stream + fmt::Debug,
    U: FromStream<T::Item>,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Collect")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<T, U> Future for Collect<T, U>
where
    T: Stream,
    U: FromStream<T::Item>,
{
    type Output = U;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<U> {
        let (mut stream, slot) = self.project();
        loop {
            let collection = slot.as_mut().expect("`Collect` polled after completion");
            let more = match ready!(stream.as_mut().poll_next(cx)) {
                Some(item) => U::extend(collection, item),
                None => false,
            };
            if !more {
                let done = slot.take().expect("`Collect` polled after completion");
                return Poll::Ready(U::finalize(done));
            }
        }
    }
}

/// Drains the stream, keeping nothing.
impl FromStream<()> for () {}

impl FromStreamPriv<()> for () {
    type InternalCollection = ();

    fn initialize(_lower: usize, _upper: Option<usize>) {}

    fn extend(_collection: &mut (), _item: ()) -> bool {
        true
    }

    fn finalize(_collection: ()) {}
}

/// Concatenates string-like items.
impl<T: AsRef<str>> FromStream<T> for String {}

impl<T: AsRef<str>> FromStreamPriv<T> for String {
    type InternalCollection = String;

    fn initialize(_lower: usize, _upper: Option<usize>) -> String {
        String::new()
    }

    fn extend(collection: &mut String, item: T) -> bool {
        collection.push_str(item.as_ref());
        true
    }

    fn finalize(collection: String) -> String {
        collection
    }
}

/// Collects items in order.
impl<T> FromStream<T> for Vec<T> {}

impl<T> FromStreamPriv<T> for Vec<T> {
    type InternalCollection = Vec<T>;

    fn initialize(lower: usize, _upper: Option<usize>) -> Vec<T> {
        Vec::with_capacity(lower)
    }

    fn extend(collection: &mut Vec<T>, item: T) -> bool {
        collection.push(item);
        true
    }

    fn finalize(collection: Vec<T>) -> Vec<T> {
        collection
    }
}

/// Collects items in order into a boxed slice.
impl<T> FromStream<T> for Box<[T]> {}

impl<T> FromStreamPriv<T> for Box<[T]> {
    type InternalCollection = Vec<T>;

    fn initialize(lower: usize, upper: Option<usize>) -> Vec<T> {
        <Vec<T> as FromStreamPriv<T>>::initialize(lower, upper)
    }

    fn extend(collection: &mut Vec<T>, item: T) -> bool {
        <Vec<T> as FromStreamPriv<T>>::extend(collection, item)
    }

    fn finalize(collection: Vec<T>) -> Box<[T]> {
        collection.into_boxed_slice()
    }
}

/// Collects the `Ok` values into `U`; stops at the first `Err` and returns it.
impl<T, U, E> FromStream<Result<T, E>> for Result<U, E> where U: FromStream<T> {}

impl<T, U, E> FromStreamPriv<Result<T, E>> for Result<U, E>
where
    U: FromStream<T>,
{
    type InternalCollection = Result<U::InternalCollection, E>;

    fn initialize(lower: usize, upper: Option<usize>) -> Self::InternalCollection {
        Ok(U::initialize(lower, upper))
    }

    fn extend(collection: &mut Self::InternalCollection, item: Result<T, E>) -> bool {
        match (collection.as_mut(), item) {
            (Ok(inner), Ok(item)) => U::extend(inner, item),
            (Ok(_), Err(err)) => {
                *collection = Err(err);
                false
            }
            (Err(_), _) => false,
        }
    }

    fn finalize(collection: Self::InternalCollection) -> Self {
        collection.map(U::finalize)
    }
}

/// Concatenates the bytes of every `Buf` item.
impl<T: Buf> FromStream<T> for Bytes {}

impl<T: Buf> FromStreamPriv<T> for Bytes {
    type InternalCollection = BytesMut;

    fn initialize(_lower: usize, _upper: Option<usize>) -> BytesMut {
        BytesMut::new()
    }

    fn extend(collection: &mut BytesMut, item: T) -> bool {
        collection.put(item);
        true
    }

    fn finalize(collection: BytesMut) -> Bytes {
        collection.freeze()
    }
}

/// Concatenates the bytes of every `Buf` item.
impl<T: Buf> FromStream<T> for BytesMut {}

impl<T: Buf> FromStreamPriv<T> for BytesMut {
    type InternalCollection = BytesMut;

    fn initialize(_lower: usize, _upper: Option<usize>) -> BytesMut {
        BytesMut::new()
    }

    fn extend(collection: &mut BytesMut, item: T) -> bool {
        collection.put(item);
        true
    }

    fn finalize(collection: BytesMut) -> BytesMut {
        collection
    }
}
