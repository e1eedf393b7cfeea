//! `File`: a std file whose reads, writes and seeks run on the blocking pool.
//!
//! The file is shared (`Arc`) between the handle and at most one blocking operation in
//! flight. State: `Idle(buf)` (no operation; `buf` may hold read-ahead data) or
//! `Busy(job)` (one operation on the pool; the buffer travels with it). Rules:
//! 1. read: serve read-ahead data first; else read on the pool into the buffer.
//! 2. write: copy into the buffer and start the write on the pool; report the bytes as
//!    written at once (write-behind). If read-ahead data is buffered, the pool thread
//!    first seeks back over it, so the write lands at the logical position. A failed
//!    write is reported by the next write or flush.
//! 3. seek: wait for the operation in flight, drop read-ahead data (correcting a
//!    `SeekFrom::Current` offset by its length), run the seek on the pool;
//!    `poll_complete` yields the new position.
//! 4. flush/shutdown: wait for the operation in flight and report a failed write.
use super::asyncify;
use crate::io::blocking::{join_error, Buf};
use crate::io::{AsyncRead, AsyncSeek, AsyncWrite};
use std::fmt;
use std::fs::{Metadata, Permissions};
use std::future::Future;
use std::io::{self, Seek, SeekFrom};
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use tokio_executor::task::JoinHandle;

/// A reference to an open file; its I/O runs on the blocking pool.
///
/// Writes are write-behind: `write` returns once the data is handed to the pool. Call
/// [`flush`](crate::io::AsyncWriteExt::flush) (or `sync_all`) to wait for them and see
/// their errors.
///
/// ```
/// use tokio::io::{AsyncReadExt, AsyncWriteExt};
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-file-{}", std::process::id()));
/// let mut file = tokio::fs::File::create(&path).await?;
/// file.write_all(b"hello, file").await?;
/// file.flush().await?;
///
/// let mut contents = String::new();
/// tokio::fs::File::open(&path).await?.read_to_string(&mut contents).await?;
/// assert_eq!(contents, "hello, file");
/// # tokio::fs::remove_file(&path).await?;
/// # Ok::<_, std::io::Error>(())
/// # }).unwrap();
/// ```
pub struct File {
    std: Arc<std::fs::File>,
    state: State,
    /// The error of a write-behind that failed, reported by the next write or flush.
    last_write_err: Option<io::Error>,
    /// The position reported by the last completed seek.
    pos: u64,
}

enum State {
    Idle(Option<Buf>),
    Busy(JoinHandle<(Operation, Buf)>),
}

enum Operation {
    Read(io::Result<usize>),
    Write(io::Result<()>),
    Seek(io::Result<u64>),
}

impl File {
    /// Opens an existing file for reading.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let err = tokio::fs::File::open("/definitely/not/here").await.unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    /// # });
    /// ```
    pub async fn open(path: impl AsRef<Path>) -> io::Result<File> {
        let path = path.as_ref().to_owned();
        let std = asyncify(move || std::fs::File::open(path)).await?;
        Ok(File::from_std(std))
    }

    /// Opens a file for writing, creating it or truncating it.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-create-{}", std::process::id()));
    /// let _file = tokio::fs::File::create(&path).await.unwrap();
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn create(path: impl AsRef<Path>) -> io::Result<File> {
        let path = path.as_ref().to_owned();
        let std = asyncify(move || std::fs::File::create(path)).await?;
        Ok(File::from_std(std))
    }

    /// Wraps an open std file.
    ///
    /// ```
    /// let std = std::fs::File::open(".").unwrap();
    /// let _file = tokio::fs::File::from_std(std);
    /// ```
    pub fn from_std(std: std::fs::File) -> File {
        File {
            std: Arc::new(std),
            state: State::Idle(Some(Buf::default())),
            last_write_err: None,
            pos: 0,
        }
    }

    /// Seeks to `pos` and returns the new position from the start of the file.
    ///
    /// ```
    /// use std::io::SeekFrom;
    /// use tokio::io::AsyncReadExt;
    ///
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-seek-{}", std::process::id()));
    /// tokio::fs::write(&path, b"0123456789").await.unwrap();
    /// let mut file = tokio::fs::File::open(&path).await.unwrap();
    /// assert_eq!(file.seek(SeekFrom::Start(6)).await.unwrap(), 6);
    /// assert_eq!(file.read_u8().await.unwrap(), b'6');
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).start_seek(cx, pos)).await?;
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_complete(cx)).await
    }

    /// Waits for pending writes, then flushes data and metadata to the disk.
    ///
    /// ```
    /// use tokio::io::AsyncWriteExt;
    ///
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-sync-{}", std::process::id()));
    /// let mut file = tokio::fs::File::create(&path).await.unwrap();
    /// file.write_all(b"durable").await.unwrap();
    /// file.sync_all().await.unwrap();
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn sync_all(&mut self) -> io::Result<()> {
        self.complete_inflight().await?;
        let std = self.std.clone();
        asyncify(move || std.sync_all()).await
    }

    /// Waits for pending writes, then flushes data (not necessarily metadata) to the disk.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-sync-data-{}", std::process::id()));
    /// let mut file = tokio::fs::File::create(&path).await.unwrap();
    /// file.sync_data().await.unwrap();
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn sync_data(&mut self) -> io::Result<()> {
        self.complete_inflight().await?;
        let std = self.std.clone();
        asyncify(move || std.sync_data()).await
    }

    /// Truncates or extends the file to `size` bytes; the position is not changed.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-set-len-{}", std::process::id()));
    /// let mut file = tokio::fs::File::create(&path).await.unwrap();
    /// file.set_len(10).await.unwrap();
    /// assert_eq!(file.metadata().await.unwrap().len(), 10);
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn set_len(&mut self, size: u64) -> io::Result<()> {
        self.complete_inflight().await?;
        let back = self.discard_read_ahead();
        let std = self.std.clone();
        asyncify(move || {
            if back != 0 {
                (&*std).seek(SeekFrom::Current(back))?;
            }
            std.set_len(size)
        })
        .await
    }

    /// Returns the file's metadata.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-meta-{}", std::process::id()));
    /// tokio::fs::write(&path, b"1234").await.unwrap();
    /// let file = tokio::fs::File::open(&path).await.unwrap();
    /// assert_eq!(file.metadata().await.unwrap().len(), 4);
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn metadata(&self) -> io::Result<Metadata> {
        let std = self.std.clone();
        asyncify(move || std.metadata()).await
    }

    /// Creates a second handle to the same open file (sharing its position).
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let file = tokio::fs::File::open(".").await.unwrap();
    /// let _other = file.try_clone().await.unwrap();
    /// # });
    /// ```
    pub async fn try_clone(&self) -> io::Result<File> {
        let std = self.std.clone();
        let clone = asyncify(move || std.try_clone()).await?;
        Ok(File::from_std(clone))
    }

    /// Waits for the operation in flight and returns the std file.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let file = tokio::fs::File::open(".").await.unwrap();
    /// let _std: std::fs::File = file.into_std().await;
    /// # });
    /// ```
    pub async fn into_std(mut self) -> std::fs::File {
        let _ = self.complete_inflight().await;
        match Arc::try_unwrap(self.std) {
            Ok(std) => std,
            // No operation is in flight, so ours is the only reference.
            Err(_) => unreachable!("a file had an operation in flight after waiting for it"),
        }
    }

    /// Returns the std file at once, or `self` back if an operation is in flight.
    ///
    /// ```
    /// let file = tokio::fs::File::from_std(std::fs::File::open(".").unwrap());
    /// assert!(file.try_into_std().is_ok());
    /// ```
    pub fn try_into_std(mut self) -> Result<std::fs::File, Self> {
        match Arc::try_unwrap(self.std) {
            Ok(std) => Ok(std),
            Err(std) => {
                self.std = std;
                Err(self)
            }
        }
    }

    /// Sets the file's permissions.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let path = std::env::temp_dir().join(format!("tokio-doc-file-perm-{}", std::process::id()));
    /// let file = tokio::fs::File::create(&path).await.unwrap();
    /// let mut perm = file.metadata().await.unwrap().permissions();
    /// perm.set_readonly(true);
    /// file.set_permissions(perm).await.unwrap();
    /// # tokio::fs::remove_file(&path).await.unwrap();
    /// # });
    /// ```
    pub async fn set_permissions(&self, perm: Permissions) -> io::Result<()> {
        let std = self.std.clone();
        asyncify(move || std.set_permissions(perm)).await
    }

    async fn complete_inflight(&mut self) -> io::Result<()> {
        std::future::poll_fn(|cx| self.poll_inflight(cx)).await?;
        match self.last_write_err.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Drops read-ahead data; returns the (negative) offset that brings the OS position
    /// back to the logical one.
    fn discard_read_ahead(&mut self) -> i64 {
        match &mut self.state {
            State::Idle(Some(buf)) if !buf.is_empty() => buf.discard_read(),
            _ => 0,
        }
    }

    /// Waits for the operation in flight and files its result (rule 2's write error is
    /// kept for later). Returns the position if it was a seek.
    fn poll_inflight(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<Option<u64>>> {
        let job = match &mut self.state {
            State::Idle(_) => return Poll::Ready(Ok(None)),
            State::Busy(job) => job,
        };
        let (op, buf) = ready!(Pin::new(job).poll(cx)).map_err(join_error)?;
        self.state = State::Idle(Some(buf));
        match op {
            Operation::Read(_) | Operation::Write(Ok(())) => Poll::Ready(Ok(None)),
            Operation::Write(Err(e)) => {
                self.last_write_err = Some(e);
                Poll::Ready(Ok(None))
            }
            Operation::Seek(res) => {
                let pos = res?;
                self.pos = pos;
                Poll::Ready(Ok(Some(pos)))
            }
        }
    }

    fn take_buf(&mut self) -> Buf {
        match &mut self.state {
            State::Idle(buf) => buf.take().unwrap_or_default(),
            State::Busy(_) => Buf::default(),
        }
    }

    fn start(
        &mut self,
        mut buf: Buf,
        op: impl FnOnce(&mut Buf, &std::fs::File) -> Operation + Send + 'static,
    ) {
        let std = self.std.clone();
        self.state = State::Busy(tokio_executor::blocking::spawn_blocking(move || {
            let op = op(&mut buf, &std);
            (op, buf)
        }));
    }
}

impl AsyncRead for File {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        dst: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        loop {
            match &mut me.state {
                State::Idle(slot) => {
                    let mut buf = slot.take().unwrap_or_default();
                    if !buf.is_empty() || dst.is_empty() {
                        let n = buf.copy_to(dst);
                        *slot = Some(buf);
                        return Poll::Ready(Ok(n));
                    }
                    let want = dst.len();
                    me.start(buf, move |buf, std| {
                        Operation::Read(buf.read_from(&mut &*std, want))
                    });
                }
                State::Busy(job) => {
                    let (op, mut buf) = ready!(Pin::new(job).poll(cx)).map_err(join_error)?;
                    match op {
                        Operation::Read(res) => {
                            let res = res.map(|_| buf.copy_to(dst));
                            me.state = State::Idle(Some(buf));
                            return Poll::Ready(res);
                        }
                        Operation::Write(Err(e)) => me.last_write_err = Some(e),
                        Operation::Write(Ok(())) => {}
                        Operation::Seek(Ok(pos)) => me.pos = pos,
                        Operation::Seek(Err(_)) => {}
                    }
                    me.state = State::Idle(Some(buf));
                }
            }
        }
    }
}

impl AsyncSeek for File {
    fn start_seek(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        mut pos: SeekFrom,
    ) -> Poll<io::Result<()>> {
        let me = self.get_mut();
        // A seek that failed earlier has nothing left to report here.
        let _ = ready!(me.poll_inflight(cx));
        let back = me.discard_read_ahead();
        if let SeekFrom::Current(offset) = &mut pos {
            *offset += back;
        }
        let buf = me.take_buf();
        me.start(buf, move |_, std| Operation::Seek((&*std).seek(pos)));
        Poll::Ready(Ok(()))
    }

    fn poll_complete(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        let me = self.get_mut();
        loop {
            if let State::Idle(_) = me.state {
                return Poll::Ready(Ok(me.pos));
            }
            if let Some(pos) = ready!(me.poll_inflight(cx))? {
                return Poll::Ready(Ok(pos));
            }
        }
    }
}

impl AsyncWrite for File {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        src: &[u8],
    ) -> Poll<io::Result<usize>> {
        let me = self.get_mut();
        if let Some(e) = me.last_write_err.take() {
            return Poll::Ready(Err(e));
        }
        // A failed seek in flight is reported to its `poll_complete`, not here.
        let _ = ready!(me.poll_inflight(cx));
        if let Some(e) = me.last_write_err.take() {
            return Poll::Ready(Err(e));
        }
        let back = me.discard_read_ahead();
        let mut buf = me.take_buf();
        let n = buf.copy_from(src);
        me.start(buf, move |buf, std| {
            let mut std = std;
            let res = if back != 0 {
                std.seek(SeekFrom::Current(back))
                    .and_then(|_| buf.write_to(&mut std))
            } else {
                buf.write_to(&mut std)
            };
            Operation::Write(res)
        });
        Poll::Ready(Ok(n))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let me = self.get_mut();
        let _ = ready!(me.poll_inflight(cx));
        match me.last_write_err.take() {
            Some(e) => Poll::Ready(Err(e)),
            None => Poll::Ready(Ok(())),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.poll_flush(cx)
    }
}

impl From<std::fs::File> for File {
    fn from(std: std::fs::File) -> Self {
        File::from_std(std)
    }
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("tokio::fs::File")
            .field("std", &self.std)
            .finish()
    }
}

#[cfg(unix)]
impl std::os::unix::io::AsRawFd for File {
    fn as_raw_fd(&self) -> std::os::unix::io::RawFd {
        self.std.as_raw_fd()
    }
}

#[cfg(windows)]
impl std::os::windows::io::AsRawHandle for File {
    fn as_raw_handle(&self) -> std::os::windows::io::RawHandle {
        self.std.as_raw_handle()
    }
}
