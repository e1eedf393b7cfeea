//! A scripted mock of an I/O object, for testing protocol code without sockets.
//!
//! A [`Builder`] records a script of steps: bytes the code under test will read, bytes it
//! must write, errors to return, and pauses. [`Builder::build`] turns it into a [`Mock`]
//! implementing `AsyncRead` and `AsyncWrite`, which replays the script:
//!
//! - a read copies bytes from the current read step (possibly only part of it, and never
//!   across two read steps); while the next step is a write, reads wait until the write
//!   happens;
//! - a write is compared with the upcoming write steps (read steps in between are
//!   skipped) and panics, showing expected and actual bytes, if they differ;
//! - `wait` pauses reads and writes on a tokio timer (so it needs a runtime with the
//!   timer; a paused clock makes it instant);
//! - once the script is used up, reads return EOF and writes fail with `BrokenPipe`,
//!   unless a [`Handle`] (from [`Builder::build_with_handle`]) is still alive to append
//!   more steps.
//!
//! When a `Mock` is dropped, every scripted read, write and error must have been
//! consumed; otherwise the drop panics (unless the thread is already panicking).
//!
//! ```
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//! use tokio_test::io::Builder;
//!
//! # tokio_test::block_on(async {
//! let mut mock = Builder::new().read(b"ping\n").write(b"pong\n").build();
//! let mut buf = [0u8; 5];
//! mock.read_exact(&mut buf).await.unwrap();
//! assert_eq!(&buf, b"ping\n");
//! mock.write_all(b"pong\n").await.unwrap();
//! # });
//! ```

mod builder;
mod handle;
mod mock;
mod script;
mod sleep;

pub use builder::Builder;
pub use handle::Handle;
pub use mock::Mock;
