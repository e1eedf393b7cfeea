//! The pause behind a scripted `wait` step.
//!
//! Interim implementation until `tokio::time` lands: a helper thread sleeps until the
//! deadline, then marks the sleep done and wakes the last waker that polled it.

use crate::loom::sync::{Arc, Mutex};
use crate::loom::thread;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
struct State {
    done: bool,
    waker: Option<Waker>,
}

/// A future that completes `duration` after it was created.
#[derive(Debug)]
pub(crate) struct Sleep {
    state: Arc<Mutex<State>>,
}

impl Sleep {
    pub(crate) fn new(duration: Duration) -> Sleep {
        let state = Arc::new(Mutex::new(State::default()));
        let deadline = Instant::now() + duration;
        let shared = state.clone();
        thread::spawn(move || {
            thread::sleep(deadline.saturating_duration_since(Instant::now()));
            let waker = {
                let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
                state.done = true;
                state.waker.take()
            };
            if let Some(waker) = waker {
                waker.wake();
            }
        });
        Sleep { state }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.done {
            return Poll::Ready(());
        }
        state.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
