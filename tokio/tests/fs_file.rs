//! `tokio::fs` on a runtime: files, the free functions, directories.
#![cfg(feature = "full")]

use std::io::SeekFrom;
use std::path::PathBuf;
use tokio::fs::{self, File, OpenOptions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("tokio-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn write_then_read_large_file() {
    let dir = TempDir::new("large");
    let path = dir.join("data");
    let data: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 % 256) as u8).collect();
    let mut file = File::create(&path).await.unwrap();
    for chunk in data.chunks(10_000) {
        file.write_all(chunk).await.unwrap();
    }
    file.sync_all().await.unwrap();
    drop(file);
    let mut file = File::open(&path).await.unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).await.unwrap();
    assert!(out == data);
    assert_eq!(fs::read(&path).await.unwrap(), data);
}

#[tokio::test]
async fn seek_read_write_interleaved() {
    let dir = TempDir::new("seek");
    let path = dir.join("f");
    fs::write(&path, b"0123456789").await.unwrap();
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .await
        .unwrap();
    // Read two bytes (the pool reads ahead), then write: it must land at offset 2.
    let mut two = [0u8; 2];
    file.read_exact(&mut two).await.unwrap();
    assert_eq!(&two, b"01");
    file.write_all(b"ab").await.unwrap();
    file.flush().await.unwrap();
    assert_eq!(file.seek(SeekFrom::Current(0)).await.unwrap(), 4);
    assert_eq!(file.seek(SeekFrom::End(-2)).await.unwrap(), 8);
    assert_eq!(file.read_u8().await.unwrap(), b'8');
    // Seek relative to the logical position after read-ahead.
    assert_eq!(file.seek(SeekFrom::Current(-3)).await.unwrap(), 6);
    assert_eq!(file.read_u8().await.unwrap(), b'6');
    drop(file);
    assert_eq!(fs::read(&path).await.unwrap(), b"01ab456789");
}

#[tokio::test]
async fn set_len_metadata_clone_into_std() {
    let dir = TempDir::new("meta");
    let path = dir.join("f");
    let mut file = File::create(&path).await.unwrap();
    file.write_all(b"hello").await.unwrap();
    file.set_len(3).await.unwrap();
    assert_eq!(file.metadata().await.unwrap().len(), 3);
    let clone = file.try_clone().await.unwrap();
    assert_eq!(clone.metadata().await.unwrap().len(), 3);
    let std = file.into_std().await;
    assert_eq!(std.metadata().unwrap().len(), 3);
    assert!(clone.try_into_std().is_ok());
}

#[tokio::test]
async fn lines_of_a_file() {
    let dir = TempDir::new("lines");
    let path = dir.join("f");
    fs::write(&path, "one\r\ntwo\n\nthree").await.unwrap();
    let mut lines = BufReader::new(File::open(&path).await.unwrap()).lines();
    let mut all = Vec::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        all.push(line);
    }
    assert_eq!(all, ["one", "two", "", "three"]);
}

#[tokio::test]
async fn free_functions_and_dirs() {
    let dir = TempDir::new("ops");
    let a = dir.join("a");
    fs::write(&a, "text").await.unwrap();
    assert_eq!(fs::read_to_string(&a).await.unwrap(), "text");
    assert_eq!(fs::copy(&a, dir.join("b")).await.unwrap(), 4);
    fs::rename(dir.join("b"), dir.join("c")).await.unwrap();
    fs::hard_link(&a, dir.join("d")).await.unwrap();
    assert!(fs::metadata(dir.join("c")).await.unwrap().is_file());
    assert!(fs::symlink_metadata(&a).await.unwrap().is_file());
    assert!(fs::canonicalize(&a).await.unwrap().is_absolute());
    fs::create_dir_all(dir.join("x/y/z")).await.unwrap();
    fs::DirBuilder::new()
        .recursive(true)
        .create(dir.join("p/q"))
        .await
        .unwrap();
    fs::create_dir(dir.join("e")).await.unwrap();
    fs::remove_dir(dir.join("e")).await.unwrap();
    let mut names = Vec::new();
    let mut entries = fs::read_dir(&dir.0).await.unwrap();
    while let Some(entry) = entries.next_entry().await.unwrap() {
        assert!(entry.metadata().await.is_ok());
        assert!(entry.file_type().await.is_ok());
        names.push(entry.file_name().into_string().unwrap());
    }
    names.sort();
    assert_eq!(names, ["a", "c", "d", "p", "x"]);
    fs::remove_file(dir.join("d")).await.unwrap();
    fs::remove_dir_all(dir.join("x")).await.unwrap();
    let mut perm = fs::metadata(&a).await.unwrap().permissions();
    perm.set_readonly(true);
    fs::set_permissions(&a, perm).await.unwrap();
    assert!(fs::metadata(&a).await.unwrap().permissions().readonly());
    let err = fs::read("/no/such/file/anywhere").await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[cfg(unix)]
#[tokio::test]
async fn unix_extensions() {
    use tokio::fs::os::unix::{symlink, DirBuilderExt, OpenOptionsExt};
    let dir = TempDir::new("unix");
    let target = dir.join("t");
    fs::write(&target, "x").await.unwrap();
    symlink(&target, dir.join("l")).await.unwrap();
    assert_eq!(fs::read_link(dir.join("l")).await.unwrap(), target);
    let _f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(dir.join("m"))
        .await
        .unwrap();
    fs::DirBuilder::new()
        .mode(0o700)
        .create(dir.join("dir"))
        .await
        .unwrap();
}

#[tokio::test]
async fn read_dir_as_stream() {
    use tokio::stream::StreamExt;
    let dir = TempDir::new("stream");
    fs::write(dir.join("1"), "").await.unwrap();
    fs::write(dir.join("2"), "").await.unwrap();
    let entries: Vec<_> = fs::read_dir(&dir.0).await.unwrap().collect().await;
    assert_eq!(entries.len(), 2);
}

#[test]
#[should_panic(expected = "not currently running on a Tokio 0.2.x runtime.")]
fn fs_outside_runtime_panics() {
    let _ = futures::executor::block_on(fs::read("/"));
}
