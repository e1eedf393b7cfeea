//! `stdin`, `stdout` and `stderr`: the process's standard streams, read and written on the
//! blocking pool (see `blocking.rs`), so they need a runtime.
use crate::io::blocking::Blocking;
use crate::io::{AsyncRead, AsyncWrite};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The standard input of the process, read on the blocking pool; see [`stdin`].
///
/// ```no_run
/// use tokio::io::AsyncBufReadExt;
///
/// # async fn f() -> std::io::Result<()> {
/// let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
/// while let Some(line) = lines.next_line().await? {
///     println!("got {line}");
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Stdin {
    std: Blocking<io::Stdin>,
}

/// The standard output of the process, written on the blocking pool; see [`stdout`].
///
/// ```
/// use tokio::io::AsyncWriteExt;
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut out = tokio::io::stdout();
/// out.write_all(b"hello\n").await.unwrap();
/// out.flush().await.unwrap();
/// # });
/// ```
#[derive(Debug)]
pub struct Stdout {
    std: Blocking<io::Stdout>,
}

/// The standard error of the process, written on the blocking pool; see [`stderr`].
///
/// ```
/// use tokio::io::AsyncWriteExt;
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// let mut err = tokio::io::stderr();
/// err.write_all(b"warning\n").await.unwrap();
/// err.flush().await.unwrap();
/// # });
/// ```
#[derive(Debug)]
pub struct Stderr {
    std: Blocking<io::Stderr>,
}

/// Returns a handle to the process's standard input.
///
/// Each read runs on the blocking pool; a read that waits for input occupies one pool
/// thread until input arrives, even if the read future is dropped.
///
/// # Panics
///
/// Reading panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
///
/// ```no_run
/// use tokio::io::AsyncReadExt;
///
/// # async fn f() -> std::io::Result<()> {
/// let mut input = String::new();
/// tokio::io::stdin().read_to_string(&mut input).await?;
/// # Ok(())
/// # }
/// ```
pub fn stdin() -> Stdin {
    Stdin {
        std: Blocking::new(io::stdin()),
    }
}

/// Returns a handle to the process's standard output.
///
/// Writes are handed to the blocking pool and reported as done at once; call `flush` to
/// wait until they reached the stream (and to see their errors).
///
/// # Panics
///
/// Writing panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
///
/// ```
/// use tokio::io::AsyncWriteExt;
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// tokio::io::stdout().write_all(b"done\n").await.unwrap();
/// # });
/// ```
pub fn stdout() -> Stdout {
    Stdout {
        std: Blocking::new(io::stdout()),
    }
}

/// Returns a handle to the process's standard error; writes behave as for [`stdout`].
///
/// # Panics
///
/// Writing panics outside a runtime: "not currently running on a Tokio 0.2.x runtime."
///
/// ```
/// use tokio::io::AsyncWriteExt;
///
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// # rt.block_on(async {
/// tokio::io::stderr().write_all(b"oops\n").await.unwrap();
/// # });
/// ```
pub fn stderr() -> Stderr {
    Stderr {
        std: Blocking::new(io::stderr()),
    }
}

impl AsyncRead for Stdin {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().std.poll_read(cx, buf)
    }
}

/// Both writers forward to their `Blocking`; shutdown is a flush.
macro_rules! blocking_writer {
    ($($ty:ident),*) => {$(
        impl AsyncWrite for $ty {
            fn poll_write(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &[u8],
            ) -> Poll<io::Result<usize>> {
                self.get_mut().std.poll_write(cx, buf)
            }

            fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                self.get_mut().std.poll_flush(cx)
            }

            fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                self.get_mut().std.poll_flush(cx)
            }
        }
    )*};
}

blocking_writer!(Stdout, Stderr);

#[cfg(unix)]
mod sys {
    use std::os::unix::io::{AsRawFd, RawFd};

    impl AsRawFd for super::Stdin {
        fn as_raw_fd(&self) -> RawFd {
            std::io::stdin().as_raw_fd()
        }
    }

    impl AsRawFd for super::Stdout {
        fn as_raw_fd(&self) -> RawFd {
            std::io::stdout().as_raw_fd()
        }
    }

    impl AsRawFd for super::Stderr {
        fn as_raw_fd(&self) -> RawFd {
            std::io::stderr().as_raw_fd()
        }
    }
}

#[cfg(windows)]
mod sys {
    use std::os::windows::io::{AsRawHandle, RawHandle};

    impl AsRawHandle for super::Stdin {
        fn as_raw_handle(&self) -> RawHandle {
            std::io::stdin().as_raw_handle()
        }
    }

    impl AsRawHandle for super::Stdout {
        fn as_raw_handle(&self) -> RawHandle {
            std::io::stdout().as_raw_handle()
        }
    }

    impl AsRawHandle for super::Stderr {
        fn as_raw_handle(&self) -> RawHandle {
            std::io::stderr().as_raw_handle()
        }
    }
}
