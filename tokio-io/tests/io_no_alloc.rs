//! The hot paths of `read`, `write`, `write_all` and `copy` do not allocate per call.
//! A counting global allocator counts allocations made on the current thread only, so
//! other tests running in parallel do not disturb the numbers.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use tokio_io::{AsyncReadExt, AsyncWriteExt};

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call unchanged to the system allocator; the counter is a
// thread-local `Cell` that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> usize {
    ALLOCS.with(Cell::get)
}

fn poll_once<F: std::future::Future + Unpin>(f: &mut F) -> std::task::Poll<F::Output> {
    let waker = futures::task::noop_waker_ref();
    let mut cx = std::task::Context::from_waker(waker);
    std::pin::Pin::new(f).poll(&mut cx)
}

#[test]
fn read_write_write_all_do_not_allocate() {
    let (mut a, mut b) = tokio_io::duplex(64 * 1024);
    let data = vec![7u8; 1024];
    let mut buf = vec![0u8; 1024];
    // Warm up: let the pipe's buffer reach its working size.
    for _ in 0..4 {
        assert!(poll_once(&mut a.write_all(&data)).is_ready());
        assert!(poll_once(&mut b.read_exact(&mut buf)).is_ready());
    }
    let before = allocs();
    for _ in 0..1000 {
        assert!(matches!(
            poll_once(&mut a.write(&data)),
            std::task::Poll::Ready(Ok(1024))
        ));
        assert!(matches!(
            poll_once(&mut b.read(&mut buf)),
            std::task::Poll::Ready(Ok(1024))
        ));
        assert!(poll_once(&mut a.write_all(&data)).is_ready());
        assert!(poll_once(&mut b.read_exact(&mut buf)).is_ready());
    }
    assert_eq!(allocs() - before, 0);
}

#[test]
fn copy_allocates_once_for_its_buffer() {
    let data = vec![3u8; 1 << 20];
    let mut reader = &data[..];
    let mut sink = tokio_io::sink();
    let before = allocs();
    let mut copy = tokio_io::copy(&mut reader, &mut sink);
    let res = poll_once(&mut copy);
    assert!(matches!(res, std::task::Poll::Ready(Ok(n)) if n == 1 << 20));
    drop(copy);
    assert_eq!(allocs() - before, 1, "one buffer for the copy's life");
}
