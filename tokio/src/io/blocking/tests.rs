//! `Blocking<T>` against in-memory std readers and writers, on a real blocking pool.
use super::{Blocking, MAX_BUF};
use std::future::poll_fn;
use std::io::{self, Cursor, Write};
use std::sync::mpsc;

fn runtime() -> crate::runtime::Runtime {
    crate::runtime::Builder::new()
        .threaded_scheduler()
        .build()
        .unwrap()
}

#[test]
fn reads_everything_in_bounded_chunks() {
    let data: Vec<u8> = (0..100_000u32).map(|i| i as u8).collect();
    let expect = data.clone();
    let out = runtime().block_on(async move {
        let mut rd = Blocking::new(Cursor::new(data));
        let mut out = Vec::new();
        let mut buf = vec![0u8; 3 * MAX_BUF];
        loop {
            let n = poll_fn(|cx| rd.poll_read(cx, &mut buf)).await.unwrap();
            assert!(n <= MAX_BUF);
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    assert_eq!(out, expect);
}

/// What the pool thread did, reported to the test.
#[derive(Debug, PartialEq)]
enum Event {
    Wrote(usize),
    Flushed,
}

/// A writer that reports each write and flush over a channel, failing on demand.
struct Probe {
    events: mpsc::Sender<Event>,
    fail: bool,
}

impl Write for Probe {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.fail {
            return Err(io::Error::other("disk on fire"));
        }
        self.events.send(Event::Wrote(buf.len())).unwrap();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.events.send(Event::Flushed).unwrap();
        Ok(())
    }
}

#[test]
fn writes_behind_then_flush_waits_for_them() {
    let (tx, rx) = mpsc::channel();
    let probe = Probe {
        events: tx,
        fail: false,
    };
    runtime().block_on(async move {
        let mut wr = Blocking::new(probe);
        let big = vec![9u8; MAX_BUF + 10];
        let n = poll_fn(|cx| wr.poll_write(cx, &big)).await.unwrap();
        assert_eq!(n, MAX_BUF, "one operation takes at most MAX_BUF bytes");
        let n = poll_fn(|cx| wr.poll_write(cx, &big[n..])).await.unwrap();
        assert_eq!(n, 10);
        poll_fn(|cx| wr.poll_flush(cx)).await.unwrap();
    });
    let events: Vec<Event> = rx.try_iter().collect();
    assert_eq!(
        events,
        [Event::Wrote(MAX_BUF), Event::Wrote(10), Event::Flushed]
    );
}

#[test]
fn failed_write_surfaces_on_flush() {
    let (tx, _rx) = mpsc::channel();
    let probe = Probe {
        events: tx,
        fail: true,
    };
    runtime().block_on(async move {
        let mut wr = Blocking::new(probe);
        assert_eq!(poll_fn(|cx| wr.poll_write(cx, b"x")).await.unwrap(), 1);
        let err = poll_fn(|cx| wr.poll_flush(cx)).await.unwrap_err();
        assert_eq!(err.to_string(), "disk on fire");
    });
}
