//! The TCP examples, run as child processes and driven over loopback: echo, hello_world,
//! print_each_packet, proxy and connect (TCP mode).

mod support;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener};

use support::{connect, read_exact, run_with_stdin, Example, TIMEOUT};

fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 31 % 251) as u8).collect()
}

#[test]
fn echo_returns_what_it_gets() {
    let (_server, addr) = Example::serve("echo", &[]);
    let mut a = connect(&addr);
    let mut b = connect(&addr);
    a.write_all(b"hello").unwrap();
    b.write_all(b"world!").unwrap();
    assert_eq!(read_exact(&mut b, 6), b"world!");
    assert_eq!(read_exact(&mut a, 5), b"hello");

    // More than the server's 1 KiB buffer, in one write.
    let big = pattern(200_000);
    let mut c = a.try_clone().unwrap();
    let data = big.clone();
    let w = std::thread::spawn(move || c.write_all(&data).unwrap());
    assert_eq!(read_exact(&mut a, big.len()), big);
    w.join().unwrap();

    // Half-close: the server sees EOF and closes its side.
    a.shutdown(Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    a.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}

#[test]
fn hello_world_writes_its_greeting() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let child = std::thread::spawn(move || run_with_stdin("hello_world", &[&addr], b""));
    listener.set_nonblocking(true).unwrap();
    let deadline = std::time::Instant::now() + TIMEOUT;
    let mut s = loop {
        match listener.accept() {
            Ok((s, _)) => break s,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                assert!(
                    std::time::Instant::now() < deadline,
                    "hello_world never connected"
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(e) => panic!("accept: {e}"),
        }
    };
    s.set_nonblocking(false).unwrap();
    s.set_read_timeout(Some(TIMEOUT)).unwrap();
    let mut got = String::new();
    s.read_to_string(&mut got).unwrap();
    assert_eq!(got, "hello world\n");
    let out = String::from_utf8(child.join().unwrap()).unwrap();
    assert!(out.contains("wrote to stream"), "stdout: {out:?}");
}

#[test]
fn print_each_packet_prints_chunks() {
    let (server, addr) = Example::serve("print_each_packet", &[]);
    let mut s = connect(&addr);
    s.write_all(b"first packet").unwrap();
    let line = server.wait_line(|l| l.starts_with("GOT:"));
    assert_eq!(line, "GOT: \"first packet\"");
    drop(s);
    server.wait_line(|l| l.ends_with("closed"));
}

#[test]
fn proxy_forwards_both_directions() {
    let (_echo, echo_addr) = Example::serve("echo", &[]);
    let (_proxy, proxy_addr) = Example::serve("proxy", &[&echo_addr]);

    let mut s = connect(&proxy_addr);
    s.write_all(b"through the proxy").unwrap();
    assert_eq!(read_exact(&mut s, 17), b"through the proxy");

    // 1 MiB while reading concurrently, then a half-close that must travel both ways.
    let big = pattern(1 << 20);
    let mut w = s.try_clone().unwrap();
    let data = big.clone();
    let writer = std::thread::spawn(move || {
        w.write_all(&data).unwrap();
        w.shutdown(Shutdown::Write).unwrap();
    });
    let mut back = Vec::new();
    s.read_to_end(&mut back).unwrap();
    writer.join().unwrap();
    assert_eq!(back.len(), big.len());
    assert!(back == big, "proxied bytes differ");
}

#[test]
fn connect_tcp_pipes_stdin_to_peer_and_back() {
    let (_echo, addr) = Example::serve("echo", &[]);
    let input = b"line one\nline two\n".repeat(100);
    let out = run_with_stdin("connect", &[&addr], &input);
    assert_eq!(out, input);
}
