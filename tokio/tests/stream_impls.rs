//! The crate's own streams implement `tokio::stream::Stream` and compose with `StreamExt`.
#![cfg(feature = "stream")]

use futures::executor::block_on;
use tokio::stream::{Stream, StreamExt};

fn assert_stream<S: Stream<Item = T>, T>(_: &S) {}

#[cfg(feature = "sync")]
mod sync {
    use super::*;
    use tokio::sync::{broadcast, mpsc, watch};

    #[test]
    fn mpsc_receivers_are_streams() {
        let (mut tx, rx) = mpsc::channel::<u32>(4);
        assert_stream::<_, u32>(&rx);
        block_on(async move {
            tx.send(1).await.unwrap();
            tx.send(2).await.unwrap();
            drop(tx);
            let got: Vec<u32> = rx.collect().await;
            assert_eq!(got, vec![1, 2]);
        });

        let (tx, rx) = mpsc::unbounded_channel::<&str>();
        assert_stream::<_, &str>(&rx);
        tx.send("a").unwrap();
        tx.send("b").unwrap();
        drop(tx);
        let got: Vec<&str> = block_on(rx.map(|s| s).collect());
        assert_eq!(got, vec!["a", "b"]);
    }

    #[test]
    fn watch_receiver_is_a_stream_of_values() {
        let (tx, mut rx) = watch::channel(0u8);
        assert_stream::<_, u8>(&rx);
        block_on(async {
            assert_eq!(rx.next().await, Some(0), "the initial value comes first");
            tx.broadcast(5).unwrap();
            assert_eq!(rx.next().await, Some(5));
            drop(tx);
            assert_eq!(rx.next().await, None);
        });
    }

    #[test]
    fn broadcast_receiver_is_a_stream() {
        let (tx, rx) = broadcast::channel::<u8>(4);
        tx.send(1).unwrap();
        tx.send(2).unwrap();
        drop(tx);
        let got: Vec<u8> = block_on(rx.filter_map(|r| r.ok()).collect());
        assert_eq!(got, vec![1, 2]);
    }

    #[test]
    fn stream_map_over_receivers() {
        let (tx_a, rx_a) = mpsc::unbounded_channel::<u8>();
        let (tx_b, rx_b) = mpsc::unbounded_channel::<u8>();
        let mut map = tokio::stream::StreamMap::new();
        map.insert("a", rx_a);
        map.insert("b", rx_b);
        tx_a.send(1).unwrap();
        tx_b.send(2).unwrap();
        drop((tx_a, tx_b));
        let mut got: Vec<(&str, u8)> = block_on(map.collect());
        got.sort();
        assert_eq!(got, vec![("a", 1), ("b", 2)]);
    }
}

#[cfg(feature = "io-util")]
mod io {
    use super::*;
    use tokio::io::{AsyncBufReadExt, BufReader};

    #[test]
    fn lines_and_split_are_streams() {
        let lines = BufReader::new(&b"one\ntwo\r\nthree"[..]).lines();
        assert_stream::<_, std::io::Result<String>>(&lines);
        let got: Result<Vec<String>, _> = block_on(lines.collect());
        assert_eq!(got.unwrap(), vec!["one", "two", "three"]);

        let parts = BufReader::new(&b"a,b,,c"[..]).split(b',');
        let got: Result<Vec<Vec<u8>>, _> = block_on(parts.collect());
        assert_eq!(
            got.unwrap(),
            vec![b"a".to_vec(), b"b".to_vec(), b"".to_vec(), b"c".to_vec()]
        );
    }

    #[cfg(feature = "stream")]
    #[test]
    fn reader_stream_yields_chunks() {
        let stream = tokio::io::reader_stream(&b"hello world"[..]);
        let bytes: Result<bytes::BytesMut, _> = block_on(stream.collect());
        assert_eq!(&bytes.unwrap()[..], b"hello world");
    }
}

#[cfg(all(feature = "time", feature = "rt-core"))]
mod time {
    use super::*;
    use std::time::Duration;
    use tokio::time::{self, DelayQueue, Instant};

    #[test]
    fn interval_is_a_stream_of_instants() {
        tokio_test::block_on(async {
            time::pause();
            let start = Instant::now();
            let ticks = time::interval(Duration::from_millis(10));
            assert_stream::<_, Instant>(&ticks);
            let got: Vec<Instant> = ticks.take(3).collect().await;
            let offsets: Vec<u64> = got
                .iter()
                .map(|t| t.duration_since(start).as_millis() as u64)
                .collect();
            assert_eq!(offsets, vec![0, 10, 20]);
        });
    }

    #[test]
    fn delay_queue_is_a_stream_of_expired_values() {
        tokio_test::block_on(async {
            time::pause();
            let mut queue = DelayQueue::new();
            queue.insert("late", Duration::from_millis(20));
            queue.insert("early", Duration::from_millis(10));
            let got: Vec<&str> = queue.map(|e| e.unwrap().into_inner()).collect().await;
            assert_eq!(got, vec!["early", "late"]);
        });
    }

    #[cfg(feature = "stream")]
    #[test]
    fn throttle_is_a_stream() {
        tokio_test::block_on(async {
            time::pause();
            let start = Instant::now();
            let throttled = time::throttle(Duration::from_millis(10), tokio::stream::iter(1..=3));
            let got: Vec<i32> = throttled.collect().await;
            assert_eq!(got, vec![1, 2, 3]);
            assert!(start.elapsed() >= Duration::from_millis(20));
        });
    }
}

#[cfg(all(feature = "tcp", feature = "rt-core"))]
mod net {
    use super::*;
    use tokio::net::{TcpListener, TcpStream};

    #[test]
    fn tcp_listener_and_incoming_are_streams() {
        tokio_test::block_on(async {
            let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let clients = tokio::spawn(async move {
                let a = TcpStream::connect(addr).await.unwrap();
                let b = TcpStream::connect(addr).await.unwrap();
                (a, b)
            });
            {
                let incoming = listener.incoming();
                assert_stream::<_, std::io::Result<TcpStream>>(&incoming);
                let accepted: Vec<_> = incoming.take(1).collect().await;
                assert!(accepted[0].is_ok());
            }
            let second = listener.next().await.unwrap().unwrap();
            assert_eq!(second.local_addr().unwrap(), addr);
            let _clients = clients.await.unwrap();
        });
    }
}

#[cfg(all(unix, feature = "uds", feature = "rt-core"))]
mod uds {
    use super::*;
    use tokio::net::{UnixListener, UnixStream};

    #[test]
    fn unix_listener_and_incoming_are_streams() {
        let dir = std::env::temp_dir().join(format!("tokio-stream-uds-{}", std::process::id()));
        let _ = std::fs::remove_file(&dir);
        tokio_test::block_on(async {
            let mut listener = UnixListener::bind(&dir).unwrap();
            let path = dir.clone();
            let clients = tokio::spawn(async move {
                let a = UnixStream::connect(&path).await.unwrap();
                let b = UnixStream::connect(&path).await.unwrap();
                (a, b)
            });
            {
                let incoming = listener.incoming();
                assert_stream::<_, std::io::Result<UnixStream>>(&incoming);
                let accepted: Vec<_> = incoming.take(1).collect().await;
                assert!(accepted[0].is_ok());
            }
            assert!(listener.next().await.unwrap().is_ok());
            let _clients = clients.await.unwrap();
        });
        let _ = std::fs::remove_file(&dir);
    }
}
