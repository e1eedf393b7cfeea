//! The utilities: `copy`, `split`, the buffered wrappers, in-memory readers and writers,
//! the `duplex` pipe, and the adapters returned by the extension traits.

mod buf_reader;
mod buf_stream;
mod buf_writer;
mod chain;
mod copy;
mod duplex;
mod empty;
mod lines;
mod memchr;
mod reader_stream;
mod repeat;
mod segments;
mod sink;
mod split;
mod stream_reader;
mod take;

pub use self::buf_reader::BufReader;
pub use self::buf_stream::BufStream;
pub use self::buf_writer::BufWriter;
pub use self::chain::Chain;
pub use self::copy::{copy, Copy};
pub use self::duplex::{duplex, DuplexStream};
pub use self::empty::{empty, Empty};
pub use self::lines::Lines;
pub use self::reader_stream::{reader_stream, ReaderStream};
pub use self::repeat::{repeat, Repeat};
pub use self::segments::Split;
pub use self::sink::{sink, Sink};
pub use self::split::{split, ReadHalf, WriteHalf};
pub use self::stream_reader::{stream_reader, StreamReader};
pub use self::take::Take;

pub(crate) use self::memchr::memchr;

#[cfg(all(test, loom))]
mod tests;
