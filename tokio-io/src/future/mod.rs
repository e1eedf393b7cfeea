//! The named futures returned by the extension traits.
//!
//! Each holds only borrows and a little progress state (how much has been read or
//! written), so each is `Unpin` whenever the reader or writer it borrows is, and can be
//! polled by `&mut` inside `select!`. None of them allocates when polled, except the ones
//! that grow a caller's `Vec`/`String` (`ReadToEnd`, `ReadToString`, `ReadUntil`,
//! `ReadLine`).

mod read;
mod read_int;
mod read_to_end;
mod read_until;
mod seek;
mod write;
mod write_int;

pub use self::read::{Read, ReadBuf, ReadExact};
pub use self::read_int::*;
pub use self::read_to_end::{ReadToEnd, ReadToString};
pub use self::read_until::{ReadLine, ReadUntil};
pub use self::seek::Seek;
pub use self::write::{Flush, Shutdown, Write, WriteAll, WriteBuf};
pub use self::write_int::*;

pub(crate) use self::read_until::{finish_utf8, poll_read_until, OnIoError};
pub(crate) use self::write::write_zero;
