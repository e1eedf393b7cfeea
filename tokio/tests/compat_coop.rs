//! tokio 0.2.25 compatibility: the cooperative budget (128 operations per task poll) on the
//! resources 0.2.25 budgets.
#![allow(clippy::await_holding_lock)]
#![allow(unused_mut, clippy::unnecessary_mut_passed)]

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap()
}

/// Inside a spawned task, polls `op` (always ready) up to 10_000 times within ONE task poll
/// and returns how many times it was ready before the first Pending.
async fn ready_count_in_one_poll<F, Fut>(mut op: F) -> usize
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future,
{
    let mut n = 0usize;
    futures::future::poll_fn(move |cx| {
        for _ in 0..10_000 {
            let fut = op();
            tokio::pin!(fut);
            match fut.as_mut().poll(cx) {
                Poll::Ready(_) => n += 1,
                Poll::Pending => return Poll::Ready(n),
            }
        }
        Poll::Ready(n)
    })
    .await
}

#[test]
fn coop_join_handle() {
    let mut rt = rt();
    let n = rt.block_on(async {
        tokio::spawn(async {
            let mut hs: Vec<_> = (0..1000).map(|_| tokio::spawn(async {})).collect();
            tokio::time::delay_for(Duration::from_millis(50)).await;
            // The ready `Delay` spent a unit of this poll's budget (as in 0.2.25): count
            // from a fresh budget.
            tokio::task::yield_now().await;
            let mut n = 0;
            futures::future::poll_fn(|cx| {
                for h in &mut hs {
                    if Pin::new(h).poll(cx).is_pending() {
                        return Poll::Ready(n);
                    }
                    n += 1;
                }
                Poll::Ready(n)
            })
            .await
        })
        .await
        .unwrap()
    });
    assert_eq!(n, 128);
}

#[test]
fn coop_unbounded_recv() {
    let mut rt = rt();
    let n = rt.block_on(async {
        tokio::spawn(async {
            let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<()>();
            for _ in 0..10_000 {
                tx.send(()).unwrap();
            }
            let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
            ready_count_in_one_poll(move || {
                let rx = rx.clone();
                async move { futures::future::poll_fn(|cx| rx.lock().unwrap().poll_recv(cx)).await }
            })
            .await
        })
        .await
        .unwrap()
    });
    assert_eq!(n, 128);
}

#[test]
fn coop_semaphore_acquire() {
    let mut rt = rt();
    let n = rt.block_on(async {
        tokio::spawn(async {
            let s = std::sync::Arc::new(tokio::sync::Semaphore::new(1));
            ready_count_in_one_poll(move || {
                let s = s.clone();
                async move {
                    let _p = s.acquire().await;
                }
            })
            .await
        })
        .await
        .unwrap()
    });
    assert_eq!(n, 128);
}

#[test]
fn coop_delay_elapsed() {
    let mut rt = rt();
    let n = rt.block_on(async {
        tokio::spawn(async {
            let mut d = tokio::time::delay_for(Duration::from_millis(1));
            (&mut d).await;
            // That ready poll spent a unit of this poll's budget: count from a fresh one.
            tokio::task::yield_now().await;
            let d = std::sync::Arc::new(std::sync::Mutex::new(d));
            ready_count_in_one_poll(move || {
                let d = d.clone();
                async move {
                    futures::future::poll_fn(|cx| Pin::new(&mut *d.lock().unwrap()).poll(cx)).await
                }
            })
            .await
        })
        .await
        .unwrap()
    });
    assert_eq!(n, 128);
}

#[test]
fn coop_tcp_read_ready() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut rt = rt();
    let n = rt.block_on(async {
        let mut l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (mut s, _) = l.accept().await.unwrap();
        c.write_all(&vec![0u8; 100_000]).await.unwrap();
        tokio::time::delay_for(Duration::from_millis(50)).await;
        tokio::spawn(async move {
            let s = std::sync::Arc::new(std::sync::Mutex::new(s));
            let n = ready_count_in_one_poll(move || {
                let s = s.clone();
                async move {
                    let mut b = [0u8; 1];
                    let mut g = s.lock().unwrap();
                    let r = futures::future::poll_fn(|cx| {
                        let fut = g.read(&mut b);
                        tokio::pin!(fut);
                        fut.poll(cx)
                    })
                    .await;
                    r.unwrap()
                }
            })
            .await;
            drop(c);
            n
        })
        .await
        .unwrap()
    });
    assert_eq!(n, 128);
}
