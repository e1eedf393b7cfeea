use crate::AsyncSeek;
use std::future::Future;
use std::io::{self, SeekFrom};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// The future of [`AsyncSeekExt::seek`](crate::AsyncSeekExt::seek): starts the seek, then
/// waits for it and yields the new offset from the start of the stream.
///
/// ```
/// use std::io::SeekFrom;
/// use tokio_io::AsyncSeekExt;
///
/// # futures::executor::block_on(async {
/// let mut cursor = std::io::Cursor::new(vec![0u8; 8]);
/// assert_eq!(cursor.seek(SeekFrom::Current(5)).await.unwrap(), 5);
/// # });
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Seek<'a, S: ?Sized> {
    seek: &'a mut S,
    /// `Some` until `start_seek` has accepted the position.
    pos: Option<SeekFrom>,
}

impl<'a, S: ?Sized> Seek<'a, S> {
    pub(crate) fn new(seek: &'a mut S, pos: SeekFrom) -> Self {
        Seek {
            seek,
            pos: Some(pos),
        }
    }
}

impl<S: AsyncSeek + Unpin + ?Sized> Future for Seek<'_, S> {
    type Output = io::Result<u64>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        let me = self.get_mut();
        if let Some(pos) = me.pos {
            ready!(Pin::new(&mut *me.seek).start_seek(cx, pos))?;
            me.pos = None;
        }
        Pin::new(&mut *me.seek).poll_complete(cx)
    }
}
