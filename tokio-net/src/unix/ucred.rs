/// Credentials of the process on the other end of a Unix socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UCred {
    /// The peer's user id.
    pub uid: libc::uid_t,
    /// The peer's group id.
    pub gid: libc::gid_t,
}
