//! The readiness set a resource can observe, and the two directions it waits in.
//!
//! mio 1 has [`mio::Interest`] (what to register for) but no readiness value type (the
//! 0.6 API's `mio::Ready`); [`Ready`] is the closest equivalent and keeps 0.6's shape:
//! `Ready::readable()`, `is_readable()`, `|`, and so on.

use std::fmt;
use std::ops;

const READABLE: usize = 0b00_0001;
const WRITABLE: usize = 0b00_0010;
const READ_CLOSED: usize = 0b00_0100;
const WRITE_CLOSED: usize = 0b00_1000;
const ERROR: usize = 0b01_0000;
const PRIORITY: usize = 0b10_0000;

/// Mask of every readiness bit (the low bits of a slot's state word).
pub(crate) const ALL: usize = READABLE | WRITABLE | READ_CLOSED | WRITE_CLOSED | ERROR | PRIORITY;

/// A set of readiness events reported by the reactor for one resource.
///
/// ```
/// use tokio_net::driver::Ready;
///
/// let r = Ready::readable() | Ready::writable();
/// assert!(r.is_readable() && r.is_writable());
/// assert!(!r.is_read_closed());
/// assert!(Ready::empty().is_empty());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Ready(usize);

impl Ready {
    /// No readiness.
    pub const fn empty() -> Ready {
        Ready(0)
    }

    /// Reading can make progress.
    pub const fn readable() -> Ready {
        Ready(READABLE)
    }

    /// Writing can make progress.
    pub const fn writable() -> Ready {
        Ready(WRITABLE)
    }

    /// The read direction was closed by the peer (a read returns end of stream).
    pub const fn read_closed() -> Ready {
        Ready(READ_CLOSED)
    }

    /// The write direction is closed (a write fails).
    pub const fn write_closed() -> Ready {
        Ready(WRITE_CLOSED)
    }

    /// The resource has a pending error (`take_error` / the next operation reports it).
    pub const fn error() -> Ready {
        Ready(ERROR)
    }

    /// Out-of-band (priority) data is available.
    pub const fn priority() -> Ready {
        Ready(PRIORITY)
    }

    /// Every readiness a read waits for: readable, read-closed, error, priority.
    pub const fn all_read() -> Ready {
        Ready(READABLE | READ_CLOSED | ERROR | PRIORITY)
    }

    /// Every readiness a write waits for: writable, write-closed, error.
    pub const fn all_write() -> Ready {
        Ready(WRITABLE | WRITE_CLOSED | ERROR)
    }

    /// True when no bit is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when `readable` is set.
    pub const fn is_readable(self) -> bool {
        self.0 & READABLE != 0
    }

    /// True when `writable` is set.
    pub const fn is_writable(self) -> bool {
        self.0 & WRITABLE != 0
    }

    /// True when `read_closed` is set.
    pub const fn is_read_closed(self) -> bool {
        self.0 & READ_CLOSED != 0
    }

    /// True when `write_closed` is set.
    pub const fn is_write_closed(self) -> bool {
        self.0 & WRITE_CLOSED != 0
    }

    /// True when `error` is set.
    pub const fn is_error(self) -> bool {
        self.0 & ERROR != 0
    }

    /// True when `priority` is set.
    pub const fn is_priority(self) -> bool {
        self.0 & PRIORITY != 0
    }

    /// True when every bit of `other` is also set in `self`.
    pub const fn contains(self, other: Ready) -> bool {
        self.0 & other.0 == other.0
    }

    pub(crate) const fn from_bits(bits: usize) -> Ready {
        Ready(bits & ALL)
    }

    pub(crate) const fn bits(self) -> usize {
        self.0
    }

    pub(crate) fn from_event(event: &mio::event::Event) -> Ready {
        let mut bits = 0;
        if event.is_readable() {
            bits |= READABLE;
        }
        if event.is_writable() {
            bits |= WRITABLE;
        }
        if event.is_read_closed() {
            bits |= READ_CLOSED;
        }
        if event.is_write_closed() {
            bits |= WRITE_CLOSED;
        }
        if event.is_error() {
            bits |= ERROR;
        }
        if event.is_priority() {
            bits |= PRIORITY;
        }
        Ready(bits)
    }

    /// The bits a failed (`WouldBlock`) operation may clear: closed states are final and
    /// stay set.
    pub(crate) const fn clearable(self) -> Ready {
        Ready(self.0 & !(READ_CLOSED | WRITE_CLOSED))
    }
}

impl ops::BitOr for Ready {
    type Output = Ready;
    fn bitor(self, rhs: Ready) -> Ready {
        Ready(self.0 | rhs.0)
    }
}

impl ops::BitOrAssign for Ready {
    fn bitor_assign(&mut self, rhs: Ready) {
        self.0 |= rhs.0;
    }
}

impl ops::BitAnd for Ready {
    type Output = Ready;
    fn bitand(self, rhs: Ready) -> Ready {
        Ready(self.0 & rhs.0)
    }
}

impl ops::Sub for Ready {
    type Output = Ready;
    fn sub(self, rhs: Ready) -> Ready {
        Ready(self.0 & !rhs.0)
    }
}

impl fmt::Debug for Ready {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ready")
            .field("readable", &self.is_readable())
            .field("writable", &self.is_writable())
            .field("read_closed", &self.is_read_closed())
            .field("write_closed", &self.is_write_closed())
            .field("error", &self.is_error())
            .field("priority", &self.is_priority())
            .finish()
    }
}

/// Which of a resource's two waiters an operation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Reads, accepts, receives.
    Read,
    /// Writes, connects, sends.
    Write,
}

impl Direction {
    /// The readiness that lets an operation in this direction make progress.
    pub(crate) fn mask(self) -> Ready {
        match self {
            Direction::Read => Ready::all_read(),
            Direction::Write => Ready::all_write(),
        }
    }
}
