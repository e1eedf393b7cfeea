#![cfg(all(unix, feature = "full"))]
//! Killing children, kill_on_drop, and reaping of dropped children.

use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncReadExt;
use tokio::process::Command;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(5);

#[tokio::test]
async fn kill_then_await_reports_the_signal() {
    let mut child = Command::new("sleep").arg("10").spawn().unwrap();
    child.kill().unwrap();
    let status = timeout(LIMIT, &mut child).await.unwrap().unwrap();
    assert!(!status.success());
    assert_eq!(status.code(), None);
    assert_eq!(status.signal(), Some(9));
}

#[tokio::test]
async fn kill_on_drop_kills() {
    let mut child = Command::new("sleep")
        .arg("10")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    drop(child);
    // The only writer of the pipe was `sleep`: end of stream means it died.
    let mut buf = Vec::new();
    timeout(LIMIT, stdout.read_to_end(&mut buf))
        .await
        .expect("the child was not killed on drop")
        .unwrap();
    assert!(buf.is_empty());
}

#[tokio::test]
async fn drop_without_kill_on_drop_lets_the_child_run() {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("sleep 0.2; echo alive")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    drop(child);
    let mut out = String::new();
    timeout(LIMIT, stdout.read_to_string(&mut out))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(out, "alive\n");
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn killed_on_drop_child_is_reaped() {
    let child = Command::new("sleep")
        .arg("10")
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let pid = child.id();
    drop(child);
    wait_until_reaped(pid).await;
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn dropped_children_are_reaped() {
    let child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    drop(child);
    wait_until_reaped(pid).await;
}

#[cfg(target_os = "linux")]
/// Waits until `pid` no longer exists (not even as a zombie), spawning short children so
/// the orphan queue gets swept.
async fn wait_until_reaped(pid: u32) {
    let path = format!("/proc/{}", pid);
    for _ in 0..100 {
        if !std::path::Path::new(&path).exists() {
            return;
        }
        let status = timeout(LIMIT, Command::new("true").status()).await.unwrap();
        assert!(status.unwrap().success());
        tokio::time::delay_for(Duration::from_millis(10)).await;
    }
    panic!("pid {} was never reaped", pid);
}
