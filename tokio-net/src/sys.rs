//! The few socket calls mio 1 does not wrap (`setsockopt`/`getsockopt` for keepalive,
//! buffer sizes, linger, peer credentials). The only module of the crate with `unsafe`.
//!
//! Every call passes a pointer to a live, properly sized local value and its exact size;
//! that is the whole invariant.

use std::io;
use std::mem;
use std::os::unix::io::RawFd;
use std::time::Duration;

fn cvt(ret: libc::c_int) -> io::Result<()> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Sets a socket option whose value is a plain `Copy` C value.
fn set<T: Copy>(fd: RawFd, level: libc::c_int, name: libc::c_int, value: T) -> io::Result<()> {
    let len = mem::size_of::<T>() as libc::socklen_t;
    // SAFETY: `&value` points to a live `T` of exactly `len` bytes for the duration of
    // the call; the kernel only reads it. A bad fd is reported as an error, not UB.
    cvt(unsafe { libc::setsockopt(fd, level, name, (&value as *const T).cast(), len) })
}

/// Reads a socket option whose value is a plain C value, zero-initialised first.
fn get<T: Copy + Default>(fd: RawFd, level: libc::c_int, name: libc::c_int) -> io::Result<T> {
    let mut value = T::default();
    let mut len = mem::size_of::<T>() as libc::socklen_t;
    // SAFETY: `&mut value` points to a live, initialised `T` of `len` bytes and `&mut len`
    // to a live `socklen_t`; the kernel writes at most `len` bytes and updates `len`.
    cvt(unsafe { libc::getsockopt(fd, level, name, (&mut value as *mut T).cast(), &mut len) })?;
    Ok(value)
}

pub(crate) fn recv_buffer_size(fd: RawFd) -> io::Result<usize> {
    get::<libc::c_int>(fd, libc::SOL_SOCKET, libc::SO_RCVBUF).map(|v| v as usize)
}

pub(crate) fn set_recv_buffer_size(fd: RawFd, size: usize) -> io::Result<()> {
    let size = libc::c_int::try_from(size).unwrap_or(libc::c_int::MAX);
    set(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, size)
}

pub(crate) fn send_buffer_size(fd: RawFd) -> io::Result<usize> {
    get::<libc::c_int>(fd, libc::SOL_SOCKET, libc::SO_SNDBUF).map(|v| v as usize)
}

pub(crate) fn set_send_buffer_size(fd: RawFd, size: usize) -> io::Result<()> {
    let size = libc::c_int::try_from(size).unwrap_or(libc::c_int::MAX);
    set(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, size)
}

#[cfg(any(target_os = "macos", target_os = "ios"))]
const KEEPALIVE_IDLE: libc::c_int = libc::TCP_KEEPALIVE;
#[cfg(not(any(target_os = "macos", target_os = "ios")))]
const KEEPALIVE_IDLE: libc::c_int = libc::TCP_KEEPIDLE;

pub(crate) fn keepalive(fd: RawFd) -> io::Result<Option<Duration>> {
    let on = get::<libc::c_int>(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE)?;
    if on == 0 {
        return Ok(None);
    }
    let secs = get::<libc::c_int>(fd, libc::IPPROTO_TCP, KEEPALIVE_IDLE)?;
    Ok(Some(Duration::from_secs(secs.max(0) as u64)))
}

pub(crate) fn set_keepalive(fd: RawFd, keepalive: Option<Duration>) -> io::Result<()> {
    set::<libc::c_int>(
        fd,
        libc::SOL_SOCKET,
        libc::SO_KEEPALIVE,
        keepalive.is_some() as _,
    )?;
    if let Some(dur) = keepalive {
        let secs = libc::c_int::try_from(dur.as_secs().max(1)).unwrap_or(libc::c_int::MAX);
        set(fd, libc::IPPROTO_TCP, KEEPALIVE_IDLE, secs)?;
    }
    Ok(())
}

pub(crate) fn linger(fd: RawFd) -> io::Result<Option<Duration>> {
    let l = get::<Linger>(fd, libc::SOL_SOCKET, libc::SO_LINGER)?;
    if l.0.l_onoff == 0 {
        Ok(None)
    } else {
        Ok(Some(Duration::from_secs(l.0.l_linger.max(0) as u64)))
    }
}

pub(crate) fn set_linger(fd: RawFd, dur: Option<Duration>) -> io::Result<()> {
    let l = libc::linger {
        l_onoff: dur.is_some() as libc::c_int,
        l_linger: dur
            .map(|d| libc::c_int::try_from(d.as_secs()).unwrap_or(libc::c_int::MAX))
            .unwrap_or(0),
    };
    set(fd, libc::SOL_SOCKET, libc::SO_LINGER, l)
}

/// `libc::linger` with a `Default`.
#[derive(Clone, Copy)]
struct Linger(libc::linger);

impl Default for Linger {
    fn default() -> Linger {
        Linger(libc::linger {
            l_onoff: 0,
            l_linger: 0,
        })
    }
}

/// The peer's user and group ids of a connected Unix socket.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn peer_cred(fd: RawFd) -> io::Result<(libc::uid_t, libc::gid_t)> {
    let cred = get::<Ucred>(fd, libc::SOL_SOCKET, libc::SO_PEERCRED)?;
    Ok((cred.0.uid, cred.0.gid))
}

#[cfg(any(target_os = "linux", target_os = "android"))]
#[derive(Clone, Copy)]
struct Ucred(libc::ucred);

#[cfg(any(target_os = "linux", target_os = "android"))]
impl Default for Ucred {
    fn default() -> Ucred {
        Ucred(libc::ucred {
            pid: 0,
            uid: 0,
            gid: 0,
        })
    }
}

/// The peer's user and group ids of a connected Unix socket.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) fn peer_cred(fd: RawFd) -> io::Result<(libc::uid_t, libc::gid_t)> {
    let mut uid: libc::uid_t = 0;
    let mut gid: libc::gid_t = 0;
    // SAFETY: both pointers refer to live locals of the types the call writes.
    cvt(unsafe { libc::getpeereid(fd, &mut uid, &mut gid) })?;
    Ok((uid, gid))
}

/// The signal-handling syscalls (`sigaction`, the self-pipe write) and the chaining to
/// handlers installed before ours.
///
/// # Chaining
/// When our handler replaces a function handler (another library's, or the program's),
/// that handler is remembered per signal and called by ours after our own work, with the
/// arguments it expects (`(signum)`, or `(signum, siginfo, context)` when it was
/// installed with `SA_SIGINFO`). `SIG_DFL` and `SIG_IGN` are not chained: from our
/// installation on, the default action no longer happens (tokio 0.2 behaves alike). The
/// previous handler's own `sa_mask` and `SA_NODEFER`/`SA_RESETHAND` flags are not
/// reproduced: it runs with ours.
///
/// The table is written before our handler is installed (and refreshed after, should
/// another thread have changed the action in between), flags before the address, so a
/// handler run that sees an address also sees its flags.
#[cfg(not(loom))]
pub(crate) mod signal {
    use super::cvt;
    use crate::loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
    use crate::signal::registry::MAX_SIGNUM;
    use std::io;
    use std::mem;
    use std::ptr;

    type PlainHandler = extern "C" fn(libc::c_int);
    type InfoHandler = extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void);

    /// Per signal: the previous handler's address, 0 when there is nothing to chain to.
    static PREV_HANDLER: [AtomicUsize; MAX_SIGNUM + 1] =
        [const { AtomicUsize::new(0) }; MAX_SIGNUM + 1];
    /// Per signal: whether the previous handler takes `(signum, siginfo, context)`.
    static PREV_SIGINFO: [AtomicBool; MAX_SIGNUM + 1] =
        [const { AtomicBool::new(false) }; MAX_SIGNUM + 1];

    extern "C" fn handler(signum: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        let saved = errno();
        crate::signal::registry::on_signal(signum);
        chain(signum, info, ctx);
        set_errno(saved);
    }

    fn our_handler() -> usize {
        handler as InfoHandler as usize
    }

    /// Calls the handler our installation replaced, if it was a function.
    fn chain(signum: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        let Some(i) = usize::try_from(signum).ok().filter(|&i| i <= MAX_SIGNUM) else {
            return;
        };
        let prev = PREV_HANDLER[i].load(SeqCst);
        if prev == 0 {
            return;
        }
        if PREV_SIGINFO[i].load(SeqCst) {
            // SAFETY: `prev` is the `sa_sigaction` of an action installed with
            // `SA_SIGINFO` (`remember` stored both together), so it is a function of
            // this signature; it gets the very arguments the kernel gave us.
            let f = unsafe { mem::transmute::<usize, InfoHandler>(prev) };
            f(signum, info, ctx);
        } else {
            // SAFETY: `prev` is the `sa_handler` of an action installed without
            // `SA_SIGINFO` and is neither `SIG_DFL` nor `SIG_IGN` (`remember` stores 0
            // for those), so it is a function taking the signal number.
            let f = unsafe { mem::transmute::<usize, PlainHandler>(prev) };
            f(signum);
        }
    }

    /// Records `old` (the action ours replaces) for chaining.
    fn remember(signum: libc::c_int, old: &libc::sigaction) {
        let Some(i) = usize::try_from(signum).ok().filter(|&i| i <= MAX_SIGNUM) else {
            return;
        };
        let addr = old.sa_sigaction;
        let callable = addr != libc::SIG_DFL && addr != libc::SIG_IGN && addr != our_handler();
        PREV_SIGINFO[i].store(old.sa_flags & libc::SA_SIGINFO != 0, SeqCst);
        PREV_HANDLER[i].store(if callable { addr } else { 0 }, SeqCst);
    }

    /// Installs the process-wide handler for `signum` (`SA_RESTART | SA_SIGINFO`), keeping
    /// the handler it replaces for chaining (see the module doc).
    pub(crate) fn install(signum: libc::c_int) -> io::Result<()> {
        // SAFETY: an all-zero `sigaction` is a valid value (empty mask, no flags).
        let mut action: libc::sigaction = unsafe { mem::zeroed() };
        action.sa_sigaction = our_handler() as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART | libc::SA_SIGINFO;
        // SAFETY: `action.sa_mask` is a live `sigset_t` owned by `action`.
        cvt(unsafe { libc::sigemptyset(&mut action.sa_mask) })?;
        // SAFETY: as above, all-zero is a valid `sigaction` for the kernel to overwrite.
        let mut before: libc::sigaction = unsafe { mem::zeroed() };
        // SAFETY: a null new action only queries; `before` is live and writable.
        cvt(unsafe { libc::sigaction(signum, ptr::null(), &mut before) })?;
        remember(signum, &before);
        // SAFETY: as above.
        let mut replaced: libc::sigaction = unsafe { mem::zeroed() };
        // SAFETY: `action` is fully initialised and outlives the call, `replaced` is live
        // and writable; the handler only does async-signal-safe work (atomic loads and
        // stores, `write`, and the chained handler, which was already a signal handler).
        cvt(unsafe { libc::sigaction(signum, &action, &mut replaced) })?;
        if replaced.sa_sigaction != before.sa_sigaction || replaced.sa_flags != before.sa_flags {
            remember(signum, &replaced);
        }
        Ok(())
    }

    /// Writes one byte to the self-pipe; errors (a full pipe) are ignored on purpose.
    pub(crate) fn wake_pipe(fd: libc::c_int) {
        if fd < 0 {
            return;
        }
        let byte = 1u8;
        // SAFETY: `&byte` points to one live byte; `write` is async-signal-safe.
        let _ = unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    fn errno_ptr() -> *mut libc::c_int {
        // SAFETY: returns the calling thread's errno location; no preconditions.
        unsafe { libc::__errno_location() }
    }

    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    fn errno_ptr() -> *mut libc::c_int {
        // SAFETY: returns the calling thread's errno location; no preconditions.
        unsafe { libc::__error() }
    }

    fn errno() -> libc::c_int {
        // SAFETY: `errno_ptr` is this thread's valid errno slot.
        unsafe { *errno_ptr() }
    }

    fn set_errno(value: libc::c_int) {
        // SAFETY: `errno_ptr` is this thread's valid errno slot.
        unsafe { *errno_ptr() = value }
    }
}
