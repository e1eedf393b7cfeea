//! The physical floor for `tcp_echo_1`: one thread, one mio `Poll`, a client and its server
//! end on loopback. Each round trip writes 1 KiB, waits in `epoll_wait` until the server end
//! is readable, echoes it, and waits until the client end is readable again: the syscalls a
//! runtime cannot avoid, with no scheduler in between.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};

use crate::workloads::sizes::{tcp_rounds, MSG};
use crate::Runner;

struct Loop {
    poll: Poll,
    events: Events,
}

impl Loop {
    fn wait(&mut self) {
        self.poll
            .poll(&mut self.events, Some(Duration::from_secs(5)))
            .unwrap();
    }

    /// Reads exactly `buf.len()` bytes, waiting for readiness on `WouldBlock` (edge-triggered:
    /// a `WouldBlock` guarantees a later event).
    fn read_exact(&mut self, s: &mut TcpStream, buf: &mut [u8]) {
        let mut got = 0;
        while got < buf.len() {
            match s.read(&mut buf[got..]) {
                Ok(0) => panic!("peer closed"),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => self.wait(),
                Err(e) => panic!("read: {e}"),
            }
        }
    }

    fn write_all(&mut self, s: &mut TcpStream, buf: &[u8]) {
        let mut put = 0;
        while put < buf.len() {
            match s.write(&buf[put..]) {
                Ok(n) => put += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => self.wait(),
                Err(e) => panic!("write: {e}"),
            }
        }
    }
}

/// The runner: 2,000 round trips of 1 KiB per batch over one connection.
pub fn mio_echo() -> Runner {
    let mut lp = Loop {
        poll: Poll::new().unwrap(),
        events: Events::with_capacity(64),
    };
    let mut listener = TcpListener::bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = listener.local_addr().unwrap();
    lp.poll
        .registry()
        .register(&mut listener, Token(0), Interest::READABLE)
        .unwrap();
    let mut client = TcpStream::connect(addr).unwrap();
    lp.poll
        .registry()
        .register(
            &mut client,
            Token(1),
            Interest::READABLE | Interest::WRITABLE,
        )
        .unwrap();
    let mut server = loop {
        match listener.accept() {
            Ok((s, _)) => break s,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => lp.wait(),
            Err(e) => panic!("accept: {e}"),
        }
    };
    lp.poll
        .registry()
        .register(
            &mut server,
            Token(2),
            Interest::READABLE | Interest::WRITABLE,
        )
        .unwrap();
    // Wait until the connect has completed before the first write.
    while client.peer_addr().is_err() {
        lp.wait();
    }
    client.set_nodelay(true).unwrap();
    server.set_nodelay(true).unwrap();
    let rounds = tcp_rounds(1);
    let out = vec![1u8; MSG];
    let mut mid = vec![0u8; MSG];
    let mut back = vec![0u8; MSG];
    Box::new(move || {
        let start = Instant::now();
        for _ in 0..rounds {
            lp.write_all(&mut client, &out);
            lp.read_exact(&mut server, &mut mid);
            lp.write_all(&mut server, &mid);
            lp.read_exact(&mut client, &mut back);
        }
        start.elapsed()
    })
}
