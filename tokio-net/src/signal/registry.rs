//! The process-wide signal state: the self-pipe, the per-signal pending flags, and the
//! listeners. Process-global by nature (signal dispositions are per process).

use crate::loom::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use crate::loom::sync::{Arc, Mutex, MutexGuard};
use crate::sys::signal as sys;
use std::io;
use std::os::unix::net::UnixStream;
use std::sync::OnceLock;
use std::task::Waker;

/// Highest signal number handled (covers the real-time range on Linux).
pub(crate) const MAX_SIGNUM: usize = 64;

/// The write end of the self-pipe, readable from the signal handler.
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);

/// One pending flag per signal number, set by the handler.
static PENDING: [AtomicBool; MAX_SIGNUM + 1] = [const { AtomicBool::new(false) }; MAX_SIGNUM + 1];

/// The registry behind the lock: listeners and which handlers are installed.
pub(crate) struct Registry {
    read_end: UnixStream,
    installed: [bool; MAX_SIGNUM + 1],
    listeners: Vec<(usize, Arc<Listener>)>,
}

/// One `Signal`'s delivery count and waker.
#[derive(Debug, Default)]
pub(crate) struct Listener {
    deliveries: AtomicUsize,
    waker: Mutex<Option<Waker>>,
}

static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();

fn registry() -> io::Result<MutexGuard<'static, Registry>> {
    if let Some(reg) = REGISTRY.get() {
        return Ok(lock(reg));
    }
    let (read_end, write_end) = UnixStream::pair()?;
    read_end.set_nonblocking(true)?;
    write_end.set_nonblocking(true)?;
    // Only the thread whose closure runs publishes its pipe; a losing thread drops its
    // pair with the unused closure.
    let init = move || {
        use std::os::unix::io::IntoRawFd;
        // Leaked for the life of the process: the handler may run at any time.
        WRITE_FD.store(write_end.into_raw_fd(), Ordering::SeqCst);
        Mutex::new(Registry {
            read_end,
            installed: [false; MAX_SIGNUM + 1],
            listeners: Vec::new(),
        })
    };
    Ok(lock(REGISTRY.get_or_init(init)))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The handler body: async-signal-safe (an atomic store and one `write`).
pub(crate) fn on_signal(signum: libc::c_int) {
    if let Some(flag) = usize::try_from(signum).ok().and_then(|s| PENDING.get(s)) {
        flag.store(true, Ordering::SeqCst);
    }
    sys::wake_pipe(WRITE_FD.load(Ordering::SeqCst));
}

/// A duplicate of the pipe's read end, for the caller to register with its reactor.
pub(crate) fn pipe() -> io::Result<UnixStream> {
    registry()?.read_end.try_clone()
}

/// Registers a listener for `signum`, installing the handler on first use.
pub(crate) fn listen(signum: usize) -> io::Result<Arc<Listener>> {
    let mut reg = registry()?;
    if !reg.installed[signum] {
        sys::install(signum as libc::c_int)?;
        reg.installed[signum] = true;
    }
    let listener = Arc::new(Listener::default());
    reg.listeners.push((signum, listener.clone()));
    Ok(listener)
}

/// Removes `listener` from the registry.
pub(crate) fn unlisten(listener: &Arc<Listener>) {
    if let Some(reg) = REGISTRY.get() {
        lock(reg)
            .listeners
            .retain(|(_, l)| !Arc::ptr_eq(l, listener));
    }
}

/// Step 3 of the protocol, after the caller drained the pipe: hands each pending signal
/// to its listeners and wakes them.
pub(crate) fn dispatch() {
    let Some(reg) = REGISTRY.get() else { return };
    let mut wakers = Vec::new();
    {
        let reg = lock(reg);
        for (signum, flag) in PENDING.iter().enumerate() {
            if !flag.swap(false, Ordering::SeqCst) {
                continue;
            }
            for (_, l) in reg.listeners.iter().filter(|(s, _)| *s == signum) {
                l.deliveries.fetch_add(1, Ordering::SeqCst);
                if let Some(w) = lock(&l.waker).take() {
                    wakers.push(w);
                }
            }
        }
    }
    for w in wakers {
        w.wake();
    }
}

impl Listener {
    /// Consumes one delivery, if any.
    pub(crate) fn take_one(&self) -> bool {
        self.deliveries
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
    }

    /// Stores the task to wake on the next delivery.
    pub(crate) fn set_waker(&self, waker: &Waker) {
        let mut slot = lock(&self.waker);
        let replaced = match &*slot {
            Some(w) if w.will_wake(waker) => None,
            _ => slot.replace(waker.clone()),
        };
        // Dropped outside the lock: freeing a task may drop a `Signal`, whose `Drop`
        // takes the registry lock (which `dispatch` holds while taking this one).
        drop(slot);
        drop(replaced);
    }
}
