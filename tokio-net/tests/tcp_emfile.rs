//! Accept under fd exhaustion. Its own test binary: it lowers RLIMIT_NOFILE for the
//! whole process.
mod support;

use std::future::poll_fn;
use support::*;
use tokio_net::tcp::TcpListener;

fn set_nofile(limit: u64) {
    let mut cur = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the live local `cur`.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut cur) }, 0);
    let new = libc::rlimit {
        rlim_cur: (limit as libc::rlim_t).min(cur.rlim_max),
        rlim_max: cur.rlim_max,
    };
    // SAFETY: setrlimit reads the live local `new`.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) }, 0);
}

#[test]
fn accept_reports_emfile_and_recovers() {
    set_nofile(256);
    block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // Two clients wait in the backlog.
        let _c1 = std::net::TcpStream::connect(addr).unwrap();
        let _c2 = std::net::TcpStream::connect(addr).unwrap();
        // Exhaust the descriptor table.
        let mut hog = Vec::new();
        loop {
            match std::fs::File::open("/dev/null") {
                Ok(f) => hog.push(f),
                Err(e) => {
                    assert_eq!(e.raw_os_error(), Some(libc::EMFILE));
                    break;
                }
            }
            assert!(hog.len() < 10_000, "RLIMIT_NOFILE not applied");
        }
        let err = poll_fn(|cx| listener.poll_accept(cx)).await.unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EMFILE), "{err}");
        // A second attempt fails the same way (no hang, no panic).
        let err = listener.accept().await.unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EMFILE));
        // Free descriptors: the listener accepts again.
        hog.truncate(hog.len().saturating_sub(16));
        let (s1, _) = listener.accept().await.unwrap();
        let (s2, _) = listener.accept().await.unwrap();
        assert_ne!(s1.peer_addr().unwrap(), s2.peer_addr().unwrap());
    });
}
