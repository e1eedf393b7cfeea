//! The asynchronous I/O traits of the tokio 0.2 API and their utilities.
//!
//! [`AsyncRead`], [`AsyncWrite`], [`AsyncBufRead`] and [`AsyncSeek`] are what every socket,
//! buffer and test mock of the workspace speaks. This crate has no runtime: everything here
//! works under any executor.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

mod async_buf_read;
mod async_read;
mod async_seek;
mod async_write;

pub use self::async_buf_read::AsyncBufRead;
pub use self::async_read::AsyncRead;
pub use self::async_seek::AsyncSeek;
pub use self::async_write::AsyncWrite;
