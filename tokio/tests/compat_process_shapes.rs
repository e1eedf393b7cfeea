//! tokio 0.2.25 compatibility: shapes of 0.2.25's process_*.rs tests (kill_on_drop leaves
//! grandchildren running, a writer blocked on a full stdin pipe fails once the child is
//! killed, many children with piped stdio at once).
#![cfg(unix)]
#![allow(
    clippy::unused_io_amount,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::type_complexity,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::drop_non_drop,
    clippy::eq_op,
    clippy::bool_assert_comparison,
    clippy::clone_on_copy,
    clippy::redundant_clone,
    clippy::unit_cmp,
    clippy::op_ref,
    clippy::identity_op,
    clippy::needless_return,
    clippy::manual_async_fn,
    clippy::useless_conversion,
    clippy::needless_borrow,
    clippy::explicit_auto_deref,
    clippy::unnecessary_literal_unwrap,
    clippy::bind_instead_of_map,
    clippy::zero_prefixed_literal,
    clippy::map_identity,
    clippy::let_underscore_lock
)]

use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;
use tokio::time::delay_for;

#[tokio::test]
async fn kill_on_drop_spares_grandchild() {
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        "
        # Fork another child that won't get killed
        sh -c 'sleep 1; echo child ran' &

        # Await our death
        sleep 5
        echo hello from beyond the grave
    ",
    ]);
    let mut child = cmd
        .kill_on_drop(true)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    delay_for(Duration::from_secs(2)).await;
    let mut out = child.stdout.take().unwrap();
    drop(child);
    let mut msg = String::new();
    out.read_to_string(&mut msg)
        .await
        .expect("failed to read child output");
    assert_eq!("child ran\n", msg);
}

#[tokio::test]
async fn blocked_stdin_writer_fails_after_kill() {
    let mut child = Command::new("sleep")
        .arg("2")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // Writes buffer up to the pipe capacity, then wait for writability.
    let handle = tokio::spawn(async move {
        let data = [0u8; 8192];
        loop {
            input.write_all(&data).await.unwrap();
        }
    });
    delay_for(Duration::from_secs(1)).await;
    child.kill().unwrap();
    let _ = child.await;
    assert!(handle.await.unwrap_err().is_panic());
}

#[tokio::test(threaded_scheduler)]
async fn many_children_with_piped_stdio() {
    let mut handles = Vec::new();
    for i in 0..20u32 {
        handles.push(tokio::spawn(async move {
            let mut child = Command::new("sh")
                .arg("-c")
                .arg(format!("read line; echo \"$line {}\"", i))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(b"hello\n").await.unwrap();
            drop(stdin);
            let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
            let line = lines.next_line().await.unwrap().unwrap();
            assert_eq!(line, format!("hello {}", i));
            assert!(child.await.unwrap().success());
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
