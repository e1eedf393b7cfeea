//! Asynchronous I/O: the traits, and with `io-util` their extension traits and utilities.

pub use std::io::{Error, ErrorKind, Result, SeekFrom};
pub use tokio_io::{AsyncBufRead, AsyncRead, AsyncSeek, AsyncWrite};
