//! One network workload on one runtime kind, for syscall accounting (`strace -f -c`) and
//! instruction counts (`valgrind --tool=callgrind`), where the interleaved `bench` binary
//! would mix the runtimes' threads.
//!
//! Usage: `net_one <ours|t1|t02> <mt|ct> <tcp|udp> <round trips>`.
//! The same workloads as the `bench` binary's `tcp_echo_1` and `udp_pingpong` rows (one
//! connection, 1 KiB messages, an echo task on the same runtime; 64-byte datagrams), run
//! once for the given number of round trips after a 200-round-trip warm-up. Per-round-trip
//! counts come from the difference of two runs with different round-trip counts, which
//! cancels the setup (runtime start, bind, connect) exactly.

use std::time::Instant;

const MSG: usize = 1024;
const WARMUP: usize = 200;

macro_rules! net_workloads {
    ($tk:ident) => {
        use super::{MSG, WARMUP};
        use std::time::Duration;
        use $tk::io::{AsyncReadExt, AsyncWriteExt};
        use $tk::net::{TcpListener, TcpStream, UdpSocket};

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

        async fn round_trips(s: &mut TcpStream, rounds: usize) {
            let out = vec![1u8; MSG];
            let mut back = vec![0u8; MSG];
            for _ in 0..rounds {
                s.write_all(&out).await.unwrap();
                s.read_exact(&mut back).await.unwrap();
            }
        }

        /// Returns the time of the measured round trips.
        pub async fn tcp(rounds: usize) -> Duration {
            #[allow(unused_mut)]
            let mut listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            drop($tk::spawn(async move {
                if let Ok((s, _)) = listener.accept().await {
                    echo(s).await;
                }
            }));
            let mut s = TcpStream::connect(addr).await.unwrap();
            s.set_nodelay(true).unwrap();
            // The client runs in a spawned task, as in the bench.
            let h = $tk::spawn(async move {
                round_trips(&mut s, WARMUP).await;
                let start = std::time::Instant::now();
                round_trips(&mut s, rounds).await;
                start.elapsed()
            });
            h.await.unwrap()
        }

        /// Returns the time of the measured round trips.
        pub async fn udp(rounds: usize) -> Duration {
            #[allow(unused_mut)]
            let mut a = UdpSocket::bind("127.0.0.1:0").await.unwrap();
            #[allow(unused_mut)]
            let mut b = UdpSocket::bind("127.0.0.1:0").await.unwrap();
            a.connect(b.local_addr().unwrap()).await.unwrap();
            b.connect(a.local_addr().unwrap()).await.unwrap();
            let total = WARMUP + rounds;
            let pong = $tk::spawn(async move {
                let mut buf = vec![0u8; MSG];
                for _ in 0..total {
                    let n = b.recv(&mut buf).await.unwrap();
                    b.send(&buf[..n]).await.unwrap();
                }
            });
            let ping = $tk::spawn(async move {
                let out = vec![3u8; 64];
                let mut buf = vec![0u8; MSG];
                let mut start = std::time::Instant::now();
                for i in 0..total {
                    if i == WARMUP {
                        start = std::time::Instant::now();
                    }
                    a.send(&out).await.unwrap();
                    assert_eq!(a.recv(&mut buf).await.unwrap(), 64);
                }
                start.elapsed()
            });
            let t = ping.await.unwrap();
            pong.await.unwrap();
            t
        }
    };
}

#[cfg(feature = "ours-net")]
mod ours {
    net_workloads!(tokio);

    pub fn rt(mt: bool) -> tokio::runtime::Runtime {
        let mut b = tokio::runtime::Builder::new();
        if mt {
            b.threaded_scheduler().core_threads(2);
        } else {
            b.basic_scheduler();
        }
        b.enable_all().build().unwrap()
    }
}

mod t02 {
    net_workloads!(tokio02);

    pub fn rt(mt: bool) -> tokio02::runtime::Runtime {
        let mut b = tokio02::runtime::Builder::new();
        if mt {
            b.threaded_scheduler().core_threads(2);
        } else {
            b.basic_scheduler();
        }
        b.enable_all().build().unwrap()
    }
}

mod t1 {
    net_workloads!(tokio1);

    pub fn rt(mt: bool) -> tokio1::runtime::Runtime {
        let mut b = if mt {
            let mut b = tokio1::runtime::Builder::new_multi_thread();
            b.worker_threads(2);
            b
        } else {
            tokio1::runtime::Builder::new_current_thread()
        };
        b.enable_all().build().unwrap()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 5 {
        eprintln!("usage: net_one <ours|t1|t02> <mt|ct> <tcp|udp> <round trips>");
        std::process::exit(2);
    }
    let mt = match args[2].as_str() {
        "mt" => true,
        "ct" => false,
        f => panic!("unknown flavour {f}"),
    };
    let tcp = match args[3].as_str() {
        "tcp" => true,
        "udp" => false,
        w => panic!("unknown workload {w}"),
    };
    let rounds: usize = args[4].parse().expect("round trips");
    let wall = Instant::now();
    let t = match args[1].as_str() {
        #[cfg(feature = "ours-net")]
        "ours" => {
            #[allow(unused_mut)]
            let mut rt = ours::rt(mt);
            if tcp {
                rt.block_on(ours::tcp(rounds))
            } else {
                rt.block_on(ours::udp(rounds))
            }
        }
        "t02" => {
            let mut rt = t02::rt(mt);
            if tcp {
                rt.block_on(t02::tcp(rounds))
            } else {
                rt.block_on(t02::udp(rounds))
            }
        }
        "t1" => {
            let rt = t1::rt(mt);
            if tcp {
                rt.block_on(t1::tcp(rounds))
            } else {
                rt.block_on(t1::udp(rounds))
            }
        }
        k => panic!("unknown runtime kind {k}"),
    };
    eprintln!(
        "{} {} {}: {} round trips in {:?} ({:.1}k rt/s; process {:?})",
        args[1],
        args[2],
        args[3],
        rounds,
        t,
        rounds as f64 / t.as_secs_f64() / 1e3,
        wall.elapsed()
    );
}
