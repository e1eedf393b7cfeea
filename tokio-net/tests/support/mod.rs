//! A tiny single-threaded executor over a `Reactor`, and I/O helpers, so the driver and
//! the sockets can be tested without the facade's runtime.
#![allow(dead_code)]

use std::future::{poll_fn, Future};
use std::io;
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};
use tokio_executor::blocking::BlockingPool;
use tokio_executor::park::{Park, Unpark};
use tokio_io::{AsyncRead, AsyncWrite};
use tokio_net::driver::{set_default, Reactor, ReactorUnpark};

struct ReactorWaker(ReactorUnpark);

impl Wake for ReactorWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `f` to completion on a fresh reactor (current on this thread), failing after
/// 30 s.
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut reactor = Reactor::new().unwrap();
    block_on_reactor(&mut reactor, f)
}

/// Runs `f` on `reactor`, which is made current for the duration.
pub fn block_on_reactor<F: Future>(reactor: &mut Reactor, f: F) -> F::Output {
    let _guard = set_default(&reactor.handle());
    // A blocking pool for DNS resolution.
    let pool = BlockingPool::builder().build();
    let _blocking = tokio_executor::context::set_blocking(pool.spawner().clone());
    let waker = Waker::from(Arc::new(ReactorWaker(reactor.unpark())));
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(f);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
        assert!(Instant::now() < deadline, "test timed out");
        reactor.park_timeout(Duration::from_millis(200)).unwrap();
    }
}

pub async fn read<R: AsyncRead + Unpin>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    poll_fn(|cx| Pin::new(&mut *r).poll_read(cx, buf)).await
}

pub async fn read_exact<R: AsyncRead + Unpin>(r: &mut R, buf: &mut [u8]) -> io::Result<()> {
    let mut off = 0;
    while off < buf.len() {
        let n = read(r, &mut buf[off..]).await?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        off += n;
    }
    Ok(())
}

pub async fn read_to_end<R: AsyncRead + Unpin>(r: &mut R, out: &mut Vec<u8>) -> io::Result<usize> {
    let mut buf = [0u8; 8192];
    let start = out.len();
    loop {
        let n = read(r, &mut buf).await?;
        if n == 0 {
            return Ok(out.len() - start);
        }
        out.extend_from_slice(&buf[..n]);
    }
}

pub async fn write_all<W: AsyncWrite + Unpin>(w: &mut W, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        let n = poll_fn(|cx| Pin::new(&mut *w).poll_write(cx, buf)).await?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        buf = &buf[n..];
    }
    Ok(())
}

pub async fn shutdown<W: AsyncWrite + Unpin>(w: &mut W) -> io::Result<()> {
    poll_fn(|cx| Pin::new(&mut *w).poll_shutdown(cx)).await
}

/// A pseudo-random buffer (xorshift), deterministic per `seed`.
pub fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}
