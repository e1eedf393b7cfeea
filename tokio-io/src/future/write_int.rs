//! The futures of the integer writers (`write_u8` ... `write_i128_le`).
use crate::future::write::write_zero_kind;
use crate::AsyncWrite;
use std::future::Future;
use std::io;
use std::mem::size_of;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

macro_rules! int_writer {
    ($($name:ident => $ty:ty, $to:ident, $method:ident;)*) => {$(
        #[doc = concat!(
            "The future of [`AsyncWriteExt::", stringify!($method),
            "`](crate::AsyncWriteExt::", stringify!($method), "): writes a `",
            stringify!($ty), "`; a writer that accepts nothing is a `WriteZero` error.\n\n",
            "Not cancellation-safe: part of the integer may have been written if it is dropped.\n\n",
            "```\nuse tokio_io::AsyncWriteExt;\n\n# futures::executor::block_on(async {\n",
            "let mut out = Vec::new();\n",
            "out.", stringify!($method), "(1).await.unwrap();\n",
            "assert_eq!(out.len(), ", stringify!(std::mem::size_of::<$ty>()), ");\n# });\n```"
        )]
        #[derive(Debug)]
        #[must_use = "futures do nothing unless you `.await` or poll them"]
        pub struct $name<W> {
            dst: W,
            buf: [u8; size_of::<$ty>()],
            written: usize,
        }

        impl<W> $name<W> {
            pub(crate) fn new(dst: W, n: $ty) -> Self {
                $name { dst, buf: n.$to(), written: 0 }
            }
        }

        impl<W: AsyncWrite + Unpin> Future for $name<W> {
            type Output = io::Result<()>;

            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                let me = self.get_mut();
                while me.written < me.buf.len() {
                    let n = ready!(Pin::new(&mut me.dst).poll_write(cx, &me.buf[me.written..]))?;
                    if n == 0 {
                        return Poll::Ready(Err(write_zero_kind()));
                    }
                    me.written += n;
                }
                Poll::Ready(Ok(()))
            }
        }
    )*};
}

int_writer! {
    WriteU8 => u8, to_be_bytes, write_u8;
    WriteI8 => i8, to_be_bytes, write_i8;
    WriteU16 => u16, to_be_bytes, write_u16;
    WriteI16 => i16, to_be_bytes, write_i16;
    WriteU32 => u32, to_be_bytes, write_u32;
    WriteI32 => i32, to_be_bytes, write_i32;
    WriteU64 => u64, to_be_bytes, write_u64;
    WriteI64 => i64, to_be_bytes, write_i64;
    WriteU128 => u128, to_be_bytes, write_u128;
    WriteI128 => i128, to_be_bytes, write_i128;
    WriteU16Le => u16, to_le_bytes, write_u16_le;
    WriteI16Le => i16, to_le_bytes, write_i16_le;
    WriteU32Le => u32, to_le_bytes, write_u32_le;
    WriteI32Le => i32, to_le_bytes, write_i32_le;
    WriteU64Le => u64, to_le_bytes, write_u64_le;
    WriteI64Le => i64, to_le_bytes, write_i64_le;
    WriteU128Le => u128, to_le_bytes, write_u128_le;
    WriteI128Le => i128, to_le_bytes, write_i128_le;
}
