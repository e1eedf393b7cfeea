//! The extension traits: `async`-friendly methods on every reader, writer, buffered reader
//! and seeker, each returning a named future from [`crate::future`] (or a wrapper type from
//! [`crate::util`]).

mod buf_read_ext;
mod read_ext;
mod seek_ext;
mod write_ext;

pub use self::buf_read_ext::AsyncBufReadExt;
pub use self::read_ext::AsyncReadExt;
pub use self::seek_ext::AsyncSeekExt;
pub use self::write_ext::AsyncWriteExt;
