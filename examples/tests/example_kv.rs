//! The key-value examples: tinydb (line protocol) and redis (RESP, pipelining, inline).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use support::{connect, line_reader, read_line, Example};

#[test]
fn tinydb_set_get_del() {
    let (_server, addr) = Example::serve("tinydb", &[]);
    let mut s = connect(&addr);
    let mut r = line_reader(&s);
    let mut ask = |req: &str| {
        s.write_all(format!("{req}\n").as_bytes()).unwrap();
        read_line(&mut r)
    };
    assert_eq!(ask("GET foo"), "NONE");
    assert_eq!(ask("SET foo bar baz"), "OK");
    assert_eq!(ask("GET foo"), "VALUE bar baz");
    assert_eq!(ask("DEL foo"), "DELETED");
    assert_eq!(ask("DEL foo"), "NONE");
    assert!(ask("FLY away").starts_with("ERROR"));
    assert!(ask("SET lonely").starts_with("ERROR"));

    // The database is shared between connections.
    assert_eq!(ask("SET shared 1"), "OK");
    let mut other = connect(&addr);
    let mut other_r = line_reader(&other);
    other.write_all(b"GET shared\n").unwrap();
    assert_eq!(read_line(&mut other_r), "VALUE 1");
}

/// Encodes a command as a RESP array of bulk strings.
fn resp(args: &[&str]) -> Vec<u8> {
    let mut v = format!("*{}\r\n", args.len()).into_bytes();
    for a in args {
        v.extend_from_slice(format!("${}\r\n{}\r\n", a.len(), a).as_bytes());
    }
    v
}

/// Reads one reply and renders it as text: `+OK`, `:3`, `$value`, `$nil`, `-ERR ...`, `*N`.
fn reply(r: &mut BufReader<TcpStream>) -> String {
    let mut l = String::new();
    r.read_line(&mut l).unwrap();
    let l = l.trim_end().to_string();
    if let Some(len) = l.strip_prefix('$') {
        let len: i64 = len.parse().unwrap();
        if len < 0 {
            return "$nil".into();
        }
        let mut buf = vec![0u8; len as usize + 2];
        r.read_exact(&mut buf).unwrap();
        return format!("${}", String::from_utf8_lossy(&buf[..len as usize]));
    }
    l
}

#[test]
fn redis_speaks_resp() {
    let (_server, addr) = Example::serve("redis", &[]);
    let mut s = connect(&addr);
    let mut r = BufReader::new(s.try_clone().unwrap());
    let mut ask = |args: &[&str]| {
        s.write_all(&resp(args)).unwrap();
        reply(&mut r)
    };
    assert_eq!(ask(&["PING"]), "+PONG");
    assert_eq!(ask(&["ping", "hey"]), "$hey");
    assert_eq!(ask(&["ECHO", "hello world"]), "$hello world");
    assert_eq!(ask(&["GET", "k"]), "$nil");
    assert_eq!(ask(&["SET", "k", "v1"]), "+OK");
    assert_eq!(ask(&["GET", "k"]), "$v1");
    assert_eq!(ask(&["INCR", "n"]), ":1");
    assert_eq!(ask(&["INCR", "n"]), ":2");
    assert!(ask(&["INCR", "k"]).starts_with("-ERR"));
    assert_eq!(ask(&["DEL", "k", "n", "missing"]), ":2");
    assert_eq!(ask(&["GET", "k"]), "$nil");
    assert!(ask(&["NOPE"]).starts_with("-ERR unknown command"));
    assert!(ask(&["GET"]).starts_with("-ERR wrong number of arguments"));
    assert_eq!(ask(&["SET", "bin", "a\r\nb"]), "+OK");
    assert_eq!(ask(&["GET", "bin"]), "$a\r\nb");
}

#[test]
fn redis_handles_pipelines_inline_and_split_frames() {
    let (_server, addr) = Example::serve("redis", &[]);
    let mut s = connect(&addr);
    let mut r = BufReader::new(s.try_clone().unwrap());

    let mut batch = Vec::new();
    for i in 0..100 {
        batch.extend_from_slice(&resp(&["SET", &format!("key{i}"), &i.to_string()]));
        batch.extend_from_slice(&resp(&["INCR", "counter"]));
    }
    batch.extend_from_slice(&resp(&["GET", "key42"]));
    s.write_all(&batch).unwrap();
    for i in 0..100 {
        assert_eq!(reply(&mut r), "+OK");
        assert_eq!(reply(&mut r), format!(":{}", i + 1));
    }
    assert_eq!(reply(&mut r), "$42");

    // Inline command, as redis-benchmark's PING_INLINE sends.
    s.write_all(b"PING\r\n").unwrap();
    assert_eq!(reply(&mut r), "+PONG");

    // A frame split in the middle of a bulk string.
    let frame = resp(&["ECHO", "split frame"]);
    s.write_all(&frame[..9]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    s.write_all(&frame[9..]).unwrap();
    assert_eq!(reply(&mut r), "$split frame");

    s.write_all(&resp(&["QUIT"])).unwrap();
    assert_eq!(reply(&mut r), "+OK");
    let mut rest = Vec::new();
    r.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}
