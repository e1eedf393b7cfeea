//! Hidden helpers used by macro expansions (`poll_fn`, `maybe_done`).
//!
//! `MaybeDone` is a small pinned state machine: `Future(f)` → (f completes) → `Done(out)` →
//! (`take_output`) → `Gone`. The future is structurally pinned while in `Future`; the output
//! is not (it is moved out by `take_output`), and the state only ever changes through
//! `Pin::set`, which drops the previous state in place.

use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A future that calls a closure on every poll; see [`poll_fn`].
pub struct PollFn<F> {
    f: F,
}

// The closure is never pinned: polling calls it through `&mut`.
impl<F> Unpin for PollFn<F> {}

impl<F> std::fmt::Debug for PollFn<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PollFn").finish()
    }
}

/// Creates a future whose `poll` calls `f`.
///
/// ```
/// use std::task::Poll;
///
/// let fut = tokio::future::poll_fn(|_cx| Poll::Ready(7));
/// assert_eq!(futures::executor::block_on(fut), 7);
/// ```
pub fn poll_fn<T, F>(f: F) -> PollFn<F>
where
    F: FnMut(&mut Context<'_>) -> Poll<T>,
{
    PollFn { f }
}

impl<T, F> Future for PollFn<F>
where
    F: FnMut(&mut Context<'_>) -> Poll<T>,
{
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        (self.get_mut().f)(cx)
    }
}

/// A future that may have completed: polled to completion, it keeps its output until
/// [`take_output`](MaybeDone::take_output).
#[derive(Debug)]
pub enum MaybeDone<Fut: Future> {
    /// Not completed yet.
    Future(Fut),
    /// Completed; holds the output.
    Done(Fut::Output),
    /// The output was taken.
    Gone,
}

/// Wraps a future into a [`MaybeDone`].
///
/// ```
/// use std::pin::pin;
///
/// let mut fut = pin!(tokio::future::maybe_done(async { 3 }));
/// futures::executor::block_on(fut.as_mut());
/// assert_eq!(fut.as_mut().take_output(), Some(3));
/// assert_eq!(fut.as_mut().take_output(), None);
/// ```
pub fn maybe_done<Fut: Future>(future: Fut) -> MaybeDone<Fut> {
    MaybeDone::Future(future)
}

impl<Fut: Future> MaybeDone<Fut> {
    /// The output, if the future completed and the output was not taken yet.
    pub fn output_mut(self: Pin<&mut Self>) -> Option<&mut Fut::Output> {
        // SAFETY: nothing is moved out of the pinned place; only the `Done` payload, which
        // is not structurally pinned, is handed out.
        match unsafe { self.get_unchecked_mut() } {
            MaybeDone::Done(out) => Some(out),
            _ => None,
        }
    }

    /// Takes the output, if the future completed and the output was not taken yet.
    pub fn take_output(self: Pin<&mut Self>) -> Option<Fut::Output> {
        if !matches!(&*self, MaybeDone::Done(_)) {
            return None;
        }
        // SAFETY: the state is `Done`, so no pinned future is moved by the replace: only the
        // unpinned output leaves the place.
        let this = unsafe { self.get_unchecked_mut() };
        match mem::replace(this, MaybeDone::Gone) {
            MaybeDone::Done(out) => Some(out),
            _ => None,
        }
    }
}

impl<Fut: Future> Future for MaybeDone<Fut> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // SAFETY: the `Future` payload is structurally pinned: it is polled in place and
        // leaves the place only by being dropped in place through `Pin::set` below.
        let out = match unsafe { self.as_mut().get_unchecked_mut() } {
            MaybeDone::Future(fut) => {
                // SAFETY: see above; `fut` lives in the pinned `self`.
                ready!(unsafe { Pin::new_unchecked(fut) }.poll(cx))
            }
            MaybeDone::Done(_) => return Poll::Ready(()),
            MaybeDone::Gone => panic!("MaybeDone polled after value taken"),
        };
        self.set(MaybeDone::Done(out));
        Poll::Ready(())
    }
}
