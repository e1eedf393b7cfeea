use crate::future::Seek;
use crate::AsyncSeek;
use std::io::SeekFrom;

/// Methods on every [`AsyncSeek`].
///
/// ```
/// use std::io::SeekFrom;
/// use tokio_io::AsyncSeekExt;
///
/// # futures::executor::block_on(async {
/// let mut cursor = std::io::Cursor::new(b"0123456789".to_vec());
/// assert_eq!(cursor.seek(SeekFrom::End(-2)).await.unwrap(), 8);
/// # });
/// ```
pub trait AsyncSeekExt: AsyncSeek {
    /// Seeks to `pos` and yields the new offset from the start of the stream.
    ///
    /// ```
    /// use std::io::SeekFrom;
    /// use tokio_io::{AsyncReadExt, AsyncSeekExt};
    ///
    /// # futures::executor::block_on(async {
    /// let mut cursor = std::io::Cursor::new(b"abcdef".to_vec());
    /// cursor.seek(SeekFrom::Start(3)).await.unwrap();
    /// assert_eq!(cursor.read_u8().await.unwrap(), b'd');
    /// # });
    /// ```
    fn seek(&mut self, pos: SeekFrom) -> Seek<'_, Self>
    where
        Self: Unpin,
    {
        Seek::new(self, pos)
    }
}

impl<S: AsyncSeek + ?Sized> AsyncSeekExt for S {}
