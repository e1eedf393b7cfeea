use super::memchr;

#[test]
fn finds_first_match_at_every_position() {
    for len in 0..40 {
        for at in 0..len {
            let mut hay = vec![b'a'; len];
            hay[at] = b'\n';
            if at + 3 < len {
                hay[at + 3] = b'\n';
            }
            assert_eq!(memchr(b'\n', &hay), Some(at), "len {len} at {at}");
        }
        assert_eq!(memchr(b'\n', &vec![b'a'; len]), None);
    }
    assert_eq!(memchr(0x80, &[0x7f, 0x00, 0xff, 0x80]), Some(3));
}
