use crate::future::*;
use crate::util::{Chain, Take};
use crate::AsyncRead;
use bytes::BufMut;

/// Declares the integer readers of [`AsyncReadExt`], each with its doc and example.
macro_rules! read_int_methods {
    ($($method:ident => $fut:ident, $ty:ty, $order:literal;)*) => {$(
        #[doc = concat!(
            "Reads a `", stringify!($ty), "` in ", $order, " byte order; end of stream first ",
            "is an `UnexpectedEof` error.\n\n",
            "```\nuse tokio_io::AsyncReadExt;\n\n# futures::executor::block_on(async {\n",
            "let value: ", stringify!($ty), " = 42;\n",
            "let bytes = if \"", $order, "\" == \"big-endian\" { value.to_be_bytes() } else { value.to_le_bytes() };\n",
            "let mut reader: &[u8] = &bytes;\n",
            "assert_eq!(reader.", stringify!($method), "().await.unwrap(), 42);\n# });\n```"
        )]
        fn $method(&mut self) -> $fut<&mut Self>
        where
            Self: Unpin,
        {
            $fut::new(self)
        }
    )*};
}

/// Methods on every [`AsyncRead`].
///
/// ```
/// use tokio_io::AsyncReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = &[0, 1, b'h', b'i'];
/// let len = reader.read_u16().await.unwrap();
/// let mut body = String::new();
/// reader.take(u64::from(len) + 1).read_to_string(&mut body).await.unwrap();
/// assert_eq!(body, "hi");
/// # });
/// ```
pub trait AsyncReadExt: AsyncRead {
    /// Reads `self` to its end, then `next`.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let head: &[u8] = b"head ";
    /// let tail: &[u8] = b"tail";
    /// let mut all = String::new();
    /// head.chain(tail).read_to_string(&mut all).await.unwrap();
    /// assert_eq!(all, "head tail");
    /// # });
    /// ```
    fn chain<R: AsyncRead>(self, next: R) -> Chain<Self, R>
    where
        Self: Sized,
    {
        Chain::new(self, next)
    }

    /// Reads once into `buf` and yields how many bytes were read; 0 means end of stream
    /// (when `buf` is not empty).
    ///
    /// Cancellation-safe.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"xyz";
    /// let mut buf = [0u8; 8];
    /// let n = reader.read(&mut buf).await.unwrap();
    /// assert_eq!(&buf[..n], b"xyz");
    /// # });
    /// ```
    fn read<'a>(&'a mut self, buf: &'a mut [u8]) -> Read<'a, Self>
    where
        Self: Unpin,
    {
        Read::new(self, buf)
    }

    /// Reads once into a [`BufMut`], advancing it, and yields how many bytes were read.
    ///
    /// Cancellation-safe.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"xyz";
    /// let mut buf = bytes::BytesMut::with_capacity(8);
    /// reader.read_buf(&mut buf).await.unwrap();
    /// assert_eq!(&buf[..], b"xyz");
    /// # });
    /// ```
    fn read_buf<'a, B: BufMut>(&'a mut self, buf: &'a mut B) -> ReadBuf<'a, Self, B>
    where
        Self: Sized + Unpin,
    {
        ReadBuf::new(self, buf)
    }

    /// Reads exactly `buf.len()` bytes; end of stream first is an `UnexpectedEof` error.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"abcdef";
    /// let mut buf = [0u8; 4];
    /// assert_eq!(reader.read_exact(&mut buf).await.unwrap(), 4);
    /// assert_eq!(&buf, b"abcd");
    /// # });
    /// ```
    fn read_exact<'a>(&'a mut self, buf: &'a mut [u8]) -> ReadExact<'a, Self>
    where
        Self: Unpin,
    {
        ReadExact::new(self, buf)
    }

    read_int_methods! {
        read_u8 => ReadU8, u8, "big-endian";
        read_i8 => ReadI8, i8, "big-endian";
        read_u16 => ReadU16, u16, "big-endian";
        read_i16 => ReadI16, i16, "big-endian";
        read_u32 => ReadU32, u32, "big-endian";
        read_i32 => ReadI32, i32, "big-endian";
        read_u64 => ReadU64, u64, "big-endian";
        read_i64 => ReadI64, i64, "big-endian";
        read_u128 => ReadU128, u128, "big-endian";
        read_i128 => ReadI128, i128, "big-endian";
        read_u16_le => ReadU16Le, u16, "little-endian";
        read_i16_le => ReadI16Le, i16, "little-endian";
        read_u32_le => ReadU32Le, u32, "little-endian";
        read_i32_le => ReadI32Le, i32, "little-endian";
        read_u64_le => ReadU64Le, u64, "little-endian";
        read_i64_le => ReadI64Le, i64, "little-endian";
        read_u128_le => ReadU128Le, u128, "little-endian";
        read_i128_le => ReadI128Le, i128, "little-endian";
    }

    /// Appends everything up to end of stream to `buf` and yields how many bytes were
    /// appended.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"all of it";
    /// let mut out = Vec::new();
    /// assert_eq!(reader.read_to_end(&mut out).await.unwrap(), 9);
    /// # });
    /// ```
    fn read_to_end<'a>(&'a mut self, buf: &'a mut Vec<u8>) -> ReadToEnd<'a, Self>
    where
        Self: Unpin,
    {
        ReadToEnd::new(self, buf)
    }

    /// Appends everything up to end of stream to `dst`; on invalid UTF-8 it fails with
    /// `InvalidData` and leaves `dst` as it was.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = "héllo".as_bytes();
    /// let mut out = String::new();
    /// reader.read_to_string(&mut out).await.unwrap();
    /// assert_eq!(out, "héllo");
    /// # });
    /// ```
    fn read_to_string<'a>(&'a mut self, dst: &'a mut String) -> ReadToString<'a, Self>
    where
        Self: Unpin,
    {
        ReadToString::new(self, dst)
    }

    /// Limits the reader to at most `limit` bytes.
    ///
    /// ```
    /// use tokio_io::AsyncReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let reader: &[u8] = b"0123456789";
    /// let mut out = Vec::new();
    /// reader.take(3).read_to_end(&mut out).await.unwrap();
    /// assert_eq!(out, b"012");
    /// # });
    /// ```
    fn take(self, limit: u64) -> Take<Self>
    where
        Self: Sized,
    {
        Take::new(self, limit)
    }
}

impl<R: AsyncRead + ?Sized> AsyncReadExt for R {}
