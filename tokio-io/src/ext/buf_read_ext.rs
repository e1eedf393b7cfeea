use crate::future::{ReadLine, ReadUntil};
use crate::util::{Lines, Split};
use crate::AsyncBufRead;

/// Methods on every [`AsyncBufRead`].
///
/// ```
/// use tokio_io::AsyncBufReadExt;
///
/// # futures::executor::block_on(async {
/// let mut reader: &[u8] = b"first\nsecond\n";
/// let mut line = String::new();
/// reader.read_line(&mut line).await.unwrap();
/// assert_eq!(line, "first\n");
/// # });
/// ```
pub trait AsyncBufReadExt: AsyncBufRead {
    /// Appends bytes to `buf` up to and including `byte` (or to end of stream) and yields
    /// how many were appended; 0 means end of stream.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"key=value";
    /// let mut out = Vec::new();
    /// reader.read_until(b'=', &mut out).await.unwrap();
    /// assert_eq!(out, b"key=");
    /// # });
    /// ```
    fn read_until<'a>(&'a mut self, byte: u8, buf: &'a mut Vec<u8>) -> ReadUntil<'a, Self>
    where
        Self: Unpin,
    {
        ReadUntil::new(self, byte, buf)
    }

    /// Appends one line, keeping its `'\n'`, to `buf` and yields how many bytes were
    /// appended; 0 means end of stream. On invalid UTF-8 it fails with `InvalidData` and
    /// leaves `buf` as it was.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let mut reader: &[u8] = b"a\nb";
    /// let mut buf = String::new();
    /// reader.read_line(&mut buf).await.unwrap();
    /// reader.read_line(&mut buf).await.unwrap();
    /// assert_eq!(buf, "a\nb");
    /// assert_eq!(reader.read_line(&mut buf).await.unwrap(), 0);
    /// # });
    /// ```
    fn read_line<'a>(&'a mut self, buf: &'a mut String) -> ReadLine<'a, Self>
    where
        Self: Unpin,
    {
        ReadLine::new(self, buf)
    }

    /// Splits the stream into segments separated by `byte` (the separator is not part of
    /// the segments).
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let reader: &[u8] = b"a,b,,c";
    /// let mut parts = AsyncBufReadExt::split(reader, b',');
    /// let mut seen = Vec::new();
    /// while let Some(part) = parts.next_segment().await.unwrap() {
    ///     seen.push(part);
    /// }
    /// assert_eq!(seen, vec![b"a".to_vec(), b"b".to_vec(), vec![], b"c".to_vec()]);
    /// # });
    /// ```
    fn split(self, byte: u8) -> Split<Self>
    where
        Self: Sized + Unpin,
    {
        Split::new(self, byte)
    }

    /// Turns the reader into a stream of lines, without their `"\n"` or `"\r\n"`.
    ///
    /// ```
    /// use tokio_io::AsyncBufReadExt;
    ///
    /// # futures::executor::block_on(async {
    /// let reader: &[u8] = b"one\r\ntwo\n\nthree";
    /// let mut lines = reader.lines();
    /// let mut seen = Vec::new();
    /// while let Some(line) = lines.next_line().await.unwrap() {
    ///     seen.push(line);
    /// }
    /// assert_eq!(seen, ["one", "two", "", "three"]);
    /// # });
    /// ```
    fn lines(self) -> Lines<Self>
    where
        Self: Sized,
    {
        Lines::new(self)
    }
}

impl<R: AsyncBufRead + ?Sized> AsyncBufReadExt for R {}
