//! tokio 0.2.25 compatibility: process (Child is a Future), signal, fs, prelude, and
//! feature-level odds and ends.
#![cfg(unix)]
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut
)]

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};

// 0.2 code using Command / Child-as-Future / ChildStdin / wait_with_output.
mod process_0_2 {
    use super::*;
    use std::process::Stdio;
    use tokio::io::AsyncBufReadExt;
    use tokio::process::Command;

    #[tokio::test]
    async fn child_is_a_future() {
        let child = Command::new("true").spawn().unwrap();
        let _id: u32 = child.id();
        let status = child.await.unwrap();
        assert!(status.success());
    }

    #[tokio::test]
    async fn command_status_output() {
        let status = Command::new("sh")
            .arg("-c")
            .arg("exit 3")
            .status()
            .await
            .unwrap();
        assert_eq!(status.code(), Some(3));
        let out = Command::new("echo").arg("hi").output().await.unwrap();
        assert_eq!(out.stdout, b"hi\n");
    }

    #[tokio::test]
    async fn child_pipes_and_kill() {
        let mut child = Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        stdin.write_all(b"line\n").await.unwrap();
        let mut lines = BufReader::new(stdout).lines();
        assert_eq!(lines.next_line().await.unwrap(), Some("line".to_string()));
        child.kill().unwrap();
        let status = child.await.unwrap();
        assert!(!status.success());
    }

    #[tokio::test]
    async fn wait_with_output() {
        let child = Command::new("sh")
            .arg("-c")
            .arg("echo out; echo err 1>&2")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = child.wait_with_output().await.unwrap();
        assert_eq!(out.stdout, b"out\n");
        assert_eq!(out.stderr, b"err\n");
    }

    #[tokio::test]
    async fn command_from_std() {
        let mut std_cmd = std::process::Command::new("true");
        std_cmd.arg("x");
        let mut cmd: Command = std_cmd.into();
        assert!(cmd.status().await.unwrap().success());
    }
}

#[tokio::test]
async fn signal_user_defined() {
    use tokio::signal::unix::{signal, SignalKind};
    let mut sig = signal(SignalKind::user_defined1()).unwrap();
    // SAFETY: raising SIGUSR1 on our own process, whose handler is installed above.
    unsafe {
        libc::raise(libc::SIGUSR1);
    }
    let r = tokio::time::timeout(Duration::from_secs(5), sig.recv()).await;
    assert_eq!(r.unwrap(), Some(()));
    let _ = SignalKind::from_raw(libc::SIGUSR2);
    let _ = format!("{:?}", SignalKind::hangup());
}

#[tokio::test]
async fn signal_forbidden_is_error() {
    use tokio::signal::unix::{signal, SignalKind};
    let err = signal(SignalKind::from_raw(libc::SIGKILL)).unwrap_err();
    assert!(
        err.to_string().contains("Refusing to register signal"),
        "{}",
        err
    );
}

#[tokio::test]
async fn signal_stream_impl() {
    use tokio::signal::unix::{signal, SignalKind};
    use tokio::stream::StreamExt;
    let mut sig = signal(SignalKind::user_defined2()).unwrap();
    // SAFETY: raising SIGUSR2 on our own process, whose handler is installed above.
    unsafe {
        libc::raise(libc::SIGUSR2);
    }
    let r = tokio::time::timeout(Duration::from_secs(5), sig.next()).await;
    assert_eq!(r.unwrap(), Some(()));
}

#[tokio::test]
async fn fs_roundtrip() {
    let dir = std::env::temp_dir().join(format!("compat-fs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    tokio::fs::create_dir_all(&dir).await.unwrap();
    let p = dir.join("a.txt");
    tokio::fs::write(&p, b"hello").await.unwrap();
    assert_eq!(tokio::fs::read(&p).await.unwrap(), b"hello");
    assert_eq!(tokio::fs::read_to_string(&p).await.unwrap(), "hello");
    let mut f = tokio::fs::File::open(&p).await.unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "hello");
    let mut f = tokio::fs::OpenOptions::new()
        .append(true)
        .open(&p)
        .await
        .unwrap();
    f.write_all(b" world").await.unwrap();
    f.sync_all().await.unwrap();
    drop(f);
    assert_eq!(tokio::fs::read(&p).await.unwrap(), b"hello world");
    let mut f = tokio::fs::File::create(dir.join("b.txt")).await.unwrap();
    f.write_all(b"x").await.unwrap();
    f.flush().await.unwrap();
    let mut rd = tokio::fs::read_dir(&dir).await.unwrap();
    let mut names = Vec::new();
    while let Some(e) = rd.next_entry().await.unwrap() {
        names.push(e.file_name().into_string().unwrap());
    }
    names.sort();
    assert_eq!(names, vec!["a.txt", "b.txt"]);
    use tokio::stream::StreamExt;
    let n = tokio::fs::read_dir(&dir)
        .await
        .unwrap()
        .collect::<Vec<_>>()
        .await
        .len();
    assert_eq!(n, 2);
    let md = tokio::fs::metadata(&p).await.unwrap();
    assert_eq!(md.len(), 11);
    tokio::fs::remove_dir_all(&dir).await.unwrap();
}

#[tokio::test]
async fn fs_file_seek_and_std() {
    let p = std::env::temp_dir().join(format!("compat-seek-{}", std::process::id()));
    tokio::fs::write(&p, b"0123456789").await.unwrap();
    let mut f = tokio::fs::File::open(&p).await.unwrap();
    f.seek(std::io::SeekFrom::Start(5)).await.unwrap();
    let mut b = [0u8; 2];
    f.read_exact(&mut b).await.unwrap();
    assert_eq!(&b, b"56");
    let std_f: std::fs::File = f.into_std().await;
    let f2 = tokio::fs::File::from_std(std_f);
    let _ = f2.try_into_std().unwrap();
    tokio::fs::remove_file(&p).await.unwrap();
}

#[test]
fn prelude_has_only_io() {
    #[allow(unused_imports)]
    use tokio::prelude::*;
    fn takes<T: AsyncRead + AsyncWrite + AsyncBufRead>() {}
    let _ = takes::<BufReader<tokio::io::DuplexStream>>;
    let _: io::Result<()> = Ok(());
}

#[tokio::test]
async fn std_streams() {
    let mut out = tokio::io::stdout();
    out.write_all(b"").await.unwrap();
    out.flush().await.unwrap();
}
