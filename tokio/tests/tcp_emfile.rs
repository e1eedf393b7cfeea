#![cfg(feature = "full")]
//! Accept when the process is out of file descriptors. Its own test binary: it lowers
//! RLIMIT_NOFILE for the whole process.

use tokio::net::{TcpListener, TcpStream};

fn lower_nofile(limit: u64) {
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
fn accept_returns_emfile_then_recovers() {
    lower_nofile(512);
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        #[allow(unused_mut)]
        let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let _c1 = TcpStream::connect(addr).await.unwrap();
        let _c2 = TcpStream::connect(addr).await.unwrap();
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
        let err = listener.accept().await.unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EMFILE), "{err}");
        let err = listener.accept().await.unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EMFILE));
        hog.truncate(hog.len().saturating_sub(32));
        let (a, _) = listener.accept().await.unwrap();
        let (b, _) = listener.accept().await.unwrap();
        assert_ne!(a.peer_addr().unwrap(), b.peer_addr().unwrap());
    });
}
