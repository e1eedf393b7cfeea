//! tokio 0.2.25 compatibility: `#[tokio::main]` / `#[tokio::test]` with 0.2 arguments,
//! `select!` (with `else`, `if` guards, refutable patterns), `join!`, `try_join!`, `pin!`,
//! `task_local!`.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut,
    clippy::unit_cmp
)]

use std::thread;
use std::time::Duration;

fn tid() -> thread::ThreadId {
    thread::current().id()
}

#[tokio::main]
async fn main_default() -> thread::ThreadId {
    tokio::spawn(async { tid() }).await.unwrap()
}

#[tokio::main(basic_scheduler)]
async fn main_basic() -> thread::ThreadId {
    tokio::spawn(async { tid() }).await.unwrap()
}

#[tokio::main(threaded_scheduler)]
async fn main_threaded() -> thread::ThreadId {
    tokio::spawn(async { tid() }).await.unwrap()
}

#[tokio::main(core_threads = 2)]
async fn main_core_threads() -> usize {
    tokio::spawn(async { 2 }).await.unwrap()
}

#[tokio::main(core_threads = 2, max_threads = 4)]
async fn main_core_and_max() -> usize {
    tokio::task::spawn_blocking(|| 4).await.unwrap()
}

#[tokio::main(max_threads = 8)]
async fn main_max_only() -> usize {
    8
}

#[tokio::main]
async fn main_with_args(a: u32, b: u32) -> u32 {
    a + b
}

#[tokio::main]
async fn main_result() -> Result<(), Box<dyn std::error::Error>> {
    tokio::time::delay_for(Duration::from_millis(1)).await;
    Ok(())
}

#[test]
fn main_attribute_variants() {
    assert_ne!(main_default(), tid(), "#[tokio::main] defaults to threaded");
    assert_eq!(main_basic(), tid());
    assert_ne!(main_threaded(), tid());
    assert_eq!(main_core_threads(), 2);
    assert_eq!(main_core_and_max(), 4);
    assert_eq!(main_max_only(), 8);
    assert_eq!(main_with_args(1, 2), 3);
    main_result().unwrap();
}

#[tokio::test]
async fn test_default_is_basic() {
    assert_eq!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(basic_scheduler)]
async fn test_basic_flag() {
    assert_eq!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(threaded_scheduler)]
async fn test_threaded_flag() {
    assert_ne!(tokio::spawn(async { tid() }).await.unwrap(), tid());
    tokio::task::block_in_place(|| {});
}

#[tokio::test(core_threads = 2)]
async fn test_core_threads() {
    assert_ne!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(core_threads = 1)]
async fn test_core_threads_one_is_basic() {
    assert_eq!(tokio::spawn(async { tid() }).await.unwrap(), tid());
}

#[tokio::test(threaded_scheduler, core_threads = 2, max_threads = 4)]
async fn test_all_args() {
    tokio::task::spawn_blocking(|| ()).await.unwrap();
}

#[tokio::test]
async fn test_returns_result() -> Result<(), std::io::Error> {
    tokio::time::delay_for(Duration::from_millis(1)).await;
    Ok(())
}

#[tokio::test]
#[should_panic(expected = "inner panic")]
async fn test_should_panic() {
    panic!("inner panic");
}

#[tokio::test]
#[ignore]
async fn test_ignored_attr_kept() {
    panic!("must not run");
}

#[tokio::test]
async fn test_io_and_time_enabled() {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let _ = l.local_addr().unwrap();
    tokio::time::delay_for(Duration::from_millis(1)).await;
}

#[tokio::test]
async fn select_else_and_guards() {
    let v = tokio::select! {
        x = async { 1 }, if false => x,
        y = async { 2 } => y,
    };
    assert_eq!(v, 2);

    let v = tokio::select! {
        Some(x) = async { None::<u32> } => x,
        else => 99,
    };
    assert_eq!(v, 99);

    let v: u32 = tokio::select! {
        _ = futures::future::pending::<()>(), if false => 0,
        else => 7,
    };
    assert_eq!(v, 7);
}

#[tokio::test]
async fn select_refutable_pattern_disables_branch() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
    drop(tx);
    let v = tokio::select! {
        Some(v) = rx.recv() => v,
        v = async { tokio::time::delay_for(Duration::from_millis(5)).await; 5 } => v,
    };
    assert_eq!(v, 5);
}

#[tokio::test]
async fn select_loop_with_mut_ref_futures() {
    let mut delay = tokio::time::delay_for(Duration::from_millis(30));
    let (mut tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    tokio::spawn(async move {
        for i in 0..3 {
            tx.send(i).await.unwrap();
        }
    });
    let mut got = Vec::new();
    loop {
        tokio::select! {
            _ = &mut delay => break,
            Some(v) = rx.recv() => got.push(v),
        }
    }
    assert_eq!(got, vec![0, 1, 2]);
}

#[tokio::test]
async fn select_block_handlers_without_commas() {
    let mut n = 0;
    tokio::select! {
        _ = async {} => {
            n += 1;
        }
        _ = futures::future::pending::<()>() => {
            n += 100;
        }
    }
    assert_eq!(n, 1);
}

#[tokio::test]
async fn select_all_disabled_without_else_panics() {
    let r = futures::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(async {
        tokio::select! {
            Some(x) = async { None::<u32> } => x,
        }
    }))
    .await;
    let e = r.unwrap_err();
    let msg = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    assert!(msg.contains("entered unreachable code"), "{}", msg);
}

#[tokio::test]
async fn select_many_branches() {
    let v = tokio::select! {
        a = futures::future::pending::<u8>() => a,
        b = futures::future::pending::<u8>() => b,
        c = futures::future::pending::<u8>() => c,
        d = futures::future::pending::<u8>() => d,
        e = futures::future::pending::<u8>() => e,
        f = futures::future::pending::<u8>() => f,
        g = futures::future::pending::<u8>() => g,
        h = async { 8u8 } => h,
    };
    assert_eq!(v, 8);
}

#[tokio::test]
async fn join_and_try_join() {
    let (a, b, c) = tokio::join!(async { 1 }, async { "two" }, async { 3.0 });
    assert_eq!((a, b, c), (1, "two", 3.0));
    let () = tokio::join!();
    let r: Result<(u8, u16), &str> = tokio::try_join!(async { Ok(1u8) }, async { Ok(2u16) });
    assert_eq!(r, Ok((1, 2)));
    let r: Result<(u8, ()), &str> =
        tokio::try_join!(async { Ok(1u8) }, async { Err::<(), _>("fail") });
    assert_eq!(r, Err("fail"));
    let (x,) = tokio::join!(async { 5 });
    assert_eq!(x, 5);
}

#[tokio::test]
async fn pin_macro_forms() {
    let f1 = async { 1 };
    let f2 = async { 2 };
    tokio::pin!(f1, f2);
    let _: std::pin::Pin<&mut _> = f1.as_mut();
    assert_eq!((&mut f1).await + (&mut f2).await, 3);
    tokio::pin! {
        let d = tokio::time::delay_for(Duration::from_millis(1));
        let e = async { 4 };
    }
    (&mut d).await;
    assert_eq!(e.await, 4);
    let stream = tokio::stream::iter(vec![1, 2]);
    tokio::pin!(stream);
    use tokio::stream::StreamExt;
    assert_eq!(stream.next().await, Some(1));
}

tokio::task_local! {
    static REQ: u32;
}

#[tokio::test]
async fn task_local_in_macro_test() {
    let v = REQ.scope(5, async { REQ.get() }).await;
    assert_eq!(v, 5);
}

#[tokio::test]
async fn future_poll_fn_hidden_module() {
    let v = tokio::future::poll_fn(|_cx| std::task::Poll::Ready(3)).await;
    assert_eq!(v, 3);
}

mod nested {
    // The macro expansion hard-codes `tokio::`, which must resolve from any module.
    #[tokio::test]
    async fn inside_module() {
        tokio::task::yield_now().await;
    }
}
