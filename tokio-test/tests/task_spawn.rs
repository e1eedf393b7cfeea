//! `task::spawn`: polling by hand, wake tracking, waker reference counts.

use futures::channel::oneshot;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use tokio::stream::{self, Stream};
use tokio_test::{assert_pending, assert_ready, assert_ready_eq, task};

/// A future that stores a clone of the waker on each poll until `ready` is set.
#[derive(Default)]
struct Holder {
    waker: Option<Waker>,
    ready: bool,
}

impl Future for Holder {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.ready {
            return Poll::Ready(());
        }
        self.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

#[test]
fn poll_ready_future() {
    let mut fut = task::spawn(async { 7 });
    assert_ready_eq!(fut.poll(), 7);
}

#[test]
fn is_woken_tracks_wakes_and_resets_on_poll() {
    let (tx, rx) = oneshot::channel::<u8>();
    let mut rx = task::spawn(rx);
    assert!(!rx.is_woken());
    assert_pending!(rx.poll());
    assert!(!rx.is_woken());
    tx.send(1).unwrap();
    assert!(rx.is_woken());
    assert_eq!(assert_ready!(rx.poll()), Ok(1));
    assert!(!rx.is_woken(), "poll clears the flag");
}

#[test]
fn waker_ref_count_counts_stored_clones() {
    let mut holder = task::spawn(Holder::default());
    assert_eq!(holder.waker_ref_count(), 1);
    assert_pending!(holder.poll());
    assert_eq!(holder.waker_ref_count(), 2, "the future kept one clone");
    let extra = holder.waker.clone();
    assert_eq!(holder.waker_ref_count(), 3);
    drop(extra);
    holder.waker.take().unwrap().wake();
    assert!(holder.is_woken());
    assert_eq!(holder.waker_ref_count(), 1);
    holder.ready = true;
    assert_ready!(holder.poll());
}

#[test]
fn deref_and_into_inner() {
    let mut holder = task::spawn(Holder::default());
    assert!(!holder.ready);
    holder.ready = true;
    let inner = holder.into_inner();
    assert!(inner.ready);
}

#[test]
fn enter_gives_context_and_pinned_value() {
    let mut fut = task::spawn(async { "x" });
    let out = fut.enter(|cx, fut| fut.poll(cx));
    assert_eq!(out, Poll::Ready("x"));
}

#[test]
fn poll_next_on_streams() {
    let mut s = task::spawn(stream::iter(vec![1, 2]));
    assert_ready_eq!(s.poll_next(), Some(1));
    assert_ready_eq!(s.poll_next(), Some(2));
    assert_ready_eq!(s.poll_next(), None);
    let mut p = task::spawn(stream::pending::<()>());
    assert_pending!(p.poll_next());
}

#[test]
fn spawn_is_a_future_and_stream_using_the_callers_context() {
    let (tx, rx) = oneshot::channel::<u8>();
    let mut outer = task::spawn(task::spawn(rx));
    assert_pending!(outer.poll());
    tx.send(3).unwrap();
    assert!(
        outer.is_woken(),
        "the inner Spawn forwarded the outer waker"
    );
    assert_ready_eq!(outer.poll(), Ok(3));

    let mut s = task::spawn(task::spawn(stream::once(1)));
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_ready_eq!(s.poll_next(), Some(1));
}

#[test]
fn debug_shows_waker_state() {
    let s = task::spawn(async {});
    assert_eq!(
        format!("{:?}", s),
        "Spawn { is_woken: false, waker_ref_count: 1 }"
    );
}

#[test]
fn spawn_is_send_when_the_future_is() {
    fn is_send<T: Send>(_: &T) {}
    is_send(&task::spawn(async {}));
}
