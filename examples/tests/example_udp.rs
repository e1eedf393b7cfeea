//! The UDP examples: echo-udp, udp-client and connect in UDP mode.

mod support;

use std::net::UdpSocket;

use support::{run_with_stdin, Example, TIMEOUT};

#[test]
fn echo_udp_returns_datagrams() {
    let (_server, addr) = Example::serve("echo-udp", &[]);
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    s.set_read_timeout(Some(TIMEOUT)).unwrap();
    s.connect(&addr).unwrap();
    let mut buf = [0u8; 2048];
    for msg in [&b"one"[..], b"two two", &[7u8; 1400][..]] {
        s.send(msg).unwrap();
        let n = s.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], msg, "datagram boundaries must be kept");
    }
}

#[test]
fn udp_client_prints_the_reply() {
    let (_server, addr) = Example::serve("echo-udp", &[]);
    let out = run_with_stdin("udp-client", &[&addr], b"ping over udp\n");
    assert_eq!(String::from_utf8(out).unwrap(), "ping over udp\n");
}

#[test]
fn connect_udp_pipes_stdin_as_datagrams() {
    let (_server, addr) = Example::serve("echo-udp", &[]);
    let out = run_with_stdin("connect", &["--udp", &addr], b"hello udp\n");
    assert_eq!(String::from_utf8(out).unwrap(), "hello udp\n");
}
