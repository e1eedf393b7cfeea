mod support;

use support::*;
use tokio_net::signal::ctrl_c;
use tokio_net::signal::unix::{signal, SignalKind};

fn raise(sig: libc::c_int) {
    // SAFETY: raise only delivers a signal to this thread; a handler is installed.
    assert_eq!(unsafe { libc::raise(sig) }, 0);
}

#[test]
fn user_signal_reaches_every_listener() {
    block_on(async {
        let mut a = signal(SignalKind::user_defined1()).unwrap();
        let mut b = signal(SignalKind::user_defined1()).unwrap();
        raise(libc::SIGUSR1);
        assert_eq!(a.recv().await, Some(()));
        assert_eq!(b.recv().await, Some(()));
        // Again, to check the pipe re-arms.
        raise(libc::SIGUSR1);
        assert_eq!(b.recv().await, Some(()));
        assert_eq!(a.recv().await, Some(()));
    });
}

#[test]
fn ctrl_c_completes_on_sigint() {
    block_on(async {
        let raiser = async {
            // `join!` polls `ctrl_c` first, so its listener exists by now.
            raise(libc::SIGINT);
        };
        let (res, ()) = futures::join!(ctrl_c(), raiser);
        res.unwrap();
    });
}

#[test]
fn forbidden_signals_are_refused() {
    block_on(async {
        for sig in [libc::SIGKILL, libc::SIGSTOP, libc::SIGSEGV, 0, 1000] {
            let err = signal(SignalKind::from_raw(sig)).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("Refusing to register signal {sig}")
            );
        }
    });
}

#[test]
fn signal_outside_a_runtime_panics() {
    let err = std::panic::catch_unwind(|| {
        let _ = signal(SignalKind::user_defined2());
    })
    .unwrap_err();
    let text = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(text.contains("no current reactor"), "{text}");
}

#[test]
fn stream_impl_yields_deliveries() {
    use futures::StreamExt;
    block_on(async {
        let mut s = signal(SignalKind::window_change()).unwrap();
        raise(libc::SIGWINCH);
        assert_eq!(s.next().await, Some(()));
    });
}
