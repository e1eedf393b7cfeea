//! Every panic message of this crate, in one place. Each names what was wrong and how to
//! fix it; the texts match tokio 0.2.25 where it had one.

/// `AsyncRead::poll_read_buf` was told more bytes were read than the buffer holds.
pub(crate) const BAD_READ_LEN: &str =
    "Bad AsyncRead implementation, more bytes were reported as read than the buffer can hold";

/// `ReadHalf::unsplit` was handed the write half of a different `split`.
pub(crate) const UNSPLIT_UNRELATED: &str =
    "Unrelated `split::Write` passed to `split::Read::unsplit`.";
