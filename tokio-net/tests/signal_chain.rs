//! A handler installed for a signal before ours keeps being called (chaining), with the
//! arguments it expects. One signal per test: dispositions are process-wide.
mod support;

use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering::SeqCst};
use support::*;
use tokio_net::signal::unix::{signal, SignalKind};

fn raise(sig: libc::c_int) {
    // SAFETY: raise delivers the signal to this thread; a handler is installed.
    assert_eq!(unsafe { libc::raise(sig) }, 0);
}

/// Installs `handler` for `sig` as a foreign library would, before any tokio listener.
fn install_foreign(sig: libc::c_int, handler: libc::sighandler_t, siginfo: bool) {
    // SAFETY: an all-zero `sigaction` is valid (empty mask, no flags).
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = handler;
    action.sa_flags = if siginfo { libc::SA_SIGINFO } else { 0 };
    // SAFETY: `action` is initialised and outlives the call; the handlers below only
    // touch atomics (async-signal-safe); a null old-action pointer is allowed.
    let rc = unsafe { libc::sigaction(sig, &action, std::ptr::null_mut()) };
    assert_eq!(rc, 0);
}

static PLAIN_CALLS: AtomicUsize = AtomicUsize::new(0);
static PLAIN_SIGNUM: AtomicI32 = AtomicI32::new(0);

extern "C" fn plain(sig: libc::c_int) {
    PLAIN_SIGNUM.store(sig, SeqCst);
    PLAIN_CALLS.fetch_add(1, SeqCst);
}

static INFO_CALLS: AtomicUsize = AtomicUsize::new(0);
static INFO_SIGNO: AtomicI32 = AtomicI32::new(0);

extern "C" fn with_info(sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    let signo = if info.is_null() {
        -1
    } else {
        // SAFETY: with SA_SIGINFO the kernel passes a valid `siginfo_t` for this
        // delivery; chaining must pass it through unchanged.
        unsafe { (*info).si_signo }
    };
    // Checked by the test, not here: no panicking inside a signal handler.
    INFO_SIGNO.store(if sig == signo { signo } else { -2 }, SeqCst);
    INFO_CALLS.fetch_add(1, SeqCst);
}

#[test]
fn plain_handler_installed_before_is_still_called() {
    install_foreign(
        libc::SIGUSR2,
        plain as extern "C" fn(libc::c_int) as usize,
        false,
    );
    block_on(async {
        let mut s = signal(SignalKind::user_defined2()).unwrap();
        raise(libc::SIGUSR2);
        assert_eq!(s.recv().await, Some(()));
        assert_eq!(PLAIN_CALLS.load(SeqCst), 1);
        assert_eq!(PLAIN_SIGNUM.load(SeqCst), libc::SIGUSR2);
        raise(libc::SIGUSR2);
        assert_eq!(s.recv().await, Some(()));
        assert_eq!(PLAIN_CALLS.load(SeqCst), 2, "chained on every delivery");
    });
}

#[test]
fn siginfo_handler_installed_before_gets_its_arguments() {
    type Info = extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void);
    install_foreign(libc::SIGALRM, with_info as Info as usize, true);
    block_on(async {
        let mut s = signal(SignalKind::alarm()).unwrap();
        // A second listener for the same signal does not chain twice.
        let mut t = signal(SignalKind::alarm()).unwrap();
        raise(libc::SIGALRM);
        assert_eq!(s.recv().await, Some(()));
        assert_eq!(t.recv().await, Some(()));
        assert_eq!(INFO_CALLS.load(SeqCst), 1);
        assert_eq!(INFO_SIGNO.load(SeqCst), libc::SIGALRM);
    });
}

#[test]
fn ignored_disposition_before_us_still_delivers() {
    // SIG_IGN before us: our listener still gets the signal, nothing else runs (and the
    // process is not killed, as it would be with SIGHUP's default action).
    install_foreign(libc::SIGHUP, libc::SIG_IGN, false);
    block_on(async {
        let mut s = signal(SignalKind::hangup()).unwrap();
        raise(libc::SIGHUP);
        assert_eq!(s.recv().await, Some(()));
    });
}
