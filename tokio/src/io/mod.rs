//! Asynchronous I/O: the traits, and with `io-util` their extension traits and utilities.
//!
//! Paths and feature gates are those of tokio 0.2.25's `tokio::io`:
//! - always: [`AsyncRead`], [`AsyncWrite`], [`AsyncBufRead`], [`AsyncSeek`] and std's
//!   [`Error`], [`ErrorKind`], [`Result`], [`SeekFrom`];
//! - `io-util`: the `*Ext` traits, `copy`, `split`, `duplex`, the buffered wrappers and
//!   the in-memory readers and writers (with `stream` too: `stream_reader` and
//!   `reader_stream`);
//! - `io-std`: `stdin`, `stdout`, `stderr`;
//! - `io-driver`: `PollEvented`, `Registration`.
//!
//! ```
//! # #[cfg(feature = "io-util")]
//! # futures::executor::block_on(async {
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//!
//! let (mut a, mut b) = tokio::io::duplex(64);
//! a.write_all(b"hello").await?;
//! let mut buf = [0u8; 5];
//! b.read_exact(&mut buf).await?;
//! assert_eq!(&buf, b"hello");
//! # Ok::<_, tokio::io::Error>(())
//! # }).unwrap();
//! ```

pub use std::io::{Error, ErrorKind, Result, SeekFrom};
pub use tokio_io::{AsyncBufRead, AsyncRead, AsyncSeek, AsyncWrite};

#[cfg(any(feature = "io-std", feature = "fs"))]
pub(crate) mod blocking;

cfg_io_std! {
    mod stdio;
    pub use self::stdio::{stderr, stdin, stdout, Stderr, Stdin, Stdout};
}

cfg_io_driver! {
    // Driver level: readiness-based wrappers for any mio source. `Ready` stands in for mio
    // 0.6's readiness set (mio 1 has none); `Interest` is mio 1's.
    pub use tokio_net::driver::{Interest, PollEvented, Ready, Registration};
}

cfg_io_util! {
    pub use tokio_io::{AsyncBufReadExt, AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
    pub use tokio_io::{copy, duplex, empty, repeat, sink, split};
    pub use tokio_io::{BufReader, BufStream, BufWriter, Copy, DuplexStream, Empty, Lines};
    pub use tokio_io::{ReadHalf, Repeat, Sink, Split, Take, WriteHalf};
    pub use tokio_io::future::Seek;
}

cfg_io_util! {
    cfg_stream! {
        pub use tokio_io::{reader_stream, stream_reader, ReaderStream, StreamReader};
    }
}
