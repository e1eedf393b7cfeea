mod support;

use futures::StreamExt;
use std::io::ErrorKind;
use support::{block_on, pattern, Choppy};
use tokio_io::{AsyncBufReadExt, AsyncReadExt, BufReader};

fn lines_of(input: &[u8]) -> Vec<String> {
    block_on(async {
        let mut lines = Choppy::new(BufReader::with_capacity(3, input)).lines();
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().await.unwrap() {
            out.push(line);
        }
        out
    })
}

#[test]
fn lines_edge_cases() {
    assert_eq!(lines_of(b""), Vec::<String>::new());
    assert_eq!(lines_of(b"\n"), [""]);
    assert_eq!(lines_of(b"\r\n"), [""]);
    assert_eq!(lines_of(b"a"), ["a"]);
    assert_eq!(lines_of(b"a\n"), ["a"]);
    assert_eq!(lines_of(b"a\r\nb\r\n"), ["a", "b"]);
    assert_eq!(lines_of(b"a\n\n\nb"), ["a", "", "", "b"]);
    assert_eq!(lines_of(b"\n\nlast"), ["", "", "last"]);
    // A lone '\r' that is not followed by '\n' is content.
    assert_eq!(lines_of(b"a\rb\n"), ["a\rb"]);
    assert_eq!(lines_of(b"x\r"), ["x\r"]);
}

#[test]
fn lines_long_lines_across_many_fills() {
    let long = "z".repeat(10_000);
    let input = format!("{long}\r\n{long}");
    assert_eq!(lines_of(input.as_bytes()), [long.clone(), long]);
}

#[test]
fn lines_invalid_utf8_is_invalid_data() {
    block_on(async {
        let mut lines = (&b"ok\n\xff\xfe\nafter\n"[..]).lines();
        assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("ok"));
        let err = lines.next_line().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert_eq!(lines.next_line().await.unwrap().as_deref(), Some("after"));
    });
}

#[test]
fn lines_as_stream() {
    block_on(async {
        let lines = Choppy::new(&b"1\n2\r\n3"[..]).lines();
        let all: Vec<String> = lines.map(Result::unwrap).collect().await;
        assert_eq!(all, ["1", "2", "3"]);
    });
}

#[test]
fn read_line_appends_and_keeps_newline() {
    block_on(async {
        let mut r = Choppy::new(BufReader::with_capacity(2, &b"one\r\ntwo\nthree"[..]));
        let mut buf = String::from("> ");
        assert_eq!(r.read_line(&mut buf).await.unwrap(), 5);
        assert_eq!(buf, "> one\r\n");
        assert_eq!(r.read_line(&mut buf).await.unwrap(), 4);
        assert_eq!(buf, "> one\r\ntwo\n");
        assert_eq!(r.read_line(&mut buf).await.unwrap(), 5);
        assert_eq!(buf, "> one\r\ntwo\nthree");
        assert_eq!(r.read_line(&mut buf).await.unwrap(), 0);
        assert_eq!(buf, "> one\r\ntwo\nthree");
    });
}

#[test]
fn read_line_invalid_utf8_leaves_string_unchanged() {
    block_on(async {
        let mut r = Choppy::new(&b"bad \xc3\x28 line\nnext\n"[..]);
        let mut buf = String::from("keep");
        let err = r.read_line(&mut buf).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert_eq!(buf, "keep");
        buf.clear();
        r.read_line(&mut buf).await.unwrap();
        assert_eq!(buf, "next\n");
    });
}

#[test]
fn read_line_multibyte_split_across_fills() {
    block_on(async {
        let text = "ü✓€\n";
        let mut r = Choppy::new(BufReader::with_capacity(1, text.as_bytes()));
        let mut buf = String::new();
        r.read_line(&mut buf).await.unwrap();
        assert_eq!(buf, text);
    });
}

#[test]
fn read_until_through_choppy() {
    block_on(async {
        let data = b"alpha;beta;;gamma";
        let mut r = Choppy::new(&data[..]);
        let mut out = Vec::new();
        assert_eq!(r.read_until(b';', &mut out).await.unwrap(), 6);
        assert_eq!(out, b"alpha;");
        out.clear();
        assert_eq!(r.read_until(b';', &mut out).await.unwrap(), 5);
        assert_eq!(r.read_until(b';', &mut out).await.unwrap(), 1);
        out.clear();
        assert_eq!(r.read_until(b';', &mut out).await.unwrap(), 5);
        assert_eq!(out, b"gamma");
        assert_eq!(r.read_until(b';', &mut out).await.unwrap(), 0);
    });
}

#[test]
fn split_segments() {
    block_on(async {
        let r = Choppy::new(&b"a,,bc,"[..]);
        let mut segments = AsyncBufReadExt::split(r, b',');
        assert_eq!(segments.next_segment().await.unwrap(), Some(b"a".to_vec()));
        assert_eq!(segments.next_segment().await.unwrap(), Some(vec![]));
        assert_eq!(segments.next_segment().await.unwrap(), Some(b"bc".to_vec()));
        assert_eq!(segments.next_segment().await.unwrap(), None);
        let r = Choppy::new(&b"x|y"[..]);
        let all: Vec<Vec<u8>> = AsyncBufReadExt::split(r, b'|')
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(all, [b"x".to_vec(), b"y".to_vec()]);
    });
}

#[test]
fn buf_reader_small_and_large_reads() {
    block_on(async {
        let data = pattern(5000);
        let mut r = BufReader::with_capacity(64, Choppy::new(&data[..]));
        let mut out = Vec::new();
        let mut small = [0u8; 5];
        let mut large = [0u8; 200];
        loop {
            let n = r.read(&mut small).await.unwrap();
            out.extend_from_slice(&small[..n]);
            let m = r.read(&mut large).await.unwrap();
            out.extend_from_slice(&large[..m]);
            if n == 0 && m == 0 {
                break;
            }
        }
        assert_eq!(out, data);
    });
}

#[test]
fn buf_reader_accessors() {
    block_on(async {
        let mut r = BufReader::with_capacity(4, &b"abcdefgh"[..]);
        assert_eq!(r.read_u8().await.unwrap(), b'a');
        assert_eq!(r.buffer(), b"bcd");
        assert_eq!(*r.get_ref(), b"efgh");
        let inner = r.into_inner();
        assert_eq!(inner, b"efgh");
    });
}

#[test]
fn read_line_io_error_keeps_valid_partial_line() {
    block_on(async {
        let mut r = BufReader::new(support::FailAfter { data: b"par" });
        let mut buf = String::from("x");
        let err = r.read_line(&mut buf).await.unwrap_err();
        assert_eq!(err.to_string(), "whoops");
        assert_eq!(buf, "xpar");
    });
}

#[test]
fn read_line_error_message_and_cursor_of_array() {
    block_on(async {
        let mut rd = std::io::Cursor::new(b"hello\nworld\n\n");
        let mut buf = String::new();
        assert_eq!(rd.read_line(&mut buf).await.unwrap(), 6);
        assert_eq!(buf, "hello\n");
        let mut bad = BufReader::new(&b"Hello Wor\xffld.\n"[..]);
        let mut line = "Foo".to_string();
        let err = bad.read_line(&mut line).await.unwrap_err();
        assert_eq!(err.to_string(), "stream did not contain valid UTF-8");
        assert_eq!(line, "Foo");
    });
}
