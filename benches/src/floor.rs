//! Two floors for `tcp_echo_1`, each one thread with a client and its server end on one
//! loopback connection, 2,000 round trips of 1 KiB per batch, no scheduler:
//!
//! - **mio loop** ([`mio_echo`]): a plain single-threaded, event-driven mio echo loop, the
//!   floor issue #4 names. One `Poll` holds both ends (edge-triggered, registered readable
//!   and writable). The client writes its 1 KiB, then waits in `epoll_wait`; on each event
//!   the server end reads until `WouldBlock` (an edge-triggered server that does not know
//!   message boundaries must drain the socket before it waits again) and writes back what
//!   it read, and the client end reads until it has its 1 KiB. Per round trip (counted with
//!   `strace -f -c`, difference of two batch counts): 2 `epoll_wait`, 3 `read` (one of them
//!   the server's `WouldBlock`), 2 `write` = 7 syscalls. That is what any event-driven
//!   server on one connection does; the runtimes' per-round-trip counts are measured
//!   against it.
//! - **syscall floor** ([`syscall_floor`]): a *sequential* loop that knows loopback
//!   delivers synchronously and each side's message size, so every `read` succeeds at once
//!   and it never waits: client `write`, server `read`, server `write`, client `read` =
//!   4 syscalls per round trip, no `epoll_wait`. No event-driven server can do this (it
//!   must ask the kernel which socket is ready and learn that a socket is drained); the
//!   column is kept so the cost of readiness itself stays visible.
//!
//! Counted with `strace -f -c` on `bench tcp_echo_1` with `BENCH_HUNG` marking every other
//! kind of both rows as hung (so only one floor runs), `BENCH_WARMUP=0`, and the difference
//! between `BENCH_BATCHES=6` and `1`. The runtimes' counts come from `net_one` (same
//! workload, one runtime per process): ours and tokio 1.x make the mio loop's 7 on both
//! schedulers. User-space instructions per round trip (callgrind, same differences): mio
//! loop 803, syscall floor 522.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};

use crate::workloads::sizes::{tcp_rounds, MSG};
use crate::Runner;

const LISTENER: Token = Token(0);
const CLIENT: Token = Token(1);
const SERVER: Token = Token(2);

/// Bytes the server end reads at once (the runtimes' echo task uses the same size).
const SERVER_BUF: usize = 4096;

/// One `Poll` with a connected client and server end, both registered readable and
/// writable.
struct Pair {
    poll: Poll,
    events: Events,
    client: TcpStream,
    server: TcpStream,
}

impl Pair {
    fn wait(poll: &mut Poll, events: &mut Events) {
        poll.poll(events, Some(Duration::from_secs(5))).unwrap();
    }

    fn new() -> Pair {
        let mut poll = Poll::new().unwrap();
        let mut events = Events::with_capacity(64);
        let mut listener = TcpListener::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = listener.local_addr().unwrap();
        poll.registry()
            .register(&mut listener, LISTENER, Interest::READABLE)
            .unwrap();
        let mut client = TcpStream::connect(addr).unwrap();
        poll.registry()
            .register(&mut client, CLIENT, Interest::READABLE | Interest::WRITABLE)
            .unwrap();
        let mut server = loop {
            match listener.accept() {
                Ok((s, _)) => break s,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    Self::wait(&mut poll, &mut events)
                }
                Err(e) => panic!("accept: {e}"),
            }
        };
        poll.registry()
            .register(&mut server, SERVER, Interest::READABLE | Interest::WRITABLE)
            .unwrap();
        // Wait until the connect has completed before the first write.
        while client.peer_addr().is_err() {
            Self::wait(&mut poll, &mut events);
        }
        client.set_nodelay(true).unwrap();
        server.set_nodelay(true).unwrap();
        Pair {
            poll,
            events,
            client,
            server,
        }
    }
}

/// The server end of the event-driven loop: echoes whatever it reads, knowing nothing of
/// message boundaries.
struct EchoServer {
    buf: Vec<u8>,
    /// Bytes read and not yet written back: `buf[sent..filled]`.
    filled: usize,
    sent: usize,
}

impl EchoServer {
    /// Writes back what is pending. Returns false when the socket stopped taking bytes
    /// (`WouldBlock`: a writable event follows).
    fn flush(&mut self, s: &mut TcpStream) -> bool {
        while self.sent < self.filled {
            match s.write(&self.buf[self.sent..self.filled]) {
                Ok(n) => self.sent += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return false,
                Err(e) => panic!("server write: {e}"),
            }
        }
        self.filled = 0;
        self.sent = 0;
        true
    }

    /// On any event of the server end: flush what is pending, then read until
    /// `WouldBlock`, writing back each time the buffer fills and once at the end.
    fn on_event(&mut self, s: &mut TcpStream) {
        if !self.flush(s) {
            return;
        }
        loop {
            match s.read(&mut self.buf[self.filled..]) {
                Ok(0) => panic!("client closed"),
                Ok(n) => {
                    self.filled += n;
                    if self.filled == self.buf.len() && !self.flush(s) {
                        // Edge-triggered: the unread rest is picked up after the writable
                        // event, whose handler reads until `WouldBlock` again.
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => panic!("server read: {e}"),
            }
        }
        self.flush(s);
    }
}

/// The client end: writes `out`, then reads until it has `back.len()` bytes.
struct Client {
    out: Vec<u8>,
    back: Vec<u8>,
    put: usize,
    got: usize,
}

impl Client {
    fn write(&mut self, s: &mut TcpStream) {
        while self.put < self.out.len() {
            match s.write(&self.out[self.put..]) {
                Ok(n) => self.put += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) => panic!("client write: {e}"),
            }
        }
    }

    fn read(&mut self, s: &mut TcpStream) {
        while self.got < self.back.len() {
            match s.read(&mut self.back[self.got..]) {
                Ok(0) => panic!("server closed"),
                Ok(n) => self.got += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) => panic!("client read: {e}"),
            }
        }
    }

    fn done(&self) -> bool {
        self.got == self.back.len()
    }
}

/// The event-driven mio loop: 2,000 round trips of 1 KiB per batch over one connection.
pub fn mio_echo() -> Runner {
    let mut pair = Pair::new();
    let mut server = EchoServer {
        buf: vec![0u8; SERVER_BUF],
        filled: 0,
        sent: 0,
    };
    let mut client = Client {
        out: vec![1u8; MSG],
        back: vec![0u8; MSG],
        put: 0,
        got: 0,
    };
    let rounds = tcp_rounds(1);
    Box::new(move || {
        let Pair {
            poll,
            events,
            client: c,
            server: s,
        } = &mut pair;
        let start = Instant::now();
        for _ in 0..rounds {
            client.put = 0;
            client.got = 0;
            client.write(c);
            while !client.done() {
                Pair::wait(poll, events);
                for ev in events.iter() {
                    match ev.token() {
                        SERVER => server.on_event(s),
                        CLIENT => {
                            client.write(c);
                            if ev.is_readable() {
                                client.read(c);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        start.elapsed()
    })
}

/// Reads exactly `buf.len()` bytes; `WouldBlock` (never seen on loopback) waits for an
/// event.
fn read_exact(pair: &mut Pair, server_end: bool, buf: &mut [u8]) {
    let mut got = 0;
    while got < buf.len() {
        let s = if server_end {
            &mut pair.server
        } else {
            &mut pair.client
        };
        match s.read(&mut buf[got..]) {
            Ok(0) => panic!("peer closed"),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                Pair::wait(&mut pair.poll, &mut pair.events)
            }
            Err(e) => panic!("read: {e}"),
        }
    }
}

/// Writes all of `buf`; `WouldBlock` waits for an event.
fn write_all(pair: &mut Pair, server_end: bool, buf: &[u8]) {
    let mut put = 0;
    while put < buf.len() {
        let s = if server_end {
            &mut pair.server
        } else {
            &mut pair.client
        };
        match s.write(&buf[put..]) {
            Ok(n) => put += n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                Pair::wait(&mut pair.poll, &mut pair.events)
            }
            Err(e) => panic!("write: {e}"),
        }
    }
}

/// The sequential syscall floor: 2,000 round trips of 1 KiB per batch, each side reading
/// exactly the message it expects, no readiness wait on loopback.
pub fn syscall_floor() -> Runner {
    let mut pair = Pair::new();
    let rounds = tcp_rounds(1);
    let out = vec![1u8; MSG];
    let mut mid = vec![0u8; MSG];
    let mut back = vec![0u8; MSG];
    Box::new(move || {
        let start = Instant::now();
        for _ in 0..rounds {
            write_all(&mut pair, false, &out);
            read_exact(&mut pair, true, &mut mid);
            write_all(&mut pair, true, &mid);
            read_exact(&mut pair, false, &mut back);
        }
        start.elapsed()
    })
}
