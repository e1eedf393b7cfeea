//! Every workload, written once. `workloads!` expands inside a runtime's module (where `tk`
//! names that runtime's crate and `compat` its `Rt` / `sleep` / `sem_cycle`) and produces
//! `make(name, flavor) -> Option<Runner>` plus `alloc_per_task`. Each group sits behind a
//! cfg so "ours" can be compiled group by group while the facade fills in.

/// Sizes shared by every runtime's variant.
pub mod sizes {
    pub const SPAWN_MANY: usize = 10_000;
    pub const YIELD_TASKS: usize = 200;
    pub const YIELDS: usize = 1_000;
    pub const PING_PONGS: u64 = 1_000;
    pub const CHAIN_DEPTH: usize = 1_000;
    pub const COPY_BYTES: usize = 16 << 20;
    pub const COPY_CHUNK: usize = 64 << 10;
    pub const LINES: usize = 100_000;
    pub const MSG: usize = 1024;
    pub const UDP_ROUNDS: usize = 2_000;
    pub const TIMERS: usize = 100_000;
    pub const SLEEPERS: u64 = 10_000;
    pub const MESSAGES: usize = 100_000;
    pub const BOUNDED_CAP: usize = 1_000;
    pub const ONESHOTS: usize = 100_000;
    pub const MUTEX_TASKS: usize = 8;
    pub const MUTEX_LOCKS: usize = 5_000;
    pub const SEM_CYCLES: usize = 100_000;

    /// Round trips per connection for the tcp_echo rows.
    pub fn tcp_rounds(conns: usize) -> usize {
        match conns {
            1 => 2_000,
            50 => 40,
            _ => 8,
        }
    }

    /// The text the read_line workload reads: LINES lines of about 40 bytes.
    pub fn lines_text() -> Vec<u8> {
        let mut v = Vec::with_capacity(LINES * 44);
        for i in 0..LINES {
            v.extend_from_slice(format!("line {i:08} of the read_line benchmark\n").as_bytes());
        }
        v
    }
}

macro_rules! workloads {
    (rt: #[$rt:meta], io: #[$io:meta], net: #[$net:meta], time: #[$time:meta], sync: #[$sync:meta]) => {
        #[allow(unused_imports)]
        use std::hint::black_box;
        #[allow(unused_imports)]
        use std::sync::Arc;
        #[allow(unused_imports)]
        use std::time::{Duration, Instant};

        #[allow(unused_imports)]
        use compat::Rt;
        #[allow(unused_imports)]
        use $crate::handoff::Handoff;
        #[allow(unused_imports)]
        use $crate::workloads::sizes::*;
        use $crate::{Flavor, Runner};

        /// The runner for `name` on `flavor`, if this runtime has that workload compiled.
        pub fn make(name: &str, flavor: Flavor) -> Option<Runner> {
            let r: Runner = match name {
                #[$rt]
                "spawn_many_local" => rt::spawn_many_local(flavor),
                #[$rt]
                "spawn_many_remote" => rt::spawn_many_remote(flavor),
                #[$rt]
                "yield_many" => rt::yield_many(flavor),
                #[$rt]
                "ping_pong" => rt::ping_pong(flavor),
                #[$rt]
                "chained_spawn" => rt::chained_spawn(flavor),
                #[$io]
                "copy_duplex" => io::copy_duplex(flavor),
                #[$io]
                "read_line" => io::read_line(flavor),
                #[$net]
                "tcp_echo_1" => net::tcp_echo(flavor, 1),
                #[$net]
                "tcp_echo_50" => net::tcp_echo(flavor, 50),
                #[$net]
                "tcp_echo_500" => net::tcp_echo(flavor, 500),
                #[$net]
                "udp_pingpong" => net::udp_pingpong(flavor),
                #[$time]
                "delay_insert_cancel" => time::insert_cancel(flavor),
                #[$time]
                "timeout_ready" => time::timeout_ready(flavor),
                #[$time]
                "sleep_10k_random" => time::sleep_random(flavor),
                #[$sync]
                "mpsc_bounded_1x100k" => sync::mpsc_bounded(flavor, 1),
                #[$sync]
                "mpsc_bounded_4x25k" => sync::mpsc_bounded(flavor, 4),
                #[$sync]
                "mpsc_unbounded_1x100k" => sync::mpsc_unbounded(flavor, 1),
                #[$sync]
                "mpsc_unbounded_4x25k" => sync::mpsc_unbounded(flavor, 4),
                #[$sync]
                "oneshot" => sync::oneshot(flavor),
                #[$sync]
                "mutex_contended_8" => sync::mutex_contended(flavor),
                #[$sync]
                "semaphore" => sync::semaphore(flavor),
                _ => return None,
            };
            Some(r)
        }

        /// Bytes and allocations per spawned task: 10,000 trivial tasks spawned from inside
        /// a task and awaited, counted by the global allocator.
        #[$rt]
        pub fn alloc_per_task(flavor: Flavor) -> (f64, f64) {
            let mut rt = Rt::new(flavor);
            rt.block_on(async {
                // Warm the runtime's own lazily created structures first.
                for _ in 0..100 {
                    tk::spawn(async {}).await.unwrap();
                }
                let mut handles = Vec::with_capacity(SPAWN_MANY);
                $crate::alloc::start();
                for i in 0..SPAWN_MANY {
                    handles.push(tk::spawn(async move { black_box(i) }));
                }
                for h in handles.drain(..) {
                    h.await.unwrap();
                }
                let (bytes, count) = $crate::alloc::stop();
                let n = SPAWN_MANY as f64;
                (bytes as f64 / n, count as f64 / n)
            })
        }

        #[$rt]
        mod rt {
            use super::*;

            pub fn spawn_many_local(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let mut handles = Vec::with_capacity(SPAWN_MANY);
                        for i in 0..SPAWN_MANY {
                            handles.push(tk::spawn(async move { black_box(i) }));
                        }
                        for h in handles {
                            h.await.unwrap();
                        }
                        start.elapsed()
                    })
                })
            }

            pub fn spawn_many_remote(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    let start = Instant::now();
                    let handles: Vec<_> = (0..SPAWN_MANY)
                        .map(|i| rt.spawn(async move { black_box(i) }))
                        .collect();
                    rt.block_on(async {
                        for h in handles {
                            h.await.unwrap();
                        }
                    });
                    start.elapsed()
                })
            }

            pub fn yield_many(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let handles: Vec<_> = (0..YIELD_TASKS)
                            .map(|_| {
                                #[allow(unused_must_use)]
                                tk::spawn(async {
                                    for _ in 0..YIELDS {
                                        tk::task::yield_now().await;
                                    }
                                })
                            })
                            .collect();
                        for h in handles {
                            h.await.unwrap();
                        }
                        start.elapsed()
                    })
                })
            }

            pub fn ping_pong(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let (ping, pong) = (Handoff::new(), Handoff::new());
                        let (ping2, pong2) = (ping.clone(), pong.clone());
                        let b = tk::spawn(async move {
                            for _ in 0..PING_PONGS {
                                let v = ping2.recv().await;
                                pong2.send(v + 1);
                            }
                        });
                        let a = tk::spawn(async move {
                            let mut v = 0;
                            for _ in 0..PING_PONGS {
                                ping.send(v);
                                v = pong.recv().await;
                            }
                            v
                        });
                        assert_eq!(a.await.unwrap(), PING_PONGS);
                        b.await.unwrap();
                        start.elapsed()
                    })
                })
            }

            fn chain(left: usize, done: Arc<Handoff>) {
                if left == 0 {
                    done.send(1);
                } else {
                    drop(tk::spawn(async move { chain(left - 1, done) }));
                }
            }

            pub fn chained_spawn(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let done = Handoff::new();
                        let d = done.clone();
                        drop(tk::spawn(async move { chain(CHAIN_DEPTH, d) }));
                        assert_eq!(done.recv().await, 1);
                        start.elapsed()
                    })
                })
            }
        }

        #[$io]
        mod io {
            use super::*;
            use tk::io::{AsyncBufReadExt, AsyncWriteExt};

            pub fn copy_duplex(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                let chunk = Arc::new(vec![7u8; COPY_CHUNK]);
                Box::new(move || {
                    let chunk = chunk.clone();
                    rt.block_on(async move {
                        let start = Instant::now();
                        let (mut reader, mut writer) = tk::io::duplex(COPY_CHUNK);
                        let w = tk::spawn(async move {
                            for _ in 0..COPY_BYTES / COPY_CHUNK {
                                writer.write_all(&chunk).await.unwrap();
                            }
                            writer.shutdown().await.unwrap();
                        });
                        let mut sink = tk::io::sink();
                        let n = tk::io::copy(&mut reader, &mut sink).await.unwrap();
                        assert_eq!(n as usize, COPY_BYTES);
                        w.await.unwrap();
                        start.elapsed()
                    })
                })
            }

            pub fn read_line(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                let text = lines_text();
                Box::new(move || {
                    let text = &text[..];
                    rt.block_on(async move {
                        let start = Instant::now();
                        let mut reader = tk::io::BufReader::new(text);
                        let mut line = String::new();
                        let mut count = 0;
                        loop {
                            line.clear();
                            if reader.read_line(&mut line).await.unwrap() == 0 {
                                break;
                            }
                            count += 1;
                        }
                        assert_eq!(count, LINES);
                        start.elapsed()
                    })
                })
            }
        }

        #[$net]
        mod net {
            use super::*;
            use tk::io::{AsyncReadExt, AsyncWriteExt};
            use tk::net::{TcpListener, TcpStream, UdpSocket};

            async fn echo(mut s: TcpStream) {
                let mut buf = vec![0u8; 4096];
                loop {
                    match s.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => {
                            if s.write_all(&buf[..n]).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            }

            async fn round_trips(mut s: TcpStream, rounds: usize) -> TcpStream {
                let out = vec![1u8; MSG];
                let mut back = vec![0u8; MSG];
                for _ in 0..rounds {
                    s.write_all(&out).await.unwrap();
                    s.read_exact(&mut back).await.unwrap();
                }
                s
            }

            pub fn tcp_echo(flavor: Flavor, conns: usize) -> Runner {
                let mut rt = Rt::new(flavor);
                let mut clients: Vec<TcpStream> = rt.block_on(async move {
                    let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                    let addr = listener.local_addr().unwrap();
                    drop(tk::spawn(async move {
                        loop {
                            match listener.accept().await {
                                Ok((s, _)) => drop(tk::spawn(echo(s))),
                                Err(_) => return,
                            }
                        }
                    }));
                    let mut v = Vec::with_capacity(conns);
                    for _ in 0..conns {
                        let s = TcpStream::connect(addr).await.unwrap();
                        s.set_nodelay(true).unwrap();
                        v.push(s);
                    }
                    v
                });
                let rounds = tcp_rounds(conns);
                Box::new(move || {
                    let taken = std::mem::take(&mut clients);
                    let (elapsed, back) = rt.block_on(async move {
                        let start = Instant::now();
                        let handles: Vec<_> = taken
                            .into_iter()
                            .map(|s| tk::spawn(round_trips(s, rounds)))
                            .collect();
                        let mut back = Vec::with_capacity(handles.len());
                        for h in handles {
                            back.push(h.await.unwrap());
                        }
                        (start.elapsed(), back)
                    });
                    clients = back;
                    elapsed
                })
            }

            pub fn udp_pingpong(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
                        let mut b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
                        a.connect(b.local_addr().unwrap()).await.unwrap();
                        b.connect(a.local_addr().unwrap()).await.unwrap();
                        let start = Instant::now();
                        let pong = tk::spawn(async move {
                            let mut buf = vec![0u8; MSG];
                            for _ in 0..UDP_ROUNDS {
                                let n = b.recv(&mut buf).await.unwrap();
                                b.send(&buf[..n]).await.unwrap();
                            }
                        });
                        let ping = tk::spawn(async move {
                            let out = vec![3u8; 64];
                            let mut buf = vec![0u8; MSG];
                            for _ in 0..UDP_ROUNDS {
                                a.send(&out).await.unwrap();
                                assert_eq!(a.recv(&mut buf).await.unwrap(), 64);
                            }
                        });
                        ping.await.unwrap();
                        pong.await.unwrap();
                        start.elapsed()
                    })
                })
            }
        }

        #[$time]
        mod time {
            use super::*;

            pub fn insert_cancel(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        for _ in 0..TIMERS {
                            let d = compat::sleep(Duration::from_secs(3600));
                            futures::pin_mut!(d);
                            assert!(futures::poll!(d.as_mut()).is_pending());
                        }
                        start.elapsed()
                    })
                })
            }

            pub fn timeout_ready(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let mut sum = 0usize;
                        for i in 0..TIMERS {
                            let fut = async move { black_box(i) };
                            sum += tk::time::timeout(Duration::from_secs(1), fut)
                                .await
                                .unwrap();
                        }
                        black_box(sum);
                        start.elapsed()
                    })
                })
            }

            pub fn sleep_random(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let handles: Vec<_> = (0..SLEEPERS)
                            .map(|i| {
                                // A fixed pseudo-random spread over 0..=10 ms.
                                let ms = (i.wrapping_mul(2_654_435_761) >> 7) % 11;
                                tk::spawn(compat::sleep(Duration::from_millis(ms)))
                            })
                            .collect();
                        for h in handles {
                            h.await.unwrap();
                        }
                        start.elapsed()
                    })
                })
            }
        }

        #[$sync]
        mod sync {
            use super::*;
            use tk::sync::{mpsc, oneshot, Mutex, Semaphore};

            pub fn mpsc_bounded(flavor: Flavor, producers: usize) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async move {
                        let start = Instant::now();
                        let (tx, mut rx) = mpsc::channel::<usize>(BOUNDED_CAP);
                        for _ in 0..producers {
                            let mut tx = tx.clone();
                            drop(tk::spawn(async move {
                                for i in 0..MESSAGES / producers {
                                    tx.send(i).await.unwrap();
                                }
                            }));
                        }
                        drop(tx);
                        let consumer = tk::spawn(async move {
                            let mut n = 0;
                            while let Some(v) = rx.recv().await {
                                black_box(v);
                                n += 1;
                            }
                            n
                        });
                        assert_eq!(consumer.await.unwrap(), MESSAGES);
                        start.elapsed()
                    })
                })
            }

            pub fn mpsc_unbounded(flavor: Flavor, producers: usize) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async move {
                        let start = Instant::now();
                        let (tx, mut rx) = mpsc::unbounded_channel::<usize>();
                        for _ in 0..producers {
                            let tx = tx.clone();
                            drop(tk::spawn(async move {
                                for i in 0..MESSAGES / producers {
                                    tx.send(i).unwrap();
                                }
                            }));
                        }
                        drop(tx);
                        let consumer = tk::spawn(async move {
                            let mut n = 0;
                            while let Some(v) = rx.recv().await {
                                black_box(v);
                                n += 1;
                            }
                            n
                        });
                        assert_eq!(consumer.await.unwrap(), MESSAGES);
                        start.elapsed()
                    })
                })
            }

            pub fn oneshot(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        for i in 0..ONESHOTS {
                            let (tx, rx) = oneshot::channel::<usize>();
                            tx.send(i).unwrap();
                            assert_eq!(rx.await.unwrap(), i);
                        }
                        start.elapsed()
                    })
                })
            }

            pub fn mutex_contended(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let m = Arc::new(Mutex::new(0usize));
                        let handles: Vec<_> = (0..MUTEX_TASKS)
                            .map(|_| {
                                let m = m.clone();
                                tk::spawn(async move {
                                    for _ in 0..MUTEX_LOCKS {
                                        *m.lock().await += 1;
                                    }
                                })
                            })
                            .collect();
                        for h in handles {
                            h.await.unwrap();
                        }
                        assert_eq!(*m.lock().await, MUTEX_TASKS * MUTEX_LOCKS);
                        start.elapsed()
                    })
                })
            }

            pub fn semaphore(flavor: Flavor) -> Runner {
                let mut rt = Rt::new(flavor);
                Box::new(move || {
                    rt.block_on(async {
                        let start = Instant::now();
                        let s = Semaphore::new(4);
                        for _ in 0..SEM_CYCLES {
                            compat::sem_cycle(&s).await;
                        }
                        assert_eq!(s.available_permits(), 4);
                        start.elapsed()
                    })
                })
            }
        }
    };
}

pub(crate) use workloads;
