//! [`Handle`]: appends steps to a live [`Mock`](super::Mock)'s script.
//!
//! The handle and the mock share an `Inbox` behind a mutex:
//! - `actions`: steps appended by the handle, moved into the mock's own script at the
//!   start of each of its polls;
//! - `handle_alive` / `mock_alive`: cleared by the respective drop. A mock whose script is
//!   used up waits for more steps only while the handle is alive; a handle whose mock is
//!   gone panics when used;
//! - `read_waker` / `write_waker`: the tasks of a mock waiting for new steps, woken when
//!   a step arrives or the handle is dropped.

use super::script::Action;
use crate::errors;
use crate::loom::sync::{Arc, Mutex, MutexGuard};
use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::task::Waker;

#[derive(Debug)]
pub(super) struct Inbox {
    pub(super) actions: VecDeque<Action>,
    pub(super) handle_alive: bool,
    pub(super) mock_alive: bool,
    pub(super) read_waker: Option<Waker>,
    pub(super) write_waker: Option<Waker>,
}

/// The shared half of a mock/handle pair.
#[derive(Debug, Clone)]
pub(super) struct Shared(Arc<Mutex<Inbox>>);

impl Shared {
    pub(super) fn new(handle_alive: bool) -> Shared {
        Shared(Arc::new(Mutex::new(Inbox {
            actions: VecDeque::new(),
            handle_alive,
            mock_alive: true,
            read_waker: None,
            write_waker: None,
        })))
    }

    /// Locks the inbox; a panic while it was held (only possible in a waker) poisons
    /// nothing we rely on, so poisoning is ignored.
    pub(super) fn lock(&self) -> MutexGuard<'_, Inbox> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Adds steps to the script of a [`Mock`](super::Mock) while it is in use; created by
/// [`Builder::build_with_handle`](super::Builder::build_with_handle).
///
/// While the handle is alive, a mock that ran out of steps waits for more instead of
/// returning EOF (reads) or `BrokenPipe` (writes). Dropping the handle ends the script.
///
/// ```
/// use tokio::io::{AsyncReadExt, AsyncWriteExt};
/// use tokio_test::io::Builder;
///
/// # tokio_test::block_on(async {
/// let (mut mock, mut handle) = Builder::new().read(b"hi").build_with_handle();
/// handle.write(b"ok");
/// let mut buf = [0u8; 2];
/// mock.read_exact(&mut buf).await.unwrap();
/// mock.write_all(b"ok").await.unwrap();
/// drop(handle);
/// assert_eq!(mock.read(&mut buf).await.unwrap(), 0);
/// # });
/// ```
pub struct Handle {
    shared: Shared,
}

impl Handle {
    pub(super) fn new(shared: Shared) -> Handle {
        Handle { shared }
    }

    /// Appends a step: the mock yields `buf` to reads.
    ///
    /// # Panics
    ///
    /// If the mock was dropped.
    ///
    /// ```
    /// let (mock, mut handle) = tokio_test::io::Builder::new().build_with_handle();
    /// handle.read(b"more");
    /// # std::mem::forget(mock); // the step is never consumed
    /// ```
    #[track_caller]
    pub fn read(&mut self, buf: &[u8]) -> &mut Self {
        self.push(Action::Read(buf.to_vec()))
    }

    /// Appends a step: the next read returns `error`.
    ///
    /// # Panics
    ///
    /// If the mock was dropped.
    ///
    /// ```
    /// use std::io;
    /// let (mock, mut handle) = tokio_test::io::Builder::new().build_with_handle();
    /// handle.read_error(io::Error::other("boom"));
    /// # std::mem::forget(mock); // the step is never consumed
    /// ```
    #[track_caller]
    pub fn read_error(&mut self, error: io::Error) -> &mut Self {
        self.push(Action::ReadError(Arc::new(error)))
    }

    /// Appends a step: the code under test must write `buf`.
    ///
    /// # Panics
    ///
    /// If the mock was dropped.
    ///
    /// ```
    /// let (mock, mut handle) = tokio_test::io::Builder::new().build_with_handle();
    /// handle.write(b"expected");
    /// # std::mem::forget(mock); // the step is never consumed
    /// ```
    #[track_caller]
    pub fn write(&mut self, buf: &[u8]) -> &mut Self {
        self.push(Action::Write(buf.to_vec()))
    }

    /// Appends a step: the next write returns `error`.
    ///
    /// # Panics
    ///
    /// If the mock was dropped.
    ///
    /// ```
    /// use std::io;
    /// let (mock, mut handle) = tokio_test::io::Builder::new().build_with_handle();
    /// handle.write_error(io::Error::other("boom"));
    /// # std::mem::forget(mock); // the step is never consumed
    /// ```
    #[track_caller]
    pub fn write_error(&mut self, error: io::Error) -> &mut Self {
        self.push(Action::WriteError(Arc::new(error)))
    }

    #[track_caller]
    fn push(&mut self, action: Action) -> &mut Self {
        let waker = {
            let mut inbox = self.shared.lock();
            assert!(inbox.mock_alive, "{}", errors::MOCK_GONE);
            inbox.actions.push_back(action);
            wakers(&mut inbox)
        };
        waker.into_iter().flatten().for_each(Waker::wake);
        self
    }
}

/// Takes both waiting wakers, to be woken after the lock is released.
fn wakers(inbox: &mut Inbox) -> [Option<Waker>; 2] {
    [inbox.read_waker.take(), inbox.write_waker.take()]
}

impl Drop for Handle {
    fn drop(&mut self) {
        let waker = {
            let mut inbox = self.shared.lock();
            inbox.handle_alive = false;
            wakers(&mut inbox)
        };
        waker.into_iter().flatten().for_each(Waker::wake);
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle").finish()
    }
}
