//! The chat example: names, joins, broadcast and leaves, with three clients.

mod support;

use std::io::Write;
use std::time::Duration;

use support::{connect, line_reader, read_line, Example};

#[test]
fn chat_broadcasts_joins_messages_and_leaves() {
    let (server, addr) = Example::serve("chat", &[]);

    let mut alice = connect(&addr);
    let mut alice_r = line_reader(&alice);
    assert_eq!(read_line(&mut alice_r), "Please enter your username:");
    alice.write_all(b"alice\n").unwrap();
    server.wait_line(|l| l.starts_with("alice") && l.ends_with("joined"));

    let mut bob = connect(&addr);
    let mut bob_r = line_reader(&bob);
    assert_eq!(read_line(&mut bob_r), "Please enter your username:");
    bob.write_all(b"bob\n").unwrap();
    assert_eq!(read_line(&mut alice_r), "bob has joined the chat");

    let mut carol = connect(&addr);
    let mut carol_r = line_reader(&carol);
    assert_eq!(read_line(&mut carol_r), "Please enter your username:");
    carol.write_all(b"carol\n").unwrap();
    assert_eq!(read_line(&mut alice_r), "carol has joined the chat");
    assert_eq!(read_line(&mut bob_r), "carol has joined the chat");

    alice.write_all(b"hi all\n").unwrap();
    assert_eq!(read_line(&mut bob_r), "alice: hi all");
    assert_eq!(read_line(&mut carol_r), "alice: hi all");

    bob.write_all(b"hello alice\n").unwrap();
    assert_eq!(read_line(&mut alice_r), "bob: hello alice");
    assert_eq!(read_line(&mut carol_r), "bob: hello alice");

    drop(bob_r);
    drop(bob);
    assert_eq!(read_line(&mut alice_r), "bob has left the chat");
    assert_eq!(read_line(&mut carol_r), "bob has left the chat");

    // The sender never hears its own message.
    carol.write_all(b"bye\n").unwrap();
    assert_eq!(read_line(&mut alice_r), "carol: bye");
    carol
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut l = String::new();
    use std::io::BufRead;
    assert!(
        carol_r.read_line(&mut l).is_err() || l.is_empty(),
        "carol got {l:?}"
    );
}
