#![cfg(all(unix, feature = "full"))]
//! Many children at once, on both schedulers and from spawned tasks.

use std::time::Duration;
use tokio::process::Command;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(20);
const N: i32 = 20;

async fn run_many() {
    let mut children = Vec::new();
    for i in 0..N {
        let child = Command::new("sh")
            .arg("-c")
            .arg(format!("sleep 0.0{}; exit {}", i % 10, i % 7))
            .spawn()
            .unwrap();
        children.push((i, child));
    }
    // Await in reverse so most exits happen while another child is being awaited.
    for (i, child) in children.into_iter().rev() {
        let status = timeout(LIMIT, child).await.unwrap().unwrap();
        assert_eq!(status.code(), Some(i % 7));
    }
}

#[tokio::test]
async fn many_children_basic_scheduler() {
    run_many().await;
}

#[tokio::test(threaded_scheduler)]
async fn many_children_threaded_scheduler() {
    run_many().await;
}

async fn spawn_tasks() {
    let mut handles = Vec::new();
    for i in 0..N {
        handles.push(tokio::spawn(async move {
            let out = Command::new("echo")
                .arg(i.to_string())
                .output()
                .await
                .unwrap();
            assert!(out.status.success());
            assert_eq!(out.stdout, format!("{}\n", i).into_bytes());
        }));
    }
    for h in handles {
        timeout(LIMIT, h).await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn children_in_spawned_tasks_basic_scheduler() {
    spawn_tasks().await;
}

#[tokio::test(threaded_scheduler)]
async fn children_in_spawned_tasks_threaded_scheduler() {
    spawn_tasks().await;
}

#[tokio::test(threaded_scheduler)]
async fn child_awaited_from_a_spawned_task() {
    let child = Command::new("sh").arg("-c").arg("exit 3").spawn().unwrap();
    let status = tokio::spawn(async move { timeout(LIMIT, child).await })
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(3));
}

#[test]
fn children_from_several_runtimes_on_threads() {
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                let rt = tokio::runtime::Builder::new()
                    .basic_scheduler()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    for _ in 0..5 {
                        let s = timeout(LIMIT, Command::new("true").status()).await;
                        assert!(s.unwrap().unwrap().success());
                    }
                });
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
fn process_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    fn unpin<T: Unpin>() {}
    unpin::<tokio::process::Child>();
    let rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut cmd = Command::new("true");
        send_sync(&cmd);
        let status = cmd.status();
        send(&status);
        assert!(status.await.unwrap().success());
        let output = cmd.output();
        send(&output);
        assert!(output.await.unwrap().status.success());
        let child = cmd.spawn().unwrap();
        send_sync(&child);
        let out = child.wait_with_output();
        send(&out);
        assert!(out.await.unwrap().status.success());
    });
}
