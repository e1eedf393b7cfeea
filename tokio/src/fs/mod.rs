//! Asynchronous filesystem access: each operation runs the matching `std::fs` call on the
//! runtime's blocking pool, so everything here needs a runtime.
//!
//! - `ops`: the free functions (`read`, `write`, `copy`, `metadata`, ...);
//! - `file`: [`File`], a handle whose reads, writes and seeks go through the pool;
//! - `open_options`, `dir_builder`, `read_dir`: the builders and the directory iterator;
//! - `os`: the platform extensions (`os::unix::symlink`, `OpenOptionsExt`, ...).
//!
//! ```
//! # let rt = tokio::runtime::Runtime::new().unwrap();
//! # rt.block_on(async {
//! let dir = std::env::temp_dir().join(format!("tokio-fs-doc-{}", std::process::id()));
//! tokio::fs::create_dir_all(&dir).await?;
//! let path = dir.join("hello.txt");
//! tokio::fs::write(&path, b"hello").await?;
//! assert_eq!(tokio::fs::read_to_string(&path).await?, "hello");
//! tokio::fs::remove_dir_all(&dir).await?;
//! # Ok::<_, std::io::Error>(())
//! # }).unwrap();
//! ```

mod dir_builder;
mod file;
mod open_options;
mod ops;
pub mod os;
mod read_dir;

pub use self::dir_builder::DirBuilder;
pub use self::file::File;
pub use self::open_options::OpenOptions;
pub use self::ops::{
    canonicalize, copy, create_dir, create_dir_all, hard_link, metadata, read, read_link,
    read_to_string, remove_dir, remove_dir_all, remove_file, rename, set_permissions,
    symlink_metadata, write,
};
pub use self::read_dir::{read_dir, DirEntry, ReadDir};

use crate::io::blocking::join_error;
use std::io;

/// Runs `f` on the blocking pool and waits for its result.
pub(crate) async fn asyncify<F, T>(f: F) -> io::Result<T>
where
    F: FnOnce() -> io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    match tokio_executor::blocking::spawn_blocking(f).await {
        Ok(res) => res,
        Err(e) => Err(join_error(e)),
    }
}
