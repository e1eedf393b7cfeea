//! tokio 0.2.25 compatibility: `tokio::fs` (shapes of fs_dir.rs / fs_file.rs / fs_link.rs,
//! with std temp dirs instead of the `tempfile` crate).
#![cfg(unix)]
#![allow(unused_mut, clippy::unnecessary_mut_passed)]

use std::path::PathBuf;
use tokio::fs;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("compat-fs2-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[tokio::test]
async fn create_dir_and_all() {
    let base = tempdir("dirs");
    let new_dir = base.join("foo");
    fs::create_dir(&new_dir).await.unwrap();
    assert!(new_dir.is_dir());
    let deep = base.join("a/b/c");
    fs::create_dir_all(&deep).await.unwrap();
    assert!(deep.is_dir());
    let built = base.join("x/y");
    fs::DirBuilder::new()
        .recursive(true)
        .create(&built)
        .await
        .unwrap();
    assert!(built.is_dir());
    fs::remove_dir(&new_dir).await.unwrap();
    assert!(!new_dir.exists());
    fs::remove_dir_all(&base).await.unwrap();
}

#[tokio::test]
async fn read_dir_inherent_and_stream() {
    use tokio::stream::StreamExt;
    let base = tempdir("readdir");
    std::fs::create_dir(base.join("aa")).unwrap();
    std::fs::create_dir(base.join("bb")).unwrap();
    let mut entries = fs::read_dir(&base).await.unwrap();
    let mut names = vec![];
    while let Some(e) = entries.next_entry().await.unwrap() {
        let ft = e.file_type().await.unwrap();
        assert!(ft.is_dir());
        let _md = e.metadata().await.unwrap();
        let _p: PathBuf = e.path();
        names.push(e.file_name());
    }
    names.sort();
    assert_eq!(names, vec!["aa", "bb"]);
    let mut s = fs::read_dir(&base).await.unwrap();
    let mut n = 0;
    while let Some(e) = s.next().await {
        e.unwrap();
        n += 1;
    }
    assert_eq!(n, 2);
    fs::remove_dir_all(&base).await.unwrap();
}

#[tokio::test]
async fn file_ops() {
    let base = tempdir("file");
    let p = base.join("f");
    let mut f = fs::File::create(&p).await.unwrap();
    f.write_all(b"hello world").await.unwrap();
    f.flush().await.unwrap();
    f.sync_data().await.unwrap();
    f.set_len(5).await.unwrap();
    let md = f.metadata().await.unwrap();
    assert_eq!(md.len(), 5);
    let f2 = f.try_clone().await.unwrap();
    drop(f2);
    let perms = md.permissions();
    f.set_permissions(perms.clone()).await.unwrap();
    fs::set_permissions(&p, perms).await.unwrap();
    drop(f);
    let mut f = fs::File::open(&p).await.unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "hello");
    let f: fs::File = std::fs::File::open(&p).unwrap().into();
    drop(f);
    fs::copy(&p, base.join("g")).await.unwrap();
    fs::rename(base.join("g"), base.join("h")).await.unwrap();
    fs::hard_link(base.join("h"), base.join("i")).await.unwrap();
    fs::os::unix::symlink(base.join("h"), base.join("j"))
        .await
        .unwrap();
    assert_eq!(fs::read_link(base.join("j")).await.unwrap(), base.join("h"));
    assert!(fs::symlink_metadata(base.join("j"))
        .await
        .unwrap()
        .file_type()
        .is_symlink());
    let c = fs::canonicalize(base.join("j")).await.unwrap();
    assert!(c.ends_with("h"));
    fs::remove_file(base.join("i")).await.unwrap();
    {
        use tokio::fs::os::unix::OpenOptionsExt;
        let mut oo = fs::OpenOptions::new();
        oo.write(true).create_new(true).mode(0o600);
        let _f = oo.open(base.join("k")).await.unwrap();
    }
    {
        use tokio::fs::os::unix::DirBuilderExt;
        let mut b = fs::DirBuilder::new();
        b.mode(0o755);
        b.create(base.join("m")).await.unwrap();
    }
    fs::remove_dir_all(&base).await.unwrap();
}

#[test]
fn fs_outside_runtime_panics() {
    let r = std::panic::catch_unwind(|| futures::executor::block_on(fs::read("/nonexistent")));
    let e = r.unwrap_err();
    let msg = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    assert!(
        msg.contains("not currently running on a Tokio 0.2.x runtime."),
        "{}",
        msg
    );
}

#[tokio::test]
async fn file_write_then_read_back_without_flush_on_drop() {
    let base = tempdir("flush");
    let p = base.join("f");
    {
        let mut f = fs::File::create(&p).await.unwrap();
        f.write_all(b"data").await.unwrap();
        f.flush().await.unwrap();
    }
    assert_eq!(fs::read(&p).await.unwrap(), b"data");
    fs::remove_dir_all(&base).await.unwrap();
}
