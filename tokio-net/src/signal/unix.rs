//! Unix signals: [`signal`] returns a [`Signal`] stream for one [`SignalKind`].

use super::registry::{self, Listener, MAX_SIGNUM};
use crate::driver::{Direction, Interest, PollEvented};
use crate::errors;
use crate::loom::sync::Arc;
use std::fmt;
use std::future::poll_fn;
use std::io::{self, Read};
use std::pin::Pin;
use std::task::{Context, Poll};

/// A kind of signal to listen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SignalKind(libc::c_int);

impl SignalKind {
    /// Any signal by number (e.g. `libc::SIGUSR1`).
    pub fn from_raw(signum: libc::c_int) -> SignalKind {
        SignalKind(signum)
    }

    /// `SIGALRM`.
    pub fn alarm() -> SignalKind {
        SignalKind(libc::SIGALRM)
    }

    /// `SIGCHLD`.
    pub fn child() -> SignalKind {
        SignalKind(libc::SIGCHLD)
    }

    /// `SIGHUP`.
    pub fn hangup() -> SignalKind {
        SignalKind(libc::SIGHUP)
    }

    /// `SIGINFO` (BSD and macOS only).
    #[cfg(any(
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "macos",
        target_os = "netbsd",
        target_os = "openbsd"
    ))]
    pub fn info() -> SignalKind {
        SignalKind(libc::SIGINFO)
    }

    /// `SIGINT` (ctrl-c).
    pub fn interrupt() -> SignalKind {
        SignalKind(libc::SIGINT)
    }

    /// `SIGIO`.
    pub fn io() -> SignalKind {
        SignalKind(libc::SIGIO)
    }

    /// `SIGPIPE`.
    pub fn pipe() -> SignalKind {
        SignalKind(libc::SIGPIPE)
    }

    /// `SIGQUIT`.
    pub fn quit() -> SignalKind {
        SignalKind(libc::SIGQUIT)
    }

    /// `SIGTERM`.
    pub fn terminate() -> SignalKind {
        SignalKind(libc::SIGTERM)
    }

    /// `SIGUSR1`.
    pub fn user_defined1() -> SignalKind {
        SignalKind(libc::SIGUSR1)
    }

    /// `SIGUSR2`.
    pub fn user_defined2() -> SignalKind {
        SignalKind(libc::SIGUSR2)
    }

    /// `SIGWINCH`.
    pub fn window_change() -> SignalKind {
        SignalKind(libc::SIGWINCH)
    }
}

/// A stream of deliveries of one signal. Deliveries that arrive while nobody polls are
/// coalesced, as the OS does.
#[must_use = "streams do nothing unless polled"]
pub struct Signal {
    pipe: PollEvented<mio::net::UnixStream>,
    listener: Arc<Listener>,
    signum: libc::c_int,
}

const FORBIDDEN: [libc::c_int; 5] = [
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGKILL,
    libc::SIGSEGV,
    libc::SIGSTOP,
];

/// Listens for `kind`. From the first call for a signal on, its default action (such as
/// terminating the process on `SIGINT`) no longer happens. A handler some other code
/// installed for the signal before is kept and still called on every delivery.
///
/// # Errors
///
/// "Refusing to register signal N" for signals that cannot or must not be caught
/// (`SIGKILL`, `SIGSTOP`, `SIGSEGV`, `SIGILL`, `SIGFPE`) and out-of-range numbers.
///
/// # Panics
///
/// Panics outside a runtime (no current reactor).
///
/// ```no_run
/// use tokio_net::signal::unix::{signal, SignalKind};
/// # async fn run() -> std::io::Result<()> {
/// let mut hangups = signal(SignalKind::hangup())?;
/// while hangups.recv().await.is_some() {
///     println!("got SIGHUP");
/// }
/// # Ok(()) }
/// ```
#[track_caller]
pub fn signal(kind: SignalKind) -> io::Result<Signal> {
    let signum = kind.0;
    let index = usize::try_from(signum)
        .ok()
        .filter(|&s| s > 0 && s <= MAX_SIGNUM);
    let index = match index {
        Some(i) if !FORBIDDEN.contains(&signum) => i,
        _ => return Err(errors::forbidden_signal(signum)),
    };
    // Bind to the reactor first: a panic (no runtime) must not leave a listener behind.
    let pipe = mio::net::UnixStream::from_std(registry::pipe()?);
    let pipe = PollEvented::new_with_interest(pipe, Interest::READABLE)?;
    let listener = registry::listen(index)?;
    Ok(Signal {
        pipe,
        listener,
        signum,
    })
}

impl Signal {
    /// Waits for the next delivery; `None` once the runtime's reactor is gone.
    /// Cancellation-safe.
    pub async fn recv(&mut self) -> Option<()> {
        poll_fn(|cx| self.poll_recv(cx)).await
    }

    /// Polls for the next delivery.
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<()>> {
        loop {
            if self.listener.take_one() {
                return Poll::Ready(Some(()));
            }
            self.listener.set_waker(cx.waker());
            if self.listener.take_one() {
                return Poll::Ready(Some(()));
            }
            let ev = match self.pipe.registration().poll_ready(cx, Direction::Read) {
                Poll::Ready(Ok(ev)) => ev,
                Poll::Ready(Err(_)) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            };
            if drain(self.pipe.get_ref()) {
                self.pipe.registration().clear_readiness(ev);
            }
            registry::dispatch();
        }
    }
}

/// Reads the pipe empty; true when it ended with `WouldBlock`.
fn drain(mut pipe: &mio::net::UnixStream) -> bool {
    let mut buf = [0u8; 128];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => return false,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return e.kind() == io::ErrorKind::WouldBlock,
        }
    }
}

impl Drop for Signal {
    fn drop(&mut self) {
        registry::unlisten(&self.listener);
    }
}

impl futures_core::Stream for Signal {
    type Item = ();

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<()>> {
        self.get_mut().poll_recv(cx)
    }
}

impl fmt::Debug for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signal")
            .field("signum", &self.signum)
            .finish()
    }
}

/// Completes on the next ctrl-c (`SIGINT`). From the first call on, ctrl-c no longer
/// terminates the process.
///
/// # Panics
///
/// Panics outside a runtime (no current reactor).
pub async fn ctrl_c() -> io::Result<()> {
    let mut sig = signal(SignalKind::interrupt())?;
    sig.recv().await;
    Ok(())
}
