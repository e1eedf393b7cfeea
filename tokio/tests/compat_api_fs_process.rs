//! tokio 0.2.25 compatibility audit of `tokio::fs` and `tokio::process` (API-0.2.md §10):
//! signatures, trait impls and results of every item.
#![allow(
    clippy::unused_io_amount,
    clippy::type_complexity,
    dead_code,
    unused_imports,
    unused_mut,
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::needless_borrows_for_generic_args,
    clippy::let_and_return,
    clippy::io_other_error,
    clippy::let_unit_value,
    clippy::unit_arg,
    clippy::redundant_closure,
    deprecated,
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

use std::fmt::Debug;
use std::future::Future;
use std::path::PathBuf;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeek, AsyncWrite, AsyncWriteExt, SeekFrom};

fn is_debug<T: Debug>() {}
fn is_send_sync<T: Send + Sync>() {}
fn is_send_fut<F: Future<Output = O> + Send, O>(_: &F) {}

#[tokio::test]
async fn fs_free_functions() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    let f = tokio::fs::write(&p, b"hello");
    is_send_fut::<_, std::io::Result<()>>(&f);
    f.await.unwrap();
    tokio::fs::write(p.clone(), String::from("hello"))
        .await
        .unwrap();
    tokio::fs::write(p.as_path(), vec![b'h', b'i'])
        .await
        .unwrap();
    tokio::fs::write(&p, "hello").await.unwrap();
    let v: Vec<u8> = tokio::fs::read(&p).await.unwrap();
    assert_eq!(v, b"hello");
    let s: String = tokio::fs::read_to_string(&p).await.unwrap();
    assert_eq!(s, "hello");
    let n: u64 = tokio::fs::copy(&p, dir.path().join("b.txt")).await.unwrap();
    assert_eq!(n, 5);
    let c: PathBuf = tokio::fs::canonicalize(&p).await.unwrap();
    assert!(c.is_absolute());
    tokio::fs::create_dir(dir.path().join("d")).await.unwrap();
    tokio::fs::create_dir_all(dir.path().join("e/f/g"))
        .await
        .unwrap();
    tokio::fs::hard_link(&p, dir.path().join("h.txt"))
        .await
        .unwrap();
    let m: std::fs::Metadata = tokio::fs::metadata(&p).await.unwrap();
    assert_eq!(m.len(), 5);
    tokio::fs::os::unix::symlink(&p, dir.path().join("l.txt"))
        .await
        .unwrap();
    let target: PathBuf = tokio::fs::read_link(dir.path().join("l.txt"))
        .await
        .unwrap();
    assert_eq!(target, p);
    let sm = tokio::fs::symlink_metadata(dir.path().join("l.txt"))
        .await
        .unwrap();
    assert!(sm.file_type().is_symlink());
    let perms = m.permissions();
    tokio::fs::set_permissions(&p, perms).await.unwrap();
    tokio::fs::rename(dir.path().join("b.txt"), dir.path().join("c.txt"))
        .await
        .unwrap();
    tokio::fs::remove_file(dir.path().join("c.txt"))
        .await
        .unwrap();
    tokio::fs::remove_dir(dir.path().join("d")).await.unwrap();
    tokio::fs::remove_dir_all(dir.path().join("e"))
        .await
        .unwrap();

    let mut rd: tokio::fs::ReadDir = tokio::fs::read_dir(dir.path()).await.unwrap();
    is_debug::<tokio::fs::ReadDir>();
    is_debug::<tokio::fs::DirEntry>();
    let mut names = Vec::new();
    while let Some(e) = rd.next_entry().await.unwrap() {
        let e: tokio::fs::DirEntry = e;
        let _: PathBuf = e.path();
        let _: std::fs::Metadata = e.metadata().await.unwrap();
        let _: std::fs::FileType = e.file_type().await.unwrap();
        use tokio::fs::os::unix::DirEntryExt;
        assert!(e.ino() > 0);
        names.push(e.file_name().into_string().unwrap());
    }
    names.sort();
    assert_eq!(names, ["a.txt", "h.txt", "l.txt"]);
    let mut rd = tokio::fs::read_dir(dir.path()).await.unwrap();
    let first = futures::future::poll_fn(|cx| rd.poll_next_entry(cx)).await;
    assert!(first.unwrap().is_some());
}

#[tokio::test]
async fn fs_file() {
    is_debug::<tokio::fs::File>();
    fn traits<T: AsyncRead + AsyncWrite + AsyncSeek + Unpin + Send + Sync>() {}
    traits::<tokio::fs::File>();
    fn raw<T: std::os::unix::io::AsRawFd>() {}
    raw::<tokio::fs::File>();

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let mut f: tokio::fs::File = tokio::fs::File::create(&p).await.unwrap();
    f.write_all(b"0123456789").await.unwrap();
    f.flush().await.unwrap();
    f.sync_all().await.unwrap();
    f.sync_data().await.unwrap();
    f.set_len(8).await.unwrap();
    let m = f.metadata().await.unwrap();
    assert_eq!(m.len(), 8);
    let pos: u64 = f.seek(SeekFrom::Start(2)).await.unwrap();
    assert_eq!(pos, 2);
    let f2: tokio::fs::File = f.try_clone().await.unwrap();
    let perms = m.permissions();
    f.set_permissions(perms).await.unwrap();
    let std: std::fs::File = f.into_std().await;
    let back: tokio::fs::File = tokio::fs::File::from_std(std);
    let back2: Result<std::fs::File, tokio::fs::File> = back.try_into_std();
    assert!(back2.is_ok());
    let from: tokio::fs::File = std::fs::File::open(&p).unwrap().into();
    drop((f2, from));

    let mut f = tokio::fs::File::open(&p).await.unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "01234567");
    let r = tokio::fs::File::open(dir.path().join("missing")).await;
    assert_eq!(r.unwrap_err().kind(), std::io::ErrorKind::NotFound);
}

#[tokio::test]
async fn fs_builders() {
    use tokio::fs::os::unix::{DirBuilderExt, OpenOptionsExt};
    let dir = tempfile::tempdir().unwrap();
    let mut oo = tokio::fs::OpenOptions::new();
    is_debug::<tokio::fs::OpenOptions>();
    let _oo2: tokio::fs::OpenOptions = oo.clone();
    let _: tokio::fs::OpenOptions = std::fs::OpenOptions::new().into();
    let mut f = oo
        .read(true)
        .write(true)
        .append(false)
        .truncate(false)
        .create(true)
        .create_new(false)
        .mode(0o644)
        .custom_flags(0)
        .open(dir.path().join("o"))
        .await
        .unwrap();
    f.write_all(b"x").await.unwrap();

    is_debug::<tokio::fs::DirBuilder>();
    let mut db: tokio::fs::DirBuilder = Default::default();
    db.recursive(true).mode(0o755);
    db.create(dir.path().join("x/y")).await.unwrap();
    assert!(dir.path().join("x/y").is_dir());
    let _ = tokio::fs::DirBuilder::new();
}

#[tokio::test]
async fn process_command_and_child() {
    use std::process::Stdio;
    use tokio::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command};
    is_debug::<Command>();
    is_debug::<Child>();
    is_debug::<(ChildStdin, ChildStdout, ChildStderr)>();
    fn w<T: AsyncWrite + Unpin + Send + Sync + std::os::unix::io::AsRawFd>() {}
    fn r<T: AsyncRead + Unpin + Send + Sync + std::os::unix::io::AsRawFd>() {}
    w::<ChildStdin>();
    r::<ChildStdout>();
    r::<ChildStderr>();
    fn fut<T: Future<Output = std::io::Result<std::process::ExitStatus>> + Send + Unpin>() {}
    fut::<Child>();

    let _: Command = std::process::Command::new("true").into();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .args(["cat; echo err >&2", "sh"])
        .env("A", "1")
        .envs(vec![("B", "2")])
        .env_remove("C")
        .current_dir(".")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child: Child = cmd.spawn().unwrap();
    let id: u32 = child.id();
    assert!(id > 0);
    let mut stdin: ChildStdin = child.stdin.take().unwrap();
    stdin.write_all(b"ping").await.unwrap();
    drop(stdin);
    #[allow(deprecated)]
    {
        let _: &mut Option<ChildStdout> = child.stdout();
        let _: &mut Option<ChildStderr> = child.stderr();
        let _: &mut Option<ChildStdin> = child.stdin();
    }
    let out: std::process::Output = child.wait_with_output().await.unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, b"ping");
    assert_eq!(out.stderr, b"err\n");

    let st = Command::new("true").status();
    is_send_fut::<_, std::io::Result<std::process::ExitStatus>>(&st);
    assert!(st.await.unwrap().success());
    let o = Command::new("echo").arg("hi").output();
    is_send_fut::<_, std::io::Result<std::process::Output>>(&o);
    assert_eq!(o.await.unwrap().stdout, b"hi\n");

    let mut child = Command::new("sleep").arg("10").spawn().unwrap();
    let _: std::io::Result<()> = child.kill();
    let status = (&mut child).await.unwrap();
    assert!(!status.success());
    let mut c2 = Command::new("true");
    // SAFETY: getuid/getgid take no arguments, cannot fail and touch no memory of ours.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    c2.env_clear().uid(uid).gid(gid);
    // SAFETY: the closure only returns Ok; it calls nothing that is unsafe after fork.
    unsafe {
        c2.pre_exec(|| Ok(()));
    }
    assert!(c2.spawn().unwrap().await.unwrap().success());
}
