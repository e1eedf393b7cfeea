//! Compile-time checks of `Send`, `Sync` and `Unpin` for the stream types and futures.
#![cfg(feature = "stream")]

use std::rc::Rc;
use tokio::stream::{self, Stream, StreamExt, StreamMap};

fn require_unpin<T: Unpin>(_: &T) {}
fn require_send_sync<T: Send + Sync>(_: &T) {}

/// A stream that is `!Unpin` (built from an async block's state).
fn not_unpin() -> impl Stream<Item = u8> {
    struct NotUnpin(std::marker::PhantomPinned);
    impl Stream for NotUnpin {
        type Item = u8;
        fn poll_next(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<u8>> {
            std::task::Poll::Ready(None)
        }
    }
    NotUnpin(std::marker::PhantomPinned)
}

#[test]
fn futures_from_borrowing_methods_are_unpin() {
    let mut s = stream::iter(vec![Ok::<u8, ()>(1)]);
    require_unpin(&s.next());
    require_unpin(&s.try_next());
    // Even with a closure capturing a `!Unpin` value the borrowing futures stay Unpin.
    let pinned = std::marker::PhantomPinned;
    require_unpin(&s.all(move |_| {
        let _ = &pinned;
        true
    }));
    require_unpin(&s.any(|_| true));
}

#[test]
fn adapters_are_unpin_when_their_streams_are() {
    let s = stream::iter(vec![1u8]);
    require_unpin(&s.map(|n| n));
    let s = stream::iter(vec![1u8]);
    require_unpin(&s.filter(|_| true).take(1).skip(0).fuse());
    let s = stream::iter(vec![1u8]);
    require_unpin(&s.merge(stream::once(2)).chain(stream::empty()));
    let s = stream::iter(vec![1u8]);
    require_unpin(&s.fold(0, |a, b| a + b));
    let s = stream::iter(vec![1u8]);
    require_unpin(&s.collect::<Vec<u8>>());
    require_unpin(&stream::empty::<std::marker::PhantomPinned>());
    require_unpin(&stream::pending::<std::marker::PhantomPinned>());
    let map: StreamMap<u8, stream::Empty<()>> = StreamMap::new();
    require_unpin(&map);
}

#[test]
fn constructors_are_send_and_sync() {
    require_send_sync(&stream::empty::<Rc<u8>>());
    require_send_sync(&stream::pending::<Rc<u8>>());
    require_send_sync(&stream::iter(vec![1u8]));
    require_send_sync(&stream::once(1u8));
}

#[test]
fn adapters_accept_not_unpin_streams() {
    let s = Box::pin(not_unpin().map(|n| n).filter(|_| true).fuse());
    futures::executor::block_on(async move {
        let v: Vec<u8> = s.collect().await;
        assert!(v.is_empty());
    });
}
