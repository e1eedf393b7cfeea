//! Comparison benchmarks: this workspace's tokio ("ours") against tokio 1.x and the published
//! tokio 0.2.25, in one process.
//!
//! Method: for each workload and scheduler flavour, one runtime of each kind is built, each
//! runs `WARMUP` untimed batches, then `BATCHES` timed batches interleaved batch by batch,
//! the order rotating each batch (ours, 1.x, 0.2.25; then 1.x, 0.2.25, ours; ...), so a
//! noisy neighbour, or one runtime's leftover background work, hits all three alike. The table quotes
//! the median batch of each. Ratios are ours' median time over theirs: below 1.00 ours is
//! faster (also for the throughput rows, which are shown as a rate).
//!
//! Usage: `bash ci/bench [filter]` (filter: substring of `group/name`, or `alloc`).
//! Environment: `BENCH_BATCHES` (default 15), `BENCH_WARMUP` (default 2).
#![allow(unused_mut)]

mod alloc;
mod compat;
mod floor;
mod handoff;
mod runtimes;
mod watchdog;
mod workloads;

use std::time::Duration;

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

/// Scheduler flavour of a row.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flavor {
    /// Multi-thread scheduler with 2 workers.
    MultiThread2,
    /// Current-thread (basic) scheduler.
    CurrentThread,
}

impl Flavor {
    fn label(self) -> &'static str {
        match self {
            Flavor::MultiThread2 => "multi-thread (2)",
            Flavor::CurrentThread => "current-thread",
        }
    }
}

/// One timed batch per call; returns the batch's duration.
pub type Runner = Box<dyn FnMut() -> Duration>;

struct Def {
    group: &'static str,
    name: &'static str,
    /// Operations per batch (tasks, round trips, messages, MiB ...).
    ops: f64,
    unit: &'static str,
    /// Show as a rate (ops/s) instead of time per op.
    rate: bool,
}

const fn def(
    group: &'static str,
    name: &'static str,
    ops: f64,
    unit: &'static str,
    rate: bool,
) -> Def {
    Def {
        group,
        name,
        ops,
        unit,
        rate,
    }
}

const DEFS: &[Def] = &[
    def("runtime", "spawn_many_local", 10_000.0, "task", false),
    def("runtime", "spawn_many_remote", 10_000.0, "task", false),
    def("runtime", "yield_many", 200_000.0, "yield", false),
    def("runtime", "ping_pong", 1_000.0, "round trip", false),
    def("runtime", "chained_spawn", 1_000.0, "spawn", false),
    def("io", "copy_duplex", 16.0, "MiB", true),
    def("io", "read_line", 100_000.0, "line", false),
    def("net", "tcp_echo_1", 2_000.0, "rt", true),
    def("net", "tcp_echo_50", 2_000.0, "rt", true),
    def("net", "tcp_echo_500", 4_000.0, "rt", true),
    def("net", "udp_pingpong", 2_000.0, "rt", true),
    def("time", "delay_insert_cancel", 100_000.0, "delay", false),
    def("time", "timeout_ready", 100_000.0, "timeout", false),
    def("time", "sleep_10k_random", 1.0, "batch (all fired)", false),
    def("sync", "mpsc_bounded_1x100k", 100_000.0, "msg", false),
    def("sync", "mpsc_bounded_4x25k", 100_000.0, "msg", false),
    def("sync", "mpsc_unbounded_1x100k", 100_000.0, "msg", false),
    def("sync", "mpsc_unbounded_4x25k", 100_000.0, "msg", false),
    def("sync", "oneshot", 100_000.0, "channel", false),
    def("sync", "mutex_contended_8", 40_000.0, "lock", false),
    def("sync", "semaphore", 100_000.0, "acquire", false),
];

const KINDS: [&str; 5] = [
    "ours",
    "tokio 1.x",
    "tokio 0.2.25",
    "mio loop",
    "syscall floor",
];

fn ours(name: &str, flavor: Flavor) -> Option<Runner> {
    #[cfg(feature = "ours-rt")]
    {
        runtimes::ours::make(name, flavor)
    }
    #[cfg(not(feature = "ours-rt"))]
    {
        let _ = (name, flavor);
        None
    }
}

fn runners(d: &Def, flavor: Flavor) -> [Option<Runner>; 5] {
    let mio_loop = (d.name == "tcp_echo_1").then(floor::mio_echo);
    let syscall_floor = (d.name == "tcp_echo_1").then(floor::syscall_floor);
    [
        ours(d.name, flavor),
        runtimes::t1::make(d.name, flavor),
        runtimes::t02::make(d.name, flavor),
        mio_loop,
        syscall_floor,
    ]
}

pub(crate) fn env_usize(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(v: &mut [Duration]) -> Option<Duration> {
    if v.is_empty() {
        return None;
    }
    v.sort();
    Some(v[v.len() / 2])
}

fn show(d: &Def, t: Option<Duration>) -> String {
    let Some(t) = t else { return "missing".into() };
    let secs = t.as_secs_f64();
    if d.rate {
        let r = d.ops / secs;
        if r >= 1e6 {
            format!("{:.2}M {}/s", r / 1e6, d.unit)
        } else if r >= 1e3 {
            format!("{:.1}k {}/s", r / 1e3, d.unit)
        } else {
            format!("{:.0} {}/s", r, d.unit)
        }
    } else {
        let ns = secs * 1e9 / d.ops;
        if ns >= 1e6 {
            format!("{:.2} ms/{}", ns / 1e6, d.unit)
        } else if ns >= 1e4 {
            format!("{:.1} µs/{}", ns / 1e3, d.unit)
        } else {
            format!("{:.0} ns/{}", ns, d.unit)
        }
    }
}

fn ratio(a: Option<Duration>, b: Option<Duration>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:.2}", a.as_secs_f64() / b.as_secs_f64()),
        _ => "–".into(),
    }
}

fn run_row(row: usize, d: &Def, flavor: Flavor, warmup: usize, batches: usize) -> String {
    let mut rs = runners(d, flavor);
    let mut hung = [false; 5];
    for (i, r) in rs.iter_mut().enumerate() {
        if watchdog::is_hung(row, i) {
            *r = None;
            hung[i] = true;
        }
    }
    for (i, r) in rs.iter_mut().enumerate() {
        if let Some(r) = r {
            for _ in 0..warmup {
                watchdog::guard(row, i, &mut *r);
            }
        }
    }
    let mut samples: [Vec<Duration>; 5] = Default::default();
    // The order rotates every batch, so no runtime always runs right after the same other
    // one (a runtime's leftover background work, e.g. 0.2.25's timer thread, would
    // otherwise always land on the same successor's batch).
    let n = rs.len();
    for b in 0..batches {
        for k in 0..n {
            let i = (b + k) % n;
            if let Some(r) = &mut rs[i] {
                samples[i].push(watchdog::guard(row, i, &mut *r));
            }
        }
    }
    drop(rs);
    let m: Vec<Option<Duration>> = samples.iter_mut().map(|s| median(s)).collect();
    let show = |d: &Def, i: usize| {
        if hung[i] {
            format!("HUNG (a batch > {} s)", watchdog::hang_limit())
        } else {
            show(d, m[i])
        }
    };
    let best = match (m[1], m[2]) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let floor = |i: usize, what: &str| match m[i] {
        Some(_) => format!("{} (ours/{what} {})", show(d, i), ratio(m[0], m[i])),
        None => String::new(),
    };
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        d.name,
        flavor.label(),
        show(d, 0),
        show(d, 1),
        show(d, 2),
        ratio(m[0], m[1]),
        ratio(m[0], m[2]),
        ratio(m[0], best),
        floor(3, "mio"),
        floor(4, "floor")
    )
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let n = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let cmd = |c: &str, a: &[&str]| {
        std::process::Command::new(c)
            .args(a)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    format!(
        "- date: {}\n- machine: {} CPUs (nproc), {}\n- rustc: {}\n- load average at start: {}",
        cmd("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        n,
        cpu,
        cmd("rustc", &["-V"]),
        loadavg()
    )
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn alloc_row(flavor: Flavor) -> String {
    let fmt = |v: Option<(f64, f64)>| match v {
        Some((b, c)) => format!("{b:.0} B ({c:.2} allocs)"),
        None => "missing".into(),
    };
    #[cfg(feature = "ours-rt")]
    let o = Some(runtimes::ours::alloc_per_task(flavor));
    #[cfg(not(feature = "ours-rt"))]
    let o = None;
    let a = runtimes::t1::alloc_per_task(flavor);
    let b = runtimes::t02::alloc_per_task(flavor);
    format!(
        "| {} | {} | {} | {} |",
        flavor.label(),
        fmt(o),
        fmt(Some(a)),
        fmt(Some(b))
    )
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let warmup = env_usize("BENCH_WARMUP", 2);
    let batches = env_usize("BENCH_BATCHES", 15);
    let start = env_usize("BENCH_START", 0);
    let continued = std::env::var("BENCH_START").is_ok();
    let mut group: &str = &std::env::var("BENCH_GROUP_OPEN").unwrap_or_default();
    watchdog::spawn();
    if !continued {
        println!("## Run\n\n{}", machine());
        println!("- method: {warmup} warm-up + {batches} timed batches per runtime, interleaved batch by batch in an order that rotates each batch; medians; ratio = ours' median time / theirs (< 1.00: ours faster); `best` = the faster of tokio 1.x and tokio 0.2.25\n");
    }
    let flavors = [Flavor::MultiThread2, Flavor::CurrentThread];
    let mut row = 0;
    for d in DEFS
        .iter()
        .filter(|d| format!("{}/{}", d.group, d.name).contains(&filter))
    {
        if row + flavors.len() <= start {
            row += flavors.len();
            continue;
        }
        if d.group != group {
            group = d.group;
            watchdog::set_group(d.group);
            println!("\n### {group}\n");
            println!(
                "| bench | scheduler | {} | {} | {} | ours/1.x | ours/0.2 | ours/best | {} | {} |",
                KINDS[0], KINDS[1], KINDS[2], KINDS[3], KINDS[4]
            );
            println!("|---|---|---|---|---|---|---|---|---|---|");
        }
        for flavor in flavors {
            if row >= start {
                println!("{}", run_row(row, d, flavor, warmup, batches));
            }
            row += 1;
        }
    }
    if filter.is_empty() || filter == "alloc" {
        println!("\n### bytes allocated per spawned task (10,000 trivial tasks, counted by the global allocator)\n");
        println!("| scheduler | {} | {} | {} |", KINDS[0], KINDS[1], KINDS[2]);
        println!("|---|---|---|---|");
        for flavor in flavors {
            println!("{}", alloc_row(flavor));
        }
    }
    println!("\n- load average at end: {}", loadavg());
}
