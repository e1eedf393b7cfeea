//! A hang guard for the harness: a runtime that loses a wake-up would block its `block_on`
//! forever and take the whole run with it. A watchdog thread notices a batch running longer
//! than `BENCH_HANG_SECS` (default 30), records that (row, runtime) as hung and continues the
//! run in a fresh process (same arguments, `BENCH_START` = this row, `BENCH_HUNG` += it),
//! whose output follows this one's; the hung runtime shows as `HUNG` in its row.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static STARTED_MS: AtomicU64 = AtomicU64::new(0);
static ROW: AtomicUsize = AtomicUsize::new(0);
static KIND: AtomicUsize = AtomicUsize::new(0);
static GROUP: Mutex<&'static str> = Mutex::new("");

fn epoch() -> Instant {
    static EPOCH: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

/// Seconds a single batch may take before it counts as hung.
pub fn hang_limit() -> u64 {
    crate::env_usize("BENCH_HANG_SECS", 30) as u64
}

/// The (row, runtime) pairs earlier processes of this run found hung.
fn hung_list() -> Vec<(usize, usize)> {
    std::env::var("BENCH_HUNG")
        .unwrap_or_default()
        .split(',')
        .filter_map(|p| {
            let (r, k) = p.split_once(':')?;
            Some((r.parse().ok()?, k.parse().ok()?))
        })
        .collect()
}

/// True when runtime `kind` hung on `row` in an earlier process of this run.
pub fn is_hung(row: usize, kind: usize) -> bool {
    hung_list().contains(&(row, kind))
}

/// Marks the group whose table is open (a continuation does not repeat its header).
pub fn set_group(g: &'static str) {
    *GROUP.lock().unwrap() = g;
}

/// Runs one batch of `kind` on `row` under the watchdog.
pub fn guard<T>(row: usize, kind: usize, f: impl FnOnce() -> T) -> T {
    ROW.store(row, SeqCst);
    KIND.store(kind, SeqCst);
    STARTED_MS.store(epoch().elapsed().as_millis() as u64 + 1, SeqCst);
    let out = f();
    STARTED_MS.store(0, SeqCst);
    out
}

/// Starts the watchdog thread.
pub fn spawn() {
    let limit = hang_limit() * 1000;
    epoch();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(500));
        let started = STARTED_MS.load(SeqCst);
        if started == 0 || epoch().elapsed().as_millis() as u64 + 1 - started < limit {
            continue;
        }
        let (row, kind) = (ROW.load(SeqCst), KIND.load(SeqCst));
        eprintln!(
            "bench: runtime '{}' hung for more than {} s on row {row}; continuing in a fresh process",
            crate::KINDS[kind],
            limit / 1000
        );
        let mut hung = std::env::var("BENCH_HUNG").unwrap_or_default();
        if !hung.is_empty() {
            hung.push(',');
        }
        hung.push_str(&format!("{row}:{kind}"));
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(std::env::args().skip(1))
            .env("BENCH_START", row.to_string())
            .env("BENCH_HUNG", hung)
            .env("BENCH_GROUP_OPEN", *GROUP.lock().unwrap())
            .status();
        std::process::exit(status.ok().and_then(|s| s.code()).unwrap_or(1));
    });
}
