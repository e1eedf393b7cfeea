//! The scripted I/O mock: reads, writes, errors, waits, the handle, and the drop check.

mod support;

use std::io;
use std::time::{Duration, Instant};
use support::{read, read_all, write, write_all};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio_test::io::Builder;
use tokio_test::{assert_pending, assert_ready_eq, task};

#[test]
fn reads_follow_the_script_without_merging_steps() {
    let mut mock = Builder::new().read(b"hello").read(b" world").build();
    let mut buf = [0u8; 3];
    assert_eq!(read(&mut mock, &mut buf).unwrap(), 3);
    assert_eq!(&buf, b"hel");
    let mut buf = [0u8; 16];
    assert_eq!(
        read(&mut mock, &mut buf).unwrap(),
        2,
        "a read never spans two steps"
    );
    assert_eq!(&buf[..2], b"lo");
    assert_eq!(read(&mut mock, &mut buf).unwrap(), 6);
    assert_eq!(&buf[..6], b" world");
    assert_eq!(
        read(&mut mock, &mut buf).unwrap(),
        0,
        "EOF after the script"
    );
}

#[test]
fn writes_may_span_steps_and_skip_reads() {
    let mut mock = Builder::new().write(b"ab").read(b"r").write(b"cd").build();
    assert_eq!(
        write(&mut mock, b"abc").unwrap(),
        3,
        "consumed `ab`, skipped the read, `c`"
    );
    assert_eq!(write(&mut mock, b"d").unwrap(), 1);
    let mut buf = [0u8; 4];
    assert_eq!(read(&mut mock, &mut buf).unwrap(), 1);
    assert_eq!(
        write(&mut mock, b"x").unwrap_err().kind(),
        io::ErrorKind::BrokenPipe,
        "nothing left to write"
    );
}

#[test]
fn read_waits_for_a_scripted_write() {
    let mock = Builder::new().write(b"ping").read(b"pong").build();
    let mut mock = task::spawn(mock);
    let mut buf = [0u8; 4];
    assert_pending!(mock.enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf)));
    assert!(!mock.is_woken());
    let n = mock.enter(|cx, m| tokio::io::AsyncWrite::poll_write(m, cx, b"ping"));
    assert_ready_eq!(n.map(|r| r.unwrap()), 4);
    assert!(mock.is_woken(), "the write woke the waiting read");
    assert_ready_eq!(
        mock.enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf))
            .map(|r| r.unwrap()),
        4
    );
    assert_eq!(&buf, b"pong");
}

#[test]
fn scripted_errors_are_returned_once() {
    let mut mock = Builder::new()
        .read_error(io::Error::new(io::ErrorKind::ConnectionReset, "reset"))
        .read(b"after")
        .write_error(io::Error::other("disk"))
        .build();
    let mut buf = [0u8; 8];
    let err = read(&mut mock, &mut buf).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
    assert_eq!(err.to_string(), "reset");
    assert_eq!(read(&mut mock, &mut buf).unwrap(), 5);
    let err = write(&mut mock, b"x").unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::Other);
    assert_eq!(err.to_string(), "disk");
}

#[test]
fn cloned_builders_each_build_the_full_script() {
    let mut builder = Builder::new();
    builder.read(b"x").read_error(io::Error::other("shared"));
    let copy = builder.clone();
    for mut b in [builder, copy] {
        let mut mock = b.build();
        let mut buf = [0u8; 1];
        assert_eq!(read(&mut mock, &mut buf).unwrap(), 1);
        assert_eq!(read(&mut mock, &mut buf).unwrap_err().to_string(), "shared");
    }
}

#[test]
fn wait_pauses_reads_on_the_runtime_timer() {
    tokio_test::block_on(async {
        let mut mock = Builder::new()
            .read(b"a")
            .wait(Duration::from_millis(30))
            .read(b"b")
            .build();
        let mut buf = [0u8; 1];
        let start = Instant::now();
        assert_eq!(mock.read(&mut buf).await.unwrap(), 1);
        assert_eq!(mock.read(&mut buf).await.unwrap(), 1);
        assert_eq!(&buf, b"b");
        assert!(start.elapsed() >= Duration::from_millis(30));
    });
}

#[test]
fn wait_pauses_writes_and_is_instant_on_a_paused_clock() {
    tokio_test::block_on(async {
        tokio_test::clock::pause();
        let mut mock = Builder::new()
            .write(b"a")
            .wait(Duration::from_secs(3600))
            .write(b"b")
            .build();
        let start = tokio::time::Instant::now();
        let real = Instant::now();
        mock.write_all(b"ab").await.unwrap();
        tokio_test::assert_elapsed!(start, Duration::from_secs(3600));
        assert!(
            real.elapsed() < Duration::from_secs(60),
            "the paused clock jumped"
        );
    });
}

#[test]
fn zero_wait_is_at_least_one_millisecond() {
    tokio_test::block_on(async {
        tokio_test::clock::pause();
        let mut mock = Builder::new().wait(Duration::ZERO).read(b"x").build();
        let start = tokio::time::Instant::now();
        let mut buf = [0u8; 1];
        assert_eq!(mock.read(&mut buf).await.unwrap(), 1);
        assert!(start.elapsed() >= Duration::from_millis(1));
    });
}

#[test]
fn mock_drives_a_line_protocol() {
    tokio_test::block_on(async {
        let mock = Builder::new()
            .read(b"GET a\r\nGET b\r\n")
            .write(b"value-a\r\n")
            .write(b"value-b\r\n")
            .build();
        let (reader, mut writer) = tokio::io::split(mock);
        let mut lines = BufReader::new(reader).lines();
        while let Some(line) = lines.next_line().await.unwrap() {
            let key = line.strip_prefix("GET ").unwrap();
            writer
                .write_all(format!("value-{}\r\n", key).as_bytes())
                .await
                .unwrap();
        }
    });
}

#[test]
fn handle_feeds_a_task_on_the_runtime() {
    tokio_test::block_on(async {
        let (mut mock, mut handle) = Builder::new().build_with_handle();
        let reader = tokio::spawn(async move {
            let mut out = String::new();
            mock.read_to_string(&mut out).await.unwrap();
            out
        });
        tokio::task::yield_now().await;
        handle.read(b"late ");
        tokio::task::yield_now().await;
        handle.read(b"data");
        drop(handle);
        assert_eq!(reader.await.unwrap(), "late data");
    });
}

#[test]
fn handle_appends_steps_and_ends_the_script_on_drop() {
    let (mut mock, mut handle) = Builder::new().read(b"1").build_with_handle();
    handle.read(b"2").write(b"3");
    assert_eq!(read_all(&mut mock, 2), b"12");
    write_all(&mut mock, b"3");

    // Script used up but the handle is alive: reads and writes wait.
    let mut spawned = task::spawn(mock);
    let mut buf = [0u8; 1];
    assert_pending!(spawned.enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf)));
    handle.read(b"4");
    assert!(spawned.is_woken(), "a new step wakes the waiting read");
    assert_ready_eq!(
        spawned
            .enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf))
            .map(|r| r.unwrap()),
        1
    );
    assert_pending!(spawned.enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf)));
    drop(handle);
    assert!(
        spawned.is_woken(),
        "dropping the handle wakes the waiting read"
    );
    assert_ready_eq!(
        spawned
            .enter(|cx, m| tokio::io::AsyncRead::poll_read(m, cx, &mut buf))
            .map(|r| r.unwrap()),
        0
    );
}

#[test]
fn split_halves_in_two_tasks_wake_each_other() {
    tokio_test::block_on(async {
        let mock = Builder::new()
            .write(b"req")
            .read(b"resp")
            .write(b"bye")
            .build();
        let (mut reader, mut writer) = tokio::io::split(mock);
        let read_task = tokio::spawn(async move {
            let mut buf = [0u8; 4];
            reader.read_exact(&mut buf).await.unwrap();
            buf
        });
        tokio::task::yield_now().await;
        writer.write_all(b"req").await.unwrap();
        assert_eq!(&read_task.await.unwrap(), b"resp");
        writer.write_all(b"bye").await.unwrap();
    });
}

#[test]
fn handle_errors_are_delivered() {
    let (mut mock, mut handle) = Builder::new().build_with_handle();
    handle
        .read_error(io::Error::new(io::ErrorKind::TimedOut, "slow"))
        .write_error(io::Error::new(io::ErrorKind::WriteZero, "full"));
    drop(handle);
    let mut buf = [0u8; 1];
    assert_eq!(
        read(&mut mock, &mut buf).unwrap_err().kind(),
        io::ErrorKind::TimedOut
    );
    assert_eq!(
        write(&mut mock, b"x").unwrap_err().kind(),
        io::ErrorKind::WriteZero
    );
}

#[test]
#[should_panic(expected = "the `Mock` this `Handle` scripts was dropped")]
fn handle_panics_once_the_mock_is_gone() {
    let (mock, mut handle) = Builder::new().build_with_handle();
    drop(mock);
    handle.read(b"late");
}

#[test]
#[should_panic(
    expected = "mock write does not match the script (first difference at byte 2)\n  expected: b\"hello\"\n    actual: b\"hexlo\""
)]
fn write_mismatch_shows_both_sides() {
    let mut mock = Builder::new().write(b"hello").build();
    let _ = write(&mut mock, b"hexlo");
}

#[test]
#[should_panic(expected = "There is still data left to read.")]
fn drop_with_unread_data_panics() {
    let mut mock = Builder::new().read(b"abc").build();
    let mut buf = [0u8; 1];
    read(&mut mock, &mut buf).unwrap();
}

#[test]
#[should_panic(expected = "There is still data left to write.")]
fn drop_with_unwritten_data_panics() {
    let _mock = Builder::new().write(b"abc").build();
}

#[test]
#[should_panic(expected = "There is still a scripted error that was never returned.")]
fn drop_with_unused_error_panics() {
    let _mock = Builder::new().read_error(io::Error::other("never")).build();
}

#[test]
#[should_panic(expected = "There is still data left to read.")]
fn drop_check_includes_steps_added_by_the_handle() {
    let (mock, mut handle) = Builder::new().build_with_handle();
    handle.read(b"x");
    drop(mock);
}

#[test]
fn drop_after_everything_was_consumed_is_quiet() {
    let mut mock = Builder::new()
        .read(b"a")
        .write(b"b")
        .wait(Duration::from_millis(1))
        .build();
    assert_eq!(read_all(&mut mock, 1), b"a");
    write_all(&mut mock, b"b");
    drop(mock); // an unreached trailing wait is not a missed step
}

#[test]
#[should_panic(expected = "original failure")]
fn no_drop_check_while_already_panicking() {
    let _mock = Builder::new().read(b"unread").build();
    panic!("original failure");
}

#[test]
fn flush_and_shutdown_succeed() {
    let mut mock = task::spawn(Builder::new().build());
    assert!(mock
        .enter(|cx, m| tokio::io::AsyncWrite::poll_flush(m, cx))
        .is_ready());
    assert!(mock
        .enter(|cx, m| tokio::io::AsyncWrite::poll_shutdown(m, cx))
        .is_ready());
}
