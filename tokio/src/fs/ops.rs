//! The free functions of `tokio::fs`: each runs its `std::fs` namesake on the blocking
//! pool.
//!
//! Every one of them panics when first polled outside a runtime ("not currently running
//! on a Tokio 0.2.x runtime.").
use super::asyncify;
use std::fs::{Metadata, Permissions};
use std::io;
use std::path::{Path, PathBuf};

/// Returns the canonical, absolute form of `path` with every symlink resolved.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let here = tokio::fs::canonicalize(".").await.unwrap();
/// assert!(here.is_absolute());
/// # });
/// ```
pub async fn canonicalize(path: impl AsRef<Path>) -> io::Result<PathBuf> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::canonicalize(path)).await
}

/// Copies the contents and permissions of `from` to `to` and returns the bytes copied.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir();
/// let (a, b) = (dir.join(format!("tokio-doc-copy-a-{}", std::process::id())), dir.join(format!("tokio-doc-copy-b-{}", std::process::id())));
/// tokio::fs::write(&a, b"abc").await.unwrap();
/// assert_eq!(tokio::fs::copy(&a, &b).await.unwrap(), 3);
/// # tokio::fs::remove_file(&a).await.unwrap();
/// # tokio::fs::remove_file(&b).await.unwrap();
/// # });
/// ```
pub async fn copy(from: impl AsRef<Path>, to: impl AsRef<Path>) -> io::Result<u64> {
    let (from, to) = (from.as_ref().to_owned(), to.as_ref().to_owned());
    asyncify(move || std::fs::copy(from, to)).await
}

/// Creates a directory; its parent must exist.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir().join(format!("tokio-doc-mkdir-{}", std::process::id()));
/// tokio::fs::create_dir(&dir).await.unwrap();
/// # tokio::fs::remove_dir(&dir).await.unwrap();
/// # });
/// ```
pub async fn create_dir(path: impl AsRef<Path>) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::create_dir(path)).await
}

/// Creates a directory and every missing parent.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let root = std::env::temp_dir().join(format!("tokio-doc-mkdirs-{}", std::process::id()));
/// tokio::fs::create_dir_all(root.join("a/b/c")).await.unwrap();
/// # tokio::fs::remove_dir_all(&root).await.unwrap();
/// # });
/// ```
pub async fn create_dir_all(path: impl AsRef<Path>) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::create_dir_all(path)).await
}

/// Creates a hard link `dst` to the file `src`.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir();
/// let (a, b) = (dir.join(format!("tokio-doc-link-a-{}", std::process::id())), dir.join(format!("tokio-doc-link-b-{}", std::process::id())));
/// tokio::fs::write(&a, b"x").await.unwrap();
/// # let _ = tokio::fs::remove_file(&b).await;
/// tokio::fs::hard_link(&a, &b).await.unwrap();
/// # tokio::fs::remove_file(&a).await.unwrap();
/// # tokio::fs::remove_file(&b).await.unwrap();
/// # });
/// ```
pub async fn hard_link(src: impl AsRef<Path>, dst: impl AsRef<Path>) -> io::Result<()> {
    let (src, dst) = (src.as_ref().to_owned(), dst.as_ref().to_owned());
    asyncify(move || std::fs::hard_link(src, dst)).await
}

/// Returns the metadata of `path`, following symlinks.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// assert!(tokio::fs::metadata(".").await.unwrap().is_dir());
/// # });
/// ```
pub async fn metadata(path: impl AsRef<Path>) -> io::Result<Metadata> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::metadata(path)).await
}

/// Reads a whole file into a `Vec<u8>`.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-read-{}", std::process::id()));
/// tokio::fs::write(&path, [1u8, 2, 3]).await.unwrap();
/// assert_eq!(tokio::fs::read(&path).await.unwrap(), [1, 2, 3]);
/// # tokio::fs::remove_file(&path).await.unwrap();
/// # });
/// ```
pub async fn read(path: impl AsRef<Path>) -> io::Result<Vec<u8>> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::read(path)).await
}

/// Reads where the symlink `path` points.
///
/// ```no_run
/// # async fn f() -> std::io::Result<()> {
/// let target = tokio::fs::read_link("/some/symlink").await?;
/// # Ok(())
/// # }
/// ```
pub async fn read_link(path: impl AsRef<Path>) -> io::Result<PathBuf> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::read_link(path)).await
}

/// Reads a whole file into a `String`; invalid UTF-8 is an `InvalidData` error.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-read-string-{}", std::process::id()));
/// tokio::fs::write(&path, "text").await.unwrap();
/// assert_eq!(tokio::fs::read_to_string(&path).await.unwrap(), "text");
/// # tokio::fs::remove_file(&path).await.unwrap();
/// # });
/// ```
pub async fn read_to_string(path: impl AsRef<Path>) -> io::Result<String> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::read_to_string(path)).await
}

/// Removes an empty directory.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir().join(format!("tokio-doc-rmdir-{}", std::process::id()));
/// tokio::fs::create_dir(&dir).await.unwrap();
/// tokio::fs::remove_dir(&dir).await.unwrap();
/// # });
/// ```
pub async fn remove_dir(path: impl AsRef<Path>) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::remove_dir(path)).await
}

/// Removes a directory and everything in it.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir().join(format!("tokio-doc-rmtree-{}", std::process::id()));
/// tokio::fs::create_dir_all(dir.join("inner")).await.unwrap();
/// tokio::fs::remove_dir_all(&dir).await.unwrap();
/// # });
/// ```
pub async fn remove_dir_all(path: impl AsRef<Path>) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::remove_dir_all(path)).await
}

/// Removes a file.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-rm-{}", std::process::id()));
/// tokio::fs::write(&path, b"").await.unwrap();
/// tokio::fs::remove_file(&path).await.unwrap();
/// # });
/// ```
pub async fn remove_file(path: impl AsRef<Path>) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::remove_file(path)).await
}

/// Renames `from` to `to`, replacing `to` if it exists.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let dir = std::env::temp_dir();
/// let (a, b) = (dir.join(format!("tokio-doc-mv-a-{}", std::process::id())), dir.join(format!("tokio-doc-mv-b-{}", std::process::id())));
/// tokio::fs::write(&a, b"x").await.unwrap();
/// tokio::fs::rename(&a, &b).await.unwrap();
/// # tokio::fs::remove_file(&b).await.unwrap();
/// # });
/// ```
pub async fn rename(from: impl AsRef<Path>, to: impl AsRef<Path>) -> io::Result<()> {
    let (from, to) = (from.as_ref().to_owned(), to.as_ref().to_owned());
    asyncify(move || std::fs::rename(from, to)).await
}

/// Sets the permissions of `path`.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-perm-{}", std::process::id()));
/// tokio::fs::write(&path, b"x").await.unwrap();
/// let mut perm = tokio::fs::metadata(&path).await.unwrap().permissions();
/// perm.set_readonly(true);
/// tokio::fs::set_permissions(&path, perm).await.unwrap();
/// # tokio::fs::remove_file(&path).await.unwrap();
/// # });
/// ```
pub async fn set_permissions(path: impl AsRef<Path>, perm: Permissions) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::set_permissions(path, perm)).await
}

/// Returns the metadata of `path` itself, not following a final symlink.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// assert!(tokio::fs::symlink_metadata(".").await.unwrap().is_dir());
/// # });
/// ```
pub async fn symlink_metadata(path: impl AsRef<Path>) -> io::Result<Metadata> {
    let path = path.as_ref().to_owned();
    asyncify(move || std::fs::symlink_metadata(path)).await
}

/// Writes `contents` as the whole content of `path`, creating or truncating it.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let path = std::env::temp_dir().join(format!("tokio-doc-write-{}", std::process::id()));
/// tokio::fs::write(&path, "contents").await.unwrap();
/// # tokio::fs::remove_file(&path).await.unwrap();
/// # });
/// ```
pub async fn write<C: AsRef<[u8]> + Unpin>(path: impl AsRef<Path>, contents: C) -> io::Result<()> {
    let path = path.as_ref().to_owned();
    let contents = contents.as_ref().to_owned();
    asyncify(move || std::fs::write(path, contents)).await
}
