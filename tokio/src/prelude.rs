//! The items a tokio 0.2 program brings in with `use tokio::prelude::*`: the I/O traits and,
//! with `io-util`, their extension traits (imported anonymously so their methods are in
//! scope without their names).
//!
//! ```ignore
//! use tokio::prelude::*;
//!
//! # tokio_test::block_on(async {
//! let mut reader: &[u8] = b"hello";
//! let mut buf = [0u8; 5];
//! reader.read_exact(&mut buf).await.unwrap();
//! assert_eq!(&buf, b"hello");
//! # });
//! ```

pub use crate::io::{self, AsyncBufRead, AsyncRead, AsyncWrite};

cfg_io_util! {
    #[doc(no_inline)]
    pub use crate::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncSeekExt as _, AsyncWriteExt as _};
}
