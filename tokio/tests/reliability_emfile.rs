//! EMFILE: with the process out of file descriptors, `accept` returns the error (no panic),
//! other tasks keep running, and the connection that was waiting is accepted as soon as
//! descriptors are freed — without a new connection arriving.
//!
//! Its own test binary: it lowers `RLIMIT_NOFILE` for the whole process.

use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::runtime::Builder;

fn set_nofile(limit: u64) -> u64 {
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `old` is a valid, writable rlimit for getrlimit to fill.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut old) }, 0);
    let new = libc::rlimit {
        rlim_cur: limit,
        rlim_max: old.rlim_max,
    };
    // SAFETY: `new` is a valid rlimit; lowering the soft limit is always permitted.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) }, 0);
    old.rlim_cur
}

/// Opens /dev/null until the process runs out of descriptors.
fn exhaust() -> Vec<File> {
    let mut files = Vec::new();
    loop {
        match File::open("/dev/null") {
            Ok(f) => files.push(f),
            Err(e) if e.raw_os_error() == Some(libc::EMFILE) => return files,
            Err(e) => panic!("unexpected error while exhausting descriptors: {e}"),
        }
        assert!(files.len() < 100_000, "RLIMIT_NOFILE did not take effect");
    }
}

#[test]
fn accept_survives_emfile() {
    let rt = Builder::new()
        .threaded_scheduler()
        .core_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let ticks = Arc::new(AtomicUsize::new(0));
    rt.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();

        // A bystander task that must keep running throughout.
        let t = ticks.clone();
        tokio::spawn(async move {
            loop {
                t.fetch_add(1, SeqCst);
                tokio::time::delay_for(Duration::from_millis(5)).await;
            }
        });

        // The client connects before descriptors run out; the kernel completes the
        // handshake, so the connection waits in the listen backlog.
        let client = std::net::TcpStream::connect(addr).unwrap();

        let old = set_nofile(256);
        let mut hog = exhaust();

        let err = listener
            .accept()
            .await
            .expect_err("accept cannot succeed without a free descriptor");
        assert_eq!(err.raw_os_error(), Some(libc::EMFILE), "{err:?}");
        assert_ne!(err.kind(), io::ErrorKind::WouldBlock);

        // Other tasks keep running while we are out of descriptors.
        let before = ticks.load(SeqCst);
        tokio::time::delay_for(Duration::from_millis(50)).await;
        assert!(ticks.load(SeqCst) > before, "the bystander task stalled");

        // Free descriptors: the connection already waiting is accepted, no new one needed.
        hog.truncate(hog.len().saturating_sub(16));
        let (accepted, peer) = tokio::time::timeout(Duration::from_secs(5), listener.accept())
            .await
            .expect("the waiting connection was not accepted after descriptors were freed")
            .expect("accept after freeing descriptors");
        assert_eq!(peer, client.local_addr().unwrap());
        drop(accepted);
        drop(hog);
        set_nofile(old);
    });
}
