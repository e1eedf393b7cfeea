//! Live heap per idle TCP connection and per pending task: ours vs tokio 1.x vs tokio 0.2.25.
//!
//! A counting global allocator tracks live bytes (not RSS). For each runtime: build it, take
//! a baseline, then (a) spawn `TASKS` tasks that wait forever and (b) accept `CONNS` TCP
//! connections, each held by a task waiting in `read`, and report the live-heap growth
//! divided by the count. Client ends are plain std sockets, so they add no runtime heap.
//!
//! Run: `cargo run --release --bin memory` in benches/ (or `bash ci/bench --memory`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};
use std::time::Duration;

struct Live;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every method forwards to `System` unchanged; the counter never touches the memory.
unsafe impl GlobalAlloc for Live {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            LIVE.fetch_add(l.size() as isize, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size() as isize, Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        let q = unsafe { System.realloc(p, l, n) };
        if !q.is_null() {
            LIVE.fetch_add(n as isize - l.size() as isize, Relaxed);
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Live = Live;

const TASKS: usize = 10_000;
const CONNS: usize = 1_000;

fn live() -> isize {
    LIVE.load(Relaxed)
}

/// Settles for a moment so workers finish what they were doing, then reads the counter.
fn settle() -> isize {
    std::thread::sleep(Duration::from_millis(200));
    live()
}

macro_rules! measure {
    ($name:expr, $rt:expr, $spawn:path, $listener:ty, $stream:ty, $readext:path, $bind:expr) => {{
        #[allow(unused_mut)]
        let mut rt = $rt;
        // Tasks.
        let base = settle();
        let mut handles = Vec::with_capacity(TASKS);
        for _ in 0..TASKS {
            handles.push(rt.spawn(std::future::pending::<()>()));
        }
        let per_task = (settle() - base) as f64 / TASKS as f64;
        drop(handles);
        // Connections.
        let listener: $listener = rt.block_on(async { $bind });
        let addr = listener.local_addr().unwrap();
        let base = settle();
        // Clients connect from another thread while the runtime accepts (the listen
        // backlog may be shorter than CONNS).
        let connector = std::thread::spawn(move || {
            (0..CONNS)
                .map(|_| std::net::TcpStream::connect(addr).unwrap())
                .collect::<Vec<std::net::TcpStream>>()
        });
        #[allow(unused_mut)]
        let mut listener = listener;
        rt.block_on(async {
            for _ in 0..CONNS {
                let (mut s, _): ($stream, _) = listener.accept().await.unwrap();
                $spawn(async move {
                    use $readext as _;
                    let mut buf = [0u8; 1];
                    let _ = s.read(&mut buf).await;
                });
            }
        });
        let clients = connector.join().unwrap();
        let per_conn = (settle() - base) as f64 / CONNS as f64;
        drop(clients);
        std::thread::sleep(Duration::from_millis(100));
        println!("| {} | {:.0} | {:.0} |", $name, per_task, per_conn);
        drop(rt);
    }};
}

fn main() {
    println!("Live heap per pending task ({TASKS} tasks) and per idle TCP connection ({CONNS}");
    println!("accepted connections, each held by a task blocked in read), multi-thread runtime");
    println!("with 2 workers. Bytes; lower is better.\n");
    println!("| runtime | B / pending task | B / idle connection |");
    println!("|---|---:|---:|");
    measure!(
        "ours",
        tokio::runtime::Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .enable_all()
            .build()
            .unwrap(),
        tokio::spawn,
        tokio::net::TcpListener,
        tokio::net::TcpStream,
        tokio::io::AsyncReadExt,
        tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap()
    );
    measure!(
        "tokio 1.x",
        tokio1::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap(),
        tokio1::spawn,
        tokio1::net::TcpListener,
        tokio1::net::TcpStream,
        tokio1::io::AsyncReadExt,
        tokio1::net::TcpListener::bind("127.0.0.1:0").await.unwrap()
    );
    measure!(
        "tokio 0.2.25",
        tokio02::runtime::Builder::new()
            .threaded_scheduler()
            .core_threads(2)
            .enable_all()
            .build()
            .unwrap(),
        tokio02::spawn,
        tokio02::net::TcpListener,
        tokio02::net::TcpStream,
        tokio02::io::AsyncReadExt,
        tokio02::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap()
    );
}
