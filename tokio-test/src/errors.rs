//! Every panic message a user of tokio-test can hit, in one place.

/// `Handle::read` & co. after the `Mock` was dropped.
pub(crate) const MOCK_GONE: &str =
    "the `Mock` this `Handle` scripts was dropped; keep the `Mock` alive while adding actions";

/// Dropping a `Mock` whose script still has bytes to read.
pub(crate) const UNREAD_DATA: &str = "There is still data left to read.";

/// Dropping a `Mock` whose script still expects bytes to be written.
pub(crate) const UNWRITTEN_DATA: &str = "There is still data left to write.";

/// Dropping a `Mock` whose script still holds an error that was never returned.
pub(crate) const UNUSED_ERROR: &str = "There is still a scripted error that was never returned.";

/// Building the message for a write that does not match the script.
pub(crate) fn write_mismatch(expected: &[u8], actual: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(0);
    format!(
        "mock write does not match the script (first difference at byte {})\n  expected: b\"{}\"\n    actual: b\"{}\"",
        at,
        escape(expected),
        escape(actual),
    )
}

fn escape(bytes: &[u8]) -> String {
    bytes
        .iter()
        .flat_map(|b| std::ascii::escape_default(*b))
        .map(char::from)
        .collect()
}
