mod support;

use support::*;
use tokio_net::unix::{UnixDatagram, UnixListener, UnixStream};

fn tmp_path(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("tokio-net-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn listener_accept_and_echo() {
    let path = tmp_path("echo.sock");
    block_on(async {
        let listener = UnixListener::bind(&path).unwrap();
        let server = async {
            let (mut s, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4];
            read_exact(&mut s, &mut buf).await.unwrap();
            write_all(&mut s, &buf).await.unwrap();
        };
        let client = async {
            let mut c = UnixStream::connect(&path).await.unwrap();
            write_all(&mut c, b"ping").await.unwrap();
            let mut buf = [0u8; 4];
            read_exact(&mut c, &mut buf).await.unwrap();
            assert_eq!(&buf, b"ping");
        };
        futures::join!(server, client);
    });
    let _ = std::fs::remove_file(&path);
}

#[test]
fn pair_peer_cred_and_owned_halves() {
    block_on(async {
        let (a, mut b) = UnixStream::pair().unwrap();
        let cred = a.peer_cred().unwrap();
        // Our own uid/gid, from the metadata of /proc/self.
        let me = std::fs::metadata("/proc/self").map(|m| {
            use std::os::unix::fs::MetadataExt;
            (m.uid(), m.gid())
        });
        if let Ok((uid, gid)) = me {
            assert_eq!((cred.uid, cred.gid), (uid, gid));
        }
        let (mut r, w) = a.into_split();
        drop(w); // shuts down a's write side: b reads EOF
        let mut buf = [0u8; 1];
        assert_eq!(read(&mut b, &mut buf).await.unwrap(), 0);
        write_all(&mut b, b"z").await.unwrap();
        assert_eq!(read(&mut r, &mut buf).await.unwrap(), 1);
        assert_eq!(&buf, b"z");
    });
}

#[test]
fn datagram_pair_and_named() {
    let path = tmp_path("dgram.sock");
    block_on(async {
        let (a, b) = UnixDatagram::pair().unwrap();
        a.send(b"hello").await.unwrap();
        let mut buf = [0u8; 16];
        let n = b.recv(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"hello");

        let server = UnixDatagram::bind(&path).unwrap();
        let client = UnixDatagram::unbound().unwrap();
        client.send_to(b"to-path", &path).await.unwrap();
        let (n, _from) = server.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"to-path");

        let (r, mut s) = client.into_split();
        s.send_to(b"again", &path).await.unwrap();
        let (n, _) = server.recv_from(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"again");
        let client = r.reunite(s).unwrap();
        assert!(client.try_recv(&mut buf).is_err());
    });
    let _ = std::fs::remove_file(&path);
}
