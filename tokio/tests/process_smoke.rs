#![cfg(all(unix, feature = "full"))]
//! `tokio::process` basics: status, output, spawn errors, conversion from std.

use std::process::Stdio;
use std::time::Duration;
use tokio::process::Command;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn status_of_true_and_false() {
    let ok = timeout(LIMIT, Command::new("true").status())
        .await
        .unwrap()
        .unwrap();
    assert!(ok.success());
    assert_eq!(ok.code(), Some(0));
    let bad = timeout(LIMIT, Command::new("false").status())
        .await
        .unwrap()
        .unwrap();
    assert!(!bad.success());
    assert_eq!(bad.code(), Some(1));
}

#[tokio::test]
async fn child_is_a_future_and_caches_its_status() {
    let mut child = Command::new("sh").arg("-c").arg("exit 2").spawn().unwrap();
    let id = child.id();
    assert!(id > 0);
    let status = timeout(LIMIT, &mut child).await.unwrap().unwrap();
    assert_eq!(status.code(), Some(2));
    // Polling again returns the same status; id and kill keep working.
    let again = timeout(LIMIT, &mut child).await.unwrap().unwrap();
    assert_eq!(again.code(), Some(2));
    assert_eq!(child.id(), id);
    child.kill().unwrap();
}

#[tokio::test]
async fn output_collects_stdout_and_stderr() {
    let out = timeout(LIMIT, Command::new("echo").arg("hello").output())
        .await
        .unwrap()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, b"hello\n");
    assert!(out.stderr.is_empty());

    let out = timeout(
        LIMIT,
        Command::new("sh")
            .args(["-c", "echo out; echo err 1>&2; exit 4"])
            .output(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(out.stdout, b"out\n");
    assert_eq!(out.stderr, b"err\n");
}

#[tokio::test]
async fn env_and_current_dir_reach_the_child() {
    let out = Command::new("sh")
        .arg("-c")
        .arg("echo \"$FOO\"; pwd")
        .env_clear()
        .env("FOO", "bar")
        .envs(vec![("BAZ", "1")])
        .env_remove("BAZ")
        .current_dir("/")
        .output()
        .await
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "bar\n/\n");
}

#[tokio::test]
async fn missing_program_is_not_found() {
    let err = Command::new("definitely-not-a-command")
        .spawn()
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    let err = Command::new("definitely-not-a-command")
        .status()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    let err = Command::new("definitely-not-a-command")
        .output()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[tokio::test]
async fn from_std_command() {
    let mut std_cmd = std::process::Command::new("sh");
    std_cmd.arg("-c").arg("exit 5");
    let mut cmd: Command = std_cmd.into();
    assert_eq!(cmd.status().await.unwrap().code(), Some(5));
    assert!(format!("{:?}", cmd).contains("sh"));
}

#[tokio::test]
async fn status_closes_piped_streams() {
    // `cat` would wait forever on an open stdin; status() closes it.
    let status = timeout(
        LIMIT,
        Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .status(),
    )
    .await
    .expect("cat saw end of input")
    .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn pre_exec_runs_in_the_child() {
    let mut cmd = Command::new("true");
    // SAFETY: the closure only returns an error value; no allocation or locking.
    unsafe {
        cmd.pre_exec(|| Err(std::io::Error::from_raw_os_error(1)));
    }
    let err = cmd.spawn().unwrap_err();
    assert_eq!(err.raw_os_error(), Some(1));
}

#[test]
fn spawn_outside_a_runtime_panics() {
    let res = std::panic::catch_unwind(|| Command::new("true").spawn());
    let payload = res.unwrap_err();
    let msg = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap();
    assert!(msg.contains("there is no reactor running"), "{}", msg);
}

#[tokio::test]
async fn waiting_is_cancel_safe() {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("sleep 0.3; exit 6")
        .spawn()
        .unwrap();
    // Give up on the first wait; the child keeps running and can be awaited again.
    assert!(timeout(Duration::from_millis(20), &mut child)
        .await
        .is_err());
    let status = timeout(LIMIT, &mut child).await.unwrap().unwrap();
    assert_eq!(status.code(), Some(6));
}
