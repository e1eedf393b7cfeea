//! `read_dir`: the entries of a directory, each fetched on the blocking pool.
//!
//! `ReadDir` is `Idle` (it owns the std iterator) or `Pending` (the iterator is on the
//! pool fetching one entry and comes back with it).
use super::asyncify;
use crate::io::blocking::join_error;
use std::ffi::OsString;
use std::fs::{FileType, Metadata};
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use tokio_executor::task::JoinHandle;

/// Returns the entries of the directory `path`.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut entries = tokio::fs::read_dir(".").await?;
/// while let Some(entry) = entries.next_entry().await? {
///     let _name = entry.file_name();
/// }
/// # Ok::<_, std::io::Error>(())
/// # }).unwrap();
/// ```
pub async fn read_dir(path: impl AsRef<Path>) -> io::Result<ReadDir> {
    let path = path.as_ref().to_owned();
    let std = asyncify(move || std::fs::read_dir(path)).await?;
    Ok(ReadDir(State::Idle(Some(std))))
}

type Next = (Option<io::Result<std::fs::DirEntry>>, std::fs::ReadDir);

/// The entries of a directory; see [`read_dir`].
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut entries = tokio::fs::read_dir(".").await.unwrap();
/// let mut count = 0;
/// while entries.next_entry().await.unwrap().is_some() {
///     count += 1;
/// }
/// assert!(count > 0);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct ReadDir(State);

#[derive(Debug)]
enum State {
    /// `None` once the iterator is exhausted.
    Idle(Option<std::fs::ReadDir>),
    Pending(JoinHandle<Next>),
}

impl ReadDir {
    /// Returns the next entry, or `None` when there are no more.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// assert!(entries.next_entry().await.unwrap().is_some());
    /// # });
    /// ```
    pub async fn next_entry(&mut self) -> io::Result<Option<DirEntry>> {
        std::future::poll_fn(|cx| self.poll_next_entry(cx)).await
    }

    /// Polls for the next entry; the poll form of [`next_entry`](ReadDir::next_entry).
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// let first = std::future::poll_fn(|cx| entries.poll_next_entry(cx)).await.unwrap();
    /// assert!(first.is_some());
    /// # });
    /// ```
    pub fn poll_next_entry(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<Option<DirEntry>>> {
        loop {
            match &mut self.0 {
                State::Idle(slot) => {
                    let mut std = match slot.take() {
                        Some(std) => std,
                        None => return Poll::Ready(Ok(None)),
                    };
                    self.0 = State::Pending(tokio_executor::blocking::spawn_blocking(move || {
                        let next = std.next();
                        (next, std)
                    }));
                }
                State::Pending(job) => {
                    let (next, std) = ready!(Pin::new(job).poll(cx)).map_err(join_error)?;
                    let done = next.is_none();
                    self.0 = State::Idle(if done { None } else { Some(std) });
                    return Poll::Ready(match next {
                        Some(Ok(entry)) => Ok(Some(DirEntry(Arc::new(entry)))),
                        Some(Err(e)) => Err(e),
                        None => Ok(None),
                    });
                }
            }
        }
    }
}

#[cfg(feature = "stream")]
impl futures_core::Stream for ReadDir {
    type Item = io::Result<DirEntry>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<DirEntry>>> {
        self.get_mut().poll_next_entry(cx).map(Result::transpose)
    }
}

/// One entry of a directory listing.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut entries = tokio::fs::read_dir(".").await.unwrap();
/// let entry = entries.next_entry().await.unwrap().unwrap();
/// assert_eq!(entry.path().file_name(), Some(entry.file_name().as_os_str()));
/// # });
/// ```
#[derive(Debug)]
pub struct DirEntry(Arc<std::fs::DirEntry>);

impl DirEntry {
    /// Returns the full path of the entry (the directory's path joined with its name).
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// let entry = entries.next_entry().await.unwrap().unwrap();
    /// assert!(entry.path().starts_with("."));
    /// # });
    /// ```
    pub fn path(&self) -> PathBuf {
        self.0.path()
    }

    /// Returns the bare file name of the entry.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// let entry = entries.next_entry().await.unwrap().unwrap();
    /// assert!(!entry.file_name().is_empty());
    /// # });
    /// ```
    pub fn file_name(&self) -> OsString {
        self.0.file_name()
    }

    /// Returns the entry's metadata (not following a final symlink).
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// let entry = entries.next_entry().await.unwrap().unwrap();
    /// let _len = entry.metadata().await.unwrap().len();
    /// # });
    /// ```
    pub async fn metadata(&self) -> io::Result<Metadata> {
        let std = self.0.clone();
        asyncify(move || std.metadata()).await
    }

    /// Returns the entry's file type (not following a final symlink).
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// let entry = entries.next_entry().await.unwrap().unwrap();
    /// let _is_dir = entry.file_type().await.unwrap().is_dir();
    /// # });
    /// ```
    pub async fn file_type(&self) -> io::Result<FileType> {
        let std = self.0.clone();
        asyncify(move || std.file_type()).await
    }

    #[cfg(unix)]
    pub(super) fn as_inner(&self) -> &std::fs::DirEntry {
        &self.0
    }
}
