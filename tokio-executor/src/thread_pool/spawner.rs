//! [`Spawner`]: the handle that spawns onto a [`ThreadPool`](super::ThreadPool).

use super::worker;
use crate::loom::sync::Arc;
use crate::task::JoinHandle;
use std::fmt;
use std::future::Future;

/// Spawns tasks onto a [`ThreadPool`](super::ThreadPool); cheap to clone.
#[derive(Clone)]
pub struct Spawner {
    pub(super) shared: Arc<worker::Shared>,
}

impl Spawner {
    pub(crate) fn from_shared(shared: Arc<worker::Shared>) -> Spawner {
        Spawner { shared }
    }

    /// Spawns `future` onto the pool.
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        worker::spawn(&self.shared, future)
    }
}

impl fmt::Debug for Spawner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("thread_pool::Spawner")
            .finish_non_exhaustive()
    }
}
