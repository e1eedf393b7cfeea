//! Small drivers for the mock, so the tests do not depend on the ext traits.
#![allow(dead_code)]

use futures::executor::block_on;
use futures::future::poll_fn;
use std::io;
use std::pin::Pin;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_test::io::Mock;

pub fn read(mock: &mut Mock, buf: &mut [u8]) -> io::Result<usize> {
    block_on(poll_fn(|cx| Pin::new(&mut *mock).poll_read(cx, buf)))
}

pub fn write(mock: &mut Mock, buf: &[u8]) -> io::Result<usize> {
    block_on(poll_fn(|cx| Pin::new(&mut *mock).poll_write(cx, buf)))
}

pub fn read_all(mock: &mut Mock, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    let mut filled = 0;
    while filled < len {
        let n = read(mock, &mut out[filled..]).expect("read");
        assert!(n > 0, "unexpected EOF");
        filled += n;
    }
    out
}

pub fn write_all(mock: &mut Mock, mut buf: &[u8]) {
    while !buf.is_empty() {
        let n = write(mock, buf).expect("write");
        buf = &buf[n..];
    }
}
