//! Starting example binaries for the integration tests.
//!
//! `cargo test` builds the package's examples next to the test binaries
//! (`target/<profile>/examples/NAME`); when that binary is missing or older than its source,
//! `cargo build --example NAME` is run first. `EXAMPLES_BIN_DIR` points the tests at binaries
//! built elsewhere (for instance the same sources built against tokio 0.2.25 in
//! `benches/compat02`). Every child is killed when its handle drops, and every wait is bounded.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// Longest any single wait in these tests may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);

fn profile_dir() -> PathBuf {
    // target/<profile>/deps/<test binary>
    let exe = std::env::current_exe().expect("current_exe");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>")
        .to_path_buf()
}

/// Path of the example binary `name`, built if needed.
pub fn example_bin(name: &str) -> PathBuf {
    if let Ok(dir) = std::env::var("EXAMPLES_BIN_DIR") {
        return Path::new(&dir).join(name);
    }
    let profile = profile_dir();
    let bin = profile.join("examples").join(name);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{name}.rs"));
    let fresh = match (bin.metadata(), src.metadata()) {
        (Ok(b), Ok(s)) => b.modified().unwrap() >= s.modified().unwrap(),
        _ => false,
    };
    if !fresh {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--example", name]);
        if profile.file_name().is_some_and(|p| p == "release") {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("run cargo build --example");
        assert!(status.success(), "cargo build --example {name} failed");
    }
    assert!(bin.exists(), "example binary {} not found", bin.display());
    bin
}

/// A running example; killed on drop.
pub struct Example {
    child: std::process::Child,
    lines: Receiver<String>,
}

impl Example {
    /// Starts example `name` with `args`, stdout piped and read line by line.
    pub fn start(name: &str, args: &[&str]) -> Example {
        let mut child = Command::new(example_bin(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start example {name}: {e}"));
        let out = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                match line {
                    Ok(l) => {
                        if tx.send(l).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            }
        });
        Example { child, lines }
    }

    /// Starts a serving example on an ephemeral loopback port and returns it with the
    /// address it printed first.
    pub fn serve(name: &str, extra: &[&str]) -> (Example, String) {
        let mut args = vec!["127.0.0.1:0"];
        args.extend_from_slice(extra);
        let ex = Example::start(name, &args);
        let addr = ex
            .next_line()
            .unwrap_or_else(|| panic!("{name} printed no address"));
        assert!(
            addr.parse::<std::net::SocketAddr>().is_ok(),
            "{name} printed {addr:?}, not an address"
        );
        (ex, addr)
    }

    /// The next stdout line, waiting at most `TIMEOUT`.
    pub fn next_line(&self) -> Option<String> {
        self.lines.recv_timeout(TIMEOUT).ok()
    }

    /// Waits until a stdout line satisfies `pred`; returns it.
    pub fn wait_line(&self, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(l) if pred(&l) => return l,
                Ok(_) => continue,
                Err(_) => panic!("expected stdout line did not appear in time"),
            }
        }
    }
}

impl Drop for Example {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs example `name` to completion with `stdin` as input; returns its stdout. Panics if it
/// fails or takes longer than `TIMEOUT`.
pub fn run_with_stdin(name: &str, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let mut child = Command::new(example_bin(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("start example {name}: {e}"));
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
        // Dropping `input` closes the child's stdin.
    });
    let mut out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        let _ = tx.send(v);
    });
    let output = match rx.recv_timeout(TIMEOUT) {
        Ok(v) => v,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("example {name} did not finish in time");
        }
    };
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("example {name} did not exit in time");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    writer.join().unwrap();
    assert!(status.success(), "example {name} exited with {status}");
    output
}

/// A blocking loopback client with read and write timeouts.
pub fn connect(addr: &str) -> TcpStream {
    let s = TcpStream::connect(addr).expect("connect to example");
    s.set_read_timeout(Some(TIMEOUT)).unwrap();
    s.set_write_timeout(Some(TIMEOUT)).unwrap();
    s.set_nodelay(true).unwrap();
    s
}

/// Reads until `buf` is full.
pub fn read_exact(s: &mut TcpStream, n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    s.read_exact(&mut buf).expect("read from example");
    buf
}

/// A buffered line reader over a clone of `s`.
pub fn line_reader(s: &TcpStream) -> BufReader<TcpStream> {
    BufReader::new(s.try_clone().unwrap())
}

/// Reads one line (without the newline).
pub fn read_line(r: &mut BufReader<TcpStream>) -> String {
    let mut l = String::new();
    r.read_line(&mut l).expect("read line from example");
    assert!(l.ends_with('\n'), "connection closed mid-line: {l:?}");
    l.trim_end_matches(['\r', '\n']).to_string()
}
