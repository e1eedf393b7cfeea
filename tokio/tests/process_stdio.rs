#![cfg(all(unix, feature = "full"))]
//! The piped standard streams of `tokio::process` children.

use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn stdin_piped_to_cat_and_read_back() {
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for i in 0..3 {
        stdin
            .write_all(format!("line {}\n", i).as_bytes())
            .await
            .unwrap();
        let line = timeout(LIMIT, lines.next_line()).await.unwrap().unwrap();
        assert_eq!(line, Some(format!("line {}", i)));
    }
    drop(stdin);
    assert_eq!(
        timeout(LIMIT, lines.next_line()).await.unwrap().unwrap(),
        None
    );
    assert!(timeout(LIMIT, child).await.unwrap().unwrap().success());
}

#[tokio::test(threaded_scheduler)]
async fn large_transfer_through_cat() {
    const LEN: usize = 1 << 20;
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let data: Vec<u8> = (0..LEN).map(|i| (i % 251) as u8).collect();
    let expected = data.clone();
    // Bigger than the pipe buffers: writer and reader must interleave.
    let writer = tokio::spawn(async move {
        stdin.write_all(&data).await.unwrap();
    });
    let mut got = Vec::new();
    timeout(LIMIT, stdout.read_to_end(&mut got))
        .await
        .unwrap()
        .unwrap();
    writer.await.unwrap();
    assert_eq!(got.len(), LEN);
    assert!(got == expected);
    assert!(timeout(LIMIT, child).await.unwrap().unwrap().success());
}

#[tokio::test]
async fn wait_with_output_reads_both_streams() {
    let child = Command::new("sh")
        .arg("-c")
        .arg("echo out; echo err 1>&2")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = timeout(LIMIT, child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, b"out\n");
    assert_eq!(out.stderr, b"err\n");
}

#[tokio::test]
async fn wait_with_output_drains_more_than_a_pipe_buffer() {
    // 256 KiB on stdout: the child blocks until the parent reads while waiting.
    let child = Command::new("sh")
        .arg("-c")
        .arg("head -c 262144 /dev/zero")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = timeout(LIMIT, child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout.len(), 262_144);
    assert!(out.stderr.is_empty());
}

#[tokio::test]
async fn writing_to_an_exited_child_fails() {
    let mut child = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    assert!(timeout(LIMIT, &mut child).await.unwrap().unwrap().success());
    let chunk = vec![0u8; 64 * 1024];
    let res = timeout(LIMIT, async {
        loop {
            stdin.write_all(&chunk).await?;
        }
        #[allow(unreachable_code)]
        Ok::<(), std::io::Error>(())
    })
    .await
    .expect("a write to a closed pipe must not hang");
    assert_eq!(res.unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
}

#[tokio::test]
#[allow(deprecated)]
async fn deprecated_accessors_and_raw_fds() {
    use std::os::unix::io::AsRawFd;
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(child.stdin().is_some());
    assert!(child.stdout().is_some());
    assert!(child.stderr().is_some());
    assert!(child.stdin.as_ref().unwrap().as_raw_fd() >= 0);
    assert!(child.stdout.as_ref().unwrap().as_raw_fd() >= 0);
    assert!(child.stderr.as_ref().unwrap().as_raw_fd() >= 0);
    assert!(format!("{:?}", child).contains("Child"));
    drop(child.stdin.take());
    assert!(timeout(LIMIT, child).await.unwrap().unwrap().success());
}

#[tokio::test]
async fn blocked_writer_fails_when_the_child_is_killed() {
    let mut child = Command::new("sleep")
        .arg("10")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // `sleep` never reads: the pipe fills and the writer waits for write readiness.
    let writer = tokio::spawn(async move {
        let data = [0u8; 8192];
        loop {
            if let Err(e) = input.write_all(&data).await {
                return e;
            }
        }
    });
    tokio::time::delay_for(Duration::from_millis(200)).await;
    child.kill().unwrap();
    let _ = timeout(LIMIT, &mut child).await.unwrap().unwrap();
    let err = timeout(LIMIT, writer)
        .await
        .expect("the blocked writer was not woken")
        .unwrap();
    assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
}
