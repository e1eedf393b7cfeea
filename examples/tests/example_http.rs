//! The tinyhttp example: /plaintext, /json, 404, keep-alive, pipelining and Connection: close.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use support::{connect, Example};

/// Reads one response; returns (status line, headers lowercased, body).
fn response(r: &mut BufReader<TcpStream>) -> (String, Vec<(String, String)>, String) {
    let mut status = String::new();
    r.read_line(&mut status).unwrap();
    let mut headers = Vec::new();
    loop {
        let mut l = String::new();
        r.read_line(&mut l).unwrap();
        let l = l.trim_end().to_string();
        if l.is_empty() {
            break;
        }
        let (k, v) = l.split_once(':').expect("header line");
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map(|(_, v)| v.parse().unwrap())
        .expect("content-length");
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).unwrap();
    (
        status.trim_end().to_string(),
        headers,
        String::from_utf8(body).unwrap(),
    )
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[test]
fn tinyhttp_answers_plaintext_json_and_404_on_one_connection() {
    let (_server, addr) = Example::serve("tinyhttp", &[]);
    let mut s = connect(&addr);
    let mut r = BufReader::new(s.try_clone().unwrap());

    s.write_all(b"GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (status, h, body) = response(&mut r);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(header(&h, "content-type"), Some("text/plain"));
    assert_eq!(body, "Hello, World!");

    // Same connection (keep-alive).
    s.write_all(b"GET /json HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (status, h, body) = response(&mut r);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(header(&h, "content-type"), Some("application/json"));
    assert_eq!(body, r#"{"message":"Hello, World!"}"#);

    s.write_all(b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (status, _, _) = response(&mut r);
    assert_eq!(status, "HTTP/1.1 404 Not Found");
}

#[test]
fn tinyhttp_handles_pipelined_and_split_requests() {
    let (_server, addr) = Example::serve("tinyhttp", &[]);
    let mut s = connect(&addr);
    let mut r = BufReader::new(s.try_clone().unwrap());

    let one = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";
    s.write_all(one.repeat(16).as_bytes()).unwrap();
    for _ in 0..16 {
        assert_eq!(response(&mut r).2, "Hello, World!");
    }

    // A request split across writes, with a body that must be skipped.
    s.write_all(b"POST /json HTTP/1.1\r\nContent-Le").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    s.write_all(b"ngth: 5\r\n\r\nhello").unwrap();
    assert_eq!(response(&mut r).2, r#"{"message":"Hello, World!"}"#);
}

#[test]
fn tinyhttp_closes_on_connection_close() {
    let (_server, addr) = Example::serve("tinyhttp", &[]);
    let mut s = connect(&addr);
    let mut r = BufReader::new(s.try_clone().unwrap());
    s.write_all(b"GET /plaintext HTTP/1.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let (_, h, body) = response(&mut r);
    assert_eq!(header(&h, "connection"), Some("close"));
    assert_eq!(body, "Hello, World!");
    let mut rest = Vec::new();
    r.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}
