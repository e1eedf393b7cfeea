//! The asynchronous I/O traits of the tokio 0.2 API and their utilities.
//!
//! [`AsyncRead`], [`AsyncWrite`], [`AsyncBufRead`] and [`AsyncSeek`] are what every socket,
//! buffer and test mock of the workspace speaks. This crate has no runtime: everything here
//! works under any executor.
//!
//! - The extension traits ([`AsyncReadExt`], [`AsyncWriteExt`], [`AsyncBufReadExt`],
//!   [`AsyncSeekExt`]) return named futures from [`future`], each `Unpin` when the reader
//!   or writer it borrows is.
//! - The utilities ([`copy`], [`split`], [`BufReader`], [`BufWriter`], [`BufStream`],
//!   [`duplex`], [`empty`], [`repeat`], [`sink`], [`stream_reader`], [`reader_stream`])
//!   resume correctly after `Pending` and partial reads or writes at every step.
//!
//! ```
//! use tokio_io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
//!
//! # futures::executor::block_on(async {
//! let (mut client, server) = tokio_io::duplex(1024);
//! client.write_all(b"hello\nworld\n").await.unwrap();
//! drop(client);
//! let mut lines = BufReader::new(server).lines();
//! while let Some(line) = lines.next_line().await.unwrap() {
//!     assert!(line == "hello" || line == "world");
//! }
//! # });
//! ```
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod async_buf_read;
mod async_read;
mod async_seek;
mod async_write;
mod errors;
mod ext;
pub mod future;
mod loom;
mod util;

pub use self::async_buf_read::AsyncBufRead;
pub use self::async_read::AsyncRead;
pub use self::async_seek::AsyncSeek;
pub use self::async_write::AsyncWrite;
pub use self::ext::{AsyncBufReadExt, AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
pub use self::util::{
    copy, duplex, empty, reader_stream, repeat, sink, split, stream_reader, BufReader, BufStream,
    BufWriter, Chain, Copy, DuplexStream, Empty, Lines, ReadHalf, ReaderStream, Repeat, Sink,
    Split, StreamReader, Take, WriteHalf,
};
