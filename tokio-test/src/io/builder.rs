//! [`Builder`]: records the script of a [`Mock`].

use super::handle::{Handle, Shared};
use super::mock::Mock;
use super::script::Action;
use crate::loom::sync::Arc;
use std::io;
use std::time::Duration;

/// Records the steps a [`Mock`] will replay, in order.
///
/// Each method appends one step and returns `&mut Self` for chaining; `build` can be
/// called several times (each mock gets its own copy of the script).
///
/// ```
/// use std::time::Duration;
/// use tokio_test::io::Builder;
///
/// let mut builder = Builder::new();
/// builder.read(b"GET / HTTP/1.1\r\n\r\n").wait(Duration::from_millis(5)).write(b"HTTP/1.1 200 OK\r\n\r\n");
/// let mock = builder.build();
/// # std::mem::forget(mock);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Builder {
    actions: Vec<Action>,
}

impl Builder {
    /// An empty script: the mock reads EOF at once and rejects every write.
    ///
    /// ```
    /// let mock = tokio_test::io::Builder::new().build();
    /// # drop(mock);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Scripts a read: the code under test will read `buf` (over one or several reads,
    /// never merged with the next read step).
    ///
    /// ```
    /// let mock = tokio_test::io::Builder::new().read(b"hello").build();
    /// # std::mem::forget(mock);
    /// ```
    pub fn read(&mut self, buf: &[u8]) -> &mut Self {
        self.actions.push(Action::Read(buf.to_vec()));
        self
    }

    /// Scripts a failing read: the next read returns `error`.
    ///
    /// ```
    /// use std::io;
    /// let mock = tokio_test::io::Builder::new()
    ///     .read_error(io::Error::new(io::ErrorKind::ConnectionReset, "reset"))
    ///     .build();
    /// # std::mem::forget(mock);
    /// ```
    pub fn read_error(&mut self, error: io::Error) -> &mut Self {
        self.actions.push(Action::ReadError(Arc::new(error)));
        self
    }

    /// Scripts a write: the code under test must write exactly `buf` (over one or several
    /// writes); anything else makes the write panic.
    ///
    /// ```
    /// let mock = tokio_test::io::Builder::new().write(b"hello").build();
    /// # std::mem::forget(mock);
    /// ```
    pub fn write(&mut self, buf: &[u8]) -> &mut Self {
        self.actions.push(Action::Write(buf.to_vec()));
        self
    }

    /// Scripts a failing write: the next write returns `error`.
    ///
    /// ```
    /// use std::io;
    /// let mock = tokio_test::io::Builder::new()
    ///     .write_error(io::Error::new(io::ErrorKind::BrokenPipe, "gone"))
    ///     .build();
    /// # std::mem::forget(mock);
    /// ```
    pub fn write_error(&mut self, error: io::Error) -> &mut Self {
        self.actions.push(Action::WriteError(Arc::new(error)));
        self
    }

    /// Scripts a pause: reads and writes that reach this step wait `duration` (at least
    /// 1 ms) on the runtime's timer before going on.
    ///
    /// ```
    /// use std::time::Duration;
    /// let mock = tokio_test::io::Builder::new().wait(Duration::from_millis(10)).build();
    /// # drop(mock);
    /// ```
    pub fn wait(&mut self, duration: Duration) -> &mut Self {
        let duration = duration.max(Duration::from_millis(1));
        self.actions.push(Action::Wait(duration));
        self
    }

    /// Builds a mock that replays the script; once it is used up, reads return EOF and
    /// writes fail with `BrokenPipe`.
    ///
    /// ```
    /// let mock = tokio_test::io::Builder::new().build();
    /// # drop(mock);
    /// ```
    pub fn build(&mut self) -> Mock {
        Mock::new(self.actions.clone(), Shared::new(false))
    }

    /// Builds a mock plus a [`Handle`] that can append steps while the mock is in use.
    ///
    /// ```
    /// let (mock, handle) = tokio_test::io::Builder::new().build_with_handle();
    /// # drop((mock, handle));
    /// ```
    pub fn build_with_handle(&mut self) -> (Mock, Handle) {
        let shared = Shared::new(true);
        let mock = Mock::new(self.actions.clone(), shared.clone());
        (mock, Handle::new(shared))
    }
}
