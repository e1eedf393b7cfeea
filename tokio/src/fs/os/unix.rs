//! Unix-only filesystem functions and extension traits.
use crate::fs::{asyncify, DirBuilder, DirEntry, OpenOptions};
use std::io;
use std::path::Path;

/// Creates a symbolic link `dst` pointing at `src`.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let link = std::env::temp_dir().join(format!("tokio-doc-symlink-{}", std::process::id()));
/// tokio::fs::os::unix::symlink("/", &link).await.unwrap();
/// assert_eq!(tokio::fs::read_link(&link).await.unwrap(), std::path::Path::new("/"));
/// # tokio::fs::remove_file(&link).await.unwrap();
/// # });
/// ```
pub async fn symlink(src: impl AsRef<Path>, dst: impl AsRef<Path>) -> io::Result<()> {
    let (src, dst) = (src.as_ref().to_owned(), dst.as_ref().to_owned());
    asyncify(move || std::os::unix::fs::symlink(src, dst)).await
}

/// Unix options of [`OpenOptions`].
///
/// ```
/// use tokio::fs::os::unix::OpenOptionsExt;
///
/// let mut options = tokio::fs::OpenOptions::new();
/// options.write(true).create(true).mode(0o600);
/// ```
pub trait OpenOptionsExt {
    /// Sets the mode bits a newly created file gets (before the umask).
    ///
    /// ```
    /// use tokio::fs::os::unix::OpenOptionsExt;
    ///
    /// tokio::fs::OpenOptions::new().mode(0o644);
    /// ```
    fn mode(&mut self, mode: u32) -> &mut Self;

    /// Passes extra `open(2)` flags.
    ///
    /// ```
    /// use tokio::fs::os::unix::OpenOptionsExt;
    ///
    /// tokio::fs::OpenOptions::new().custom_flags(0);
    /// ```
    fn custom_flags(&mut self, flags: i32) -> &mut Self;
}

impl OpenOptionsExt for OpenOptions {
    fn mode(&mut self, mode: u32) -> &mut Self {
        std::os::unix::fs::OpenOptionsExt::mode(self.as_inner_mut(), mode);
        self
    }

    fn custom_flags(&mut self, flags: i32) -> &mut Self {
        std::os::unix::fs::OpenOptionsExt::custom_flags(self.as_inner_mut(), flags);
        self
    }
}

/// Unix options of [`DirBuilder`].
///
/// ```
/// use tokio::fs::os::unix::DirBuilderExt;
///
/// let mut builder = tokio::fs::DirBuilder::new();
/// builder.mode(0o700);
/// ```
pub trait DirBuilderExt {
    /// Sets the mode bits of created directories (before the umask).
    ///
    /// ```
    /// use tokio::fs::os::unix::DirBuilderExt;
    ///
    /// tokio::fs::DirBuilder::new().mode(0o755);
    /// ```
    fn mode(&mut self, mode: u32) -> &mut Self;
}

impl DirBuilderExt for DirBuilder {
    fn mode(&mut self, mode: u32) -> &mut Self {
        self.mode = Some(mode);
        self
    }
}

/// Unix information of a [`DirEntry`].
///
/// ```
/// use tokio::fs::os::unix::DirEntryExt;
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut entries = tokio::fs::read_dir(".").await.unwrap();
/// let entry = entries.next_entry().await.unwrap().unwrap();
/// let _inode = entry.ino();
/// # });
/// ```
pub trait DirEntryExt {
    /// Returns the entry's inode number.
    ///
    /// ```
    /// use tokio::fs::os::unix::DirEntryExt;
    ///
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let mut entries = tokio::fs::read_dir(".").await.unwrap();
    /// assert!(entries.next_entry().await.unwrap().unwrap().ino() > 0);
    /// # });
    /// ```
    fn ino(&self) -> u64;
}

impl DirEntryExt for DirEntry {
    fn ino(&self) -> u64 {
        std::os::unix::fs::DirEntryExt::ino(self.as_inner())
    }
}
