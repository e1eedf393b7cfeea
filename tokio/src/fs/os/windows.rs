//! Windows-only filesystem functions.
use crate::fs::asyncify;
use std::io;
use std::path::Path;

/// Creates a directory symbolic link `dst` pointing at `src`.
///
/// ```no_run
/// # async fn f() -> std::io::Result<()> {
/// tokio::fs::os::windows::symlink_dir("C:\\target", "C:\\link").await?;
/// # Ok(())
/// # }
/// ```
pub async fn symlink_dir(src: impl AsRef<Path>, dst: impl AsRef<Path>) -> io::Result<()> {
    let (src, dst) = (src.as_ref().to_owned(), dst.as_ref().to_owned());
    asyncify(move || std::os::windows::fs::symlink_dir(src, dst)).await
}

/// Creates a file symbolic link `dst` pointing at `src`.
///
/// ```no_run
/// # async fn f() -> std::io::Result<()> {
/// tokio::fs::os::windows::symlink_file("C:\\target.txt", "C:\\link.txt").await?;
/// # Ok(())
/// # }
/// ```
pub async fn symlink_file(src: impl AsRef<Path>, dst: impl AsRef<Path>) -> io::Result<()> {
    let (src, dst) = (src.as_ref().to_owned(), dst.as_ref().to_owned());
    asyncify(move || std::os::windows::fs::symlink_file(src, dst)).await
}
