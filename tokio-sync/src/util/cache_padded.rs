//! `CachePadded<T>`: keeps `T` on cache lines of its own, so fields written by different
//! threads (a channel's senders and its receiver) do not invalidate each other's lines.
//!
//! 128 bytes: x86-64 and aarch64 cores fetch lines in adjacent pairs, so 64-byte padding
//! still lets two neighbours contend.

use std::ops::Deref;

/// `T` aligned (and so padded) to 128 bytes.
#[derive(Debug, Default)]
#[repr(align(128))]
pub(crate) struct CachePadded<T>(pub(crate) T);

impl<T> Deref for CachePadded<T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        &self.0
    }
}
