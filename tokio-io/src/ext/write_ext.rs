use crate::future::*;
use crate::AsyncWrite;
use bytes::Buf;

/// Declares the integer writers of [`AsyncWriteExt`], each with its doc and example.
macro_rules! write_int_methods {
    ($($method:ident => $fut:ident, $ty:ty, $to:ident, $order:literal;)*) => {$(
        #[doc = concat!(
            "Writes a `", stringify!($ty), "` in ", $order, " byte order; a writer that ",
            "accepts nothing is a `WriteZero` error.\n\n",
            "```\nuse tokio_io::AsyncWriteExt;\n\n# futures::executor::block_on(async {\n",
            "let mut out = Vec::new();\n",
            "out.", stringify!($method), "(42).await.unwrap();\n",
            "assert_eq!(out, (42 as ", stringify!($ty), ").", stringify!($to), "());\n# });\n```"
        )]
        fn $method(&mut self, n: $ty) -> $fut<&mut Self>
        where
            Self: Unpin,
        {
            $fut::new(self, n)
        }
    )*};
}

/// Methods on every [`AsyncWrite`].
///
/// ```
/// use tokio_io::AsyncWriteExt;
///
/// # futures::executor::block_on(async {
/// let mut out = Vec::new();
/// out.write_u16(2).await.unwrap();
/// out.write_all(b"hi").await.unwrap();
/// out.flush().await.unwrap();
/// assert_eq!(out, [0, 2, b'h', b'i']);
/// # });
/// ```
pub trait AsyncWriteExt: AsyncWrite {
    /// Writes once from `src` and yields how many bytes were accepted.
    ///
    /// Cancellation-safe.
    ///
    /// ```
    /// use tokio_io::AsyncWriteExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut out = Vec::new();
    /// assert_eq!(out.write(b"abc").await.unwrap(), 3);
    /// # });
    /// ```
    fn write<'a>(&'a mut self, src: &'a [u8]) -> Write<'a, Self>
    where
        Self: Unpin,
    {
        Write::new(self, src)
    }

    /// Writes once from a [`Buf`], advancing it, and yields how many bytes were accepted.
    ///
    /// Cancellation-safe.
    ///
    /// ```
    /// use tokio_io::AsyncWriteExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut out = Vec::new();
    /// let mut src = bytes::Bytes::from_static(b"abc");
    /// out.write_buf(&mut src).await.unwrap();
    /// assert!(src.is_empty());
    /// # });
    /// ```
    fn write_buf<'a, B: Buf>(&'a mut self, src: &'a mut B) -> WriteBuf<'a, Self, B>
    where
        Self: Sized + Unpin,
    {
        WriteBuf::new(self, src)
    }

    /// Writes all of `src`; a writer that accepts nothing is a `WriteZero` error.
    ///
    /// ```
    /// use tokio_io::AsyncWriteExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut out = Vec::new();
    /// out.write_all(b"everything").await.unwrap();
    /// assert_eq!(out, b"everything");
    /// # });
    /// ```
    fn write_all<'a>(&'a mut self, src: &'a [u8]) -> WriteAll<'a, Self>
    where
        Self: Unpin,
    {
        WriteAll::new(self, src)
    }

    write_int_methods! {
        write_u8 => WriteU8, u8, to_be_bytes, "big-endian";
        write_i8 => WriteI8, i8, to_be_bytes, "big-endian";
        write_u16 => WriteU16, u16, to_be_bytes, "big-endian";
        write_i16 => WriteI16, i16, to_be_bytes, "big-endian";
        write_u32 => WriteU32, u32, to_be_bytes, "big-endian";
        write_i32 => WriteI32, i32, to_be_bytes, "big-endian";
        write_u64 => WriteU64, u64, to_be_bytes, "big-endian";
        write_i64 => WriteI64, i64, to_be_bytes, "big-endian";
        write_u128 => WriteU128, u128, to_be_bytes, "big-endian";
        write_i128 => WriteI128, i128, to_be_bytes, "big-endian";
        write_u16_le => WriteU16Le, u16, to_le_bytes, "little-endian";
        write_i16_le => WriteI16Le, i16, to_le_bytes, "little-endian";
        write_u32_le => WriteU32Le, u32, to_le_bytes, "little-endian";
        write_i32_le => WriteI32Le, i32, to_le_bytes, "little-endian";
        write_u64_le => WriteU64Le, u64, to_le_bytes, "little-endian";
        write_i64_le => WriteI64Le, i64, to_le_bytes, "little-endian";
        write_u128_le => WriteU128Le, u128, to_le_bytes, "little-endian";
        write_i128_le => WriteI128Le, i128, to_le_bytes, "little-endian";
    }

    /// Flushes buffered data to the underlying sink.
    ///
    /// ```
    /// use tokio_io::{AsyncWriteExt, BufWriter};
    ///
    /// # futures::executor::block_on(async {
    /// let mut writer = BufWriter::new(Vec::new());
    /// writer.write_all(b"buffered").await.unwrap();
    /// assert!(writer.get_ref().is_empty());
    /// writer.flush().await.unwrap();
    /// assert_eq!(writer.get_ref(), b"buffered");
    /// # });
    /// ```
    fn flush(&mut self) -> Flush<'_, Self>
    where
        Self: Unpin,
    {
        Flush::new(self)
    }

    /// Shuts down the write direction, flushing first where the writer buffers.
    ///
    /// ```
    /// use tokio_io::{AsyncWriteExt, BufWriter};
    ///
    /// # futures::executor::block_on(async {
    /// let mut writer = BufWriter::new(Vec::new());
    /// writer.write_all(b"bye").await.unwrap();
    /// writer.shutdown().await.unwrap();
    /// assert_eq!(writer.get_ref(), b"bye");
    /// # });
    /// ```
    fn shutdown(&mut self) -> Shutdown<'_, Self>
    where
        Self: Unpin,
    {
        Shutdown::new(self)
    }
}

impl<W: AsyncWrite + ?Sized> AsyncWriteExt for W {}
