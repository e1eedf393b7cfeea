use super::asyncify;
use std::io;
use std::path::Path;

/// Builds directories with options (recursive creation, and on unix the mode); `create`
/// runs on the blocking pool.
///
/// ```
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let root = std::env::temp_dir().join(format!("tokio-doc-dirbuilder-{}", std::process::id()));
/// tokio::fs::DirBuilder::new().recursive(true).create(root.join("x/y")).await?;
/// # tokio::fs::remove_dir_all(&root).await?;
/// # Ok::<_, std::io::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug, Default)]
pub struct DirBuilder {
    recursive: bool,
    #[cfg(unix)]
    pub(super) mode: Option<u32>,
}

impl DirBuilder {
    /// Creates a builder with default options (not recursive).
    ///
    /// ```
    /// let _builder = tokio::fs::DirBuilder::new();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether missing parents are created too.
    ///
    /// ```
    /// tokio::fs::DirBuilder::new().recursive(true);
    /// ```
    pub fn recursive(&mut self, recursive: bool) -> &mut Self {
        self.recursive = recursive;
        self
    }

    /// Creates the directory `path` with these options.
    ///
    /// ```
    /// # let rt = tokio::runtime::Runtime::new().unwrap();
    /// # rt.block_on(async {
    /// let err = tokio::fs::DirBuilder::new().create("/no/such/parent/dir").await.unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    /// # });
    /// ```
    pub async fn create(&self, path: impl AsRef<Path>) -> io::Result<()> {
        let path = path.as_ref().to_owned();
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(self.recursive);
        #[cfg(unix)]
        set_mode(&mut builder, self.mode);
        asyncify(move || builder.create(path)).await
    }
}

#[cfg(unix)]
fn set_mode(builder: &mut std::fs::DirBuilder, mode: Option<u32>) {
    use std::os::unix::fs::DirBuilderExt;
    if let Some(mode) = mode {
        builder.mode(mode);
    }
}
