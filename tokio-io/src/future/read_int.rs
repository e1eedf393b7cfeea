//! The futures of the integer readers (`read_u8` ... `read_i128_le`).
use crate::future::read::eof_kind;
use crate::AsyncRead;
use std::future::Future;
use std::io;
use std::mem::size_of;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

macro_rules! int_reader {
    ($($name:ident => $ty:ty, $from:ident, $method:ident;)*) => {$(
        #[doc = concat!(
            "The future of [`AsyncReadExt::", stringify!($method),
            "`](crate::AsyncReadExt::", stringify!($method), "): reads a `",
            stringify!($ty), "`; end of stream first is an `UnexpectedEof` error.\n\n",
            "Not cancellation-safe: bytes already read are lost if it is dropped.\n\n",
            "```\nuse tokio_io::AsyncReadExt;\n\n# futures::executor::block_on(async {\n",
            "let bytes = [0u8; 16];\nlet mut reader: &[u8] = &bytes;\n",
            "assert_eq!(reader.", stringify!($method), "().await.unwrap(), 0);\n# });\n```"
        )]
        #[derive(Debug)]
        #[must_use = "futures do nothing unless you `.await` or poll them"]
        pub struct $name<R> {
            src: R,
            buf: [u8; size_of::<$ty>()],
            filled: usize,
        }

        impl<R> $name<R> {
            pub(crate) fn new(src: R) -> Self {
                $name { src, buf: [0; size_of::<$ty>()], filled: 0 }
            }
        }

        impl<R: AsyncRead + Unpin> Future for $name<R> {
            type Output = io::Result<$ty>;

            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<$ty>> {
                let me = self.get_mut();
                while me.filled < me.buf.len() {
                    let n = ready!(Pin::new(&mut me.src).poll_read(cx, &mut me.buf[me.filled..]))?;
                    if n == 0 {
                        return Poll::Ready(Err(eof_kind()));
                    }
                    me.filled += n;
                }
                Poll::Ready(Ok(<$ty>::$from(me.buf)))
            }
        }
    )*};
}

int_reader! {
    ReadU8 => u8, from_be_bytes, read_u8;
    ReadI8 => i8, from_be_bytes, read_i8;
    ReadU16 => u16, from_be_bytes, read_u16;
    ReadI16 => i16, from_be_bytes, read_i16;
    ReadU32 => u32, from_be_bytes, read_u32;
    ReadI32 => i32, from_be_bytes, read_i32;
    ReadU64 => u64, from_be_bytes, read_u64;
    ReadI64 => i64, from_be_bytes, read_i64;
    ReadU128 => u128, from_be_bytes, read_u128;
    ReadI128 => i128, from_be_bytes, read_i128;
    ReadU16Le => u16, from_le_bytes, read_u16_le;
    ReadI16Le => i16, from_le_bytes, read_i16_le;
    ReadU32Le => u32, from_le_bytes, read_u32_le;
    ReadI32Le => i32, from_le_bytes, read_i32_le;
    ReadU64Le => u64, from_le_bytes, read_u64_le;
    ReadI64Le => i64, from_le_bytes, read_i64_le;
    ReadU128Le => u128, from_le_bytes, read_u128_le;
    ReadI128Le => i128, from_le_bytes, read_i128_le;
}
