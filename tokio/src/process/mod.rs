//! Asynchronous child processes (Unix).
//!
//! [`Command`] mirrors [`std::process::Command`]; spawning returns a [`Child`], which is
//! itself a future resolving to the child's
//! [`ExitStatus`](std::process::ExitStatus). The child's piped standard
//! streams are [`ChildStdin`] (an `AsyncWrite`) and [`ChildStdout`] / [`ChildStderr`]
//! (`AsyncRead`s), driven by the runtime's reactor.
//!
//! # How exits are observed
//!
//! Each child listens for `SIGCHLD` (through [`crate::signal::unix`]) from before it is
//! spawned, and checks with a non-blocking wait every time the signal arrives, so an exit
//! is never missed and no thread blocks in `waitpid`. A [`Child`] dropped before its exit
//! was observed is handed to a process-wide orphan queue, reaped on later spawns and
//! `SIGCHLD`s. With [`Command::kill_on_drop`] the child is killed first.
//!
//! Spawning binds to the current runtime's reactor, so it must happen inside a runtime
//! with I/O enabled; otherwise it panics.
//!
//! ```no_run
//! use tokio::process::Command;
//!
//! # async fn run() -> std::io::Result<()> {
//! let status = Command::new("echo").arg("hello").status().await?;
//! assert!(status.success());
//!
//! let output = Command::new("echo").arg("hello").output().await?;
//! assert_eq!(output.stdout, b"hello\n");
//! # Ok(()) }
//! ```

#[cfg(unix)]
mod loom;
#[cfg(unix)]
mod orphan;
#[cfg(unix)]
mod stdio;

#[cfg(unix)]
pub use self::stdio::{ChildStderr, ChildStdin, ChildStdout};

#[cfg(unix)]
pub use self::unix_impl::{Child, Command};

#[cfg(unix)]
mod unix_impl {
    use super::orphan;
    use super::stdio::{ChildStderr, ChildStdin, ChildStdout};
    use crate::signal::unix::{signal, Signal, SignalKind};
    use std::ffi::OsStr;
    use std::fmt;
    use std::future::{poll_fn, Future};
    use std::io;
    use std::os::unix::process::CommandExt;
    use std::path::Path;
    use std::pin::Pin;
    use std::process::{Command as StdCommand, ExitStatus, Output, Stdio};
    use std::task::{ready, Context, Poll};
    use tokio_io::AsyncRead;

    /// A builder for child processes, mirroring [`std::process::Command`].
    ///
    /// Builder methods return `&mut Command` so calls chain. By default the child inherits
    /// the parent's standard streams, environment and working directory
    /// ([`output`](Command::output) pipes stdout and stderr).
    ///
    /// ```no_run
    /// use std::process::Stdio;
    /// use tokio::process::Command;
    ///
    /// # async fn run() -> std::io::Result<()> {
    /// let child = Command::new("ls")
    ///     .arg("-l")
    ///     .current_dir("/")
    ///     .stdout(Stdio::piped())
    ///     .spawn()?;
    /// let output = child.wait_with_output().await?;
    /// assert!(output.status.success());
    /// # Ok(()) }
    /// ```
    #[derive(Debug)]
    pub struct Command {
        std: StdCommand,
        kill_on_drop: bool,
    }

    impl Command {
        /// A command that runs `program` with no arguments, the parent's environment and
        /// working directory, and inherited standard streams.
        pub fn new<S: AsRef<OsStr>>(program: S) -> Command {
            Command::from(StdCommand::new(program))
        }

        /// Appends one argument.
        pub fn arg<S: AsRef<OsStr>>(&mut self, arg: S) -> &mut Command {
            self.std.arg(arg);
            self
        }

        /// Appends several arguments.
        pub fn args<I, S>(&mut self, args: I) -> &mut Command
        where
            I: IntoIterator<Item = S>,
            S: AsRef<OsStr>,
        {
            self.std.args(args);
            self
        }

        /// Sets (or overrides) one environment variable for the child.
        pub fn env<K, V>(&mut self, key: K, val: V) -> &mut Command
        where
            K: AsRef<OsStr>,
            V: AsRef<OsStr>,
        {
            self.std.env(key, val);
            self
        }

        /// Sets several environment variables for the child.
        pub fn envs<I, K, V>(&mut self, vars: I) -> &mut Command
        where
            I: IntoIterator<Item = (K, V)>,
            K: AsRef<OsStr>,
            V: AsRef<OsStr>,
        {
            self.std.envs(vars);
            self
        }

        /// Removes one variable from the child's environment.
        pub fn env_remove<K: AsRef<OsStr>>(&mut self, key: K) -> &mut Command {
            self.std.env_remove(key);
            self
        }

        /// Starts the child with an empty environment.
        pub fn env_clear(&mut self) -> &mut Command {
            self.std.env_clear();
            self
        }

        /// Sets the child's working directory.
        pub fn current_dir<P: AsRef<Path>>(&mut self, dir: P) -> &mut Command {
            self.std.current_dir(dir);
            self
        }

        /// Configures the child's standard input (`Stdio::piped()` gives
        /// [`Child::stdin`]).
        pub fn stdin<T: Into<Stdio>>(&mut self, cfg: T) -> &mut Command {
            self.std.stdin(cfg);
            self
        }

        /// Configures the child's standard output (`Stdio::piped()` gives
        /// [`Child::stdout`]).
        pub fn stdout<T: Into<Stdio>>(&mut self, cfg: T) -> &mut Command {
            self.std.stdout(cfg);
            self
        }

        /// Configures the child's standard error (`Stdio::piped()` gives
        /// [`Child::stderr`]).
        pub fn stderr<T: Into<Stdio>>(&mut self, cfg: T) -> &mut Command {
            self.std.stderr(cfg);
            self
        }

        /// Whether a [`Child`] dropped before its exit was observed kills the process
        /// (default `false`: the process keeps running and is reaped in the background).
        pub fn kill_on_drop(&mut self, kill_on_drop: bool) -> &mut Command {
            self.kill_on_drop = kill_on_drop;
            self
        }

        /// Runs the child as user `id` (`setuid`).
        pub fn uid(&mut self, id: u32) -> &mut Command {
            self.std.uid(id);
            self
        }

        /// Runs the child with group `id` (`setgid`).
        pub fn gid(&mut self, id: u32) -> &mut Command {
            self.std.gid(id);
            self
        }

        /// Runs `f` in the child after `fork` and before `exec`.
        ///
        /// # Safety
        ///
        /// As [`std::os::unix::process::CommandExt::pre_exec`]: `f` runs in a forked copy
        /// of a possibly multi-threaded process, so it may only do async-signal-safe work
        /// (no allocation, no locks held by other threads).
        pub unsafe fn pre_exec<F>(&mut self, f: F) -> &mut Command
        where
            F: FnMut() -> io::Result<()> + Send + Sync + 'static,
        {
            // SAFETY: the caller upholds `pre_exec`'s contract, which this fn forwards
            // unchanged in its own `# Safety` section.
            unsafe { self.std.pre_exec(f) };
            self
        }

        /// The underlying standard-library command.
        pub fn as_std(&self) -> &StdCommand {
            &self.std
        }

        /// Spawns the child. Its piped streams are in [`Child`]'s public fields.
        ///
        /// # Errors
        ///
        /// The spawn error of the OS (for example `NotFound` for a missing program).
        ///
        /// # Panics
        ///
        /// Panics outside a runtime with I/O enabled (no current reactor).
        #[track_caller]
        pub fn spawn(&mut self) -> io::Result<Child> {
            // Listen before the child exists so its SIGCHLD cannot be missed; this also
            // binds to the reactor (and panics without one) before anything is spawned.
            let sigchld = signal(SignalKind::child())?;
            orphan::reap();
            let mut std = self.std.spawn()?;
            let (stdin, stdout, stderr) = (std.stdin.take(), std.stdout.take(), std.stderr.take());
            let mut child = Child {
                inner: Some(std),
                sigchld,
                kill_on_drop: self.kill_on_drop,
                exited: false,
                stdin: None,
                stdout: None,
                stderr: None,
            };
            // On an error here the child is dropped like any other unwaited child.
            child.stdin = stdin.map(ChildStdin::new).transpose()?;
            child.stdout = stdout.map(ChildStdout::new).transpose()?;
            child.stderr = stderr.map(ChildStderr::new).transpose()?;
            Ok(child)
        }

        /// Spawns the child and waits for its exit. The spawn happens now; the returned
        /// future waits. Standard streams are inherited unless configured otherwise
        /// (piped ones are closed at once).
        ///
        /// # Panics
        ///
        /// As [`spawn`](Command::spawn).
        #[track_caller]
        pub fn status(&mut self) -> impl Future<Output = io::Result<ExitStatus>> {
            let child = self.spawn();
            async move {
                let mut child = child?;
                drop(child.stdin.take());
                drop(child.stdout.take());
                drop(child.stderr.take());
                child.await
            }
        }

        /// Spawns the child with stdout and stderr piped, and collects its exit status and
        /// everything it wrote. The spawn happens now; the returned future waits.
        ///
        /// # Panics
        ///
        /// As [`spawn`](Command::spawn).
        #[track_caller]
        pub fn output(&mut self) -> impl Future<Output = io::Result<Output>> {
            self.std.stdout(Stdio::piped());
            self.std.stderr(Stdio::piped());
            let child = self.spawn();
            async move { child?.wait_with_output().await }
        }
    }

    impl From<StdCommand> for Command {
        fn from(std: StdCommand) -> Command {
            Command {
                std,
                kill_on_drop: false,
            }
        }
    }

    /// A spawned child process; awaiting it yields its [`ExitStatus`].
    ///
    /// The status is cached: polling again after completion returns it again. A `Child`
    /// dropped before its exit was observed leaves the process running (or kills it, with
    /// [`Command::kill_on_drop`]) and hands it to a background orphan queue that reaps it.
    ///
    /// ```no_run
    /// use tokio::process::Command;
    ///
    /// # async fn run() -> std::io::Result<()> {
    /// let mut child = Command::new("sleep").arg("10").spawn()?;
    /// child.kill()?;
    /// let status = (&mut child).await?;
    /// assert!(!status.success());
    /// # Ok(()) }
    /// ```
    #[must_use = "futures do nothing unless polled"]
    pub struct Child {
        /// `None` only during drop.
        inner: Option<std::process::Child>,
        sigchld: Signal,
        kill_on_drop: bool,
        /// The exit has been observed (and the process reaped).
        exited: bool,
        /// The child's standard input, when it was configured as `Stdio::piped()`.
        pub stdin: Option<ChildStdin>,
        /// The child's standard output, when it was configured as `Stdio::piped()`.
        pub stdout: Option<ChildStdout>,
        /// The child's standard error, when it was configured as `Stdio::piped()`.
        pub stderr: Option<ChildStderr>,
    }

    impl Child {
        fn std(&mut self) -> &mut std::process::Child {
            self.inner.as_mut().expect("child present until drop")
        }

        /// The OS process id.
        pub fn id(&self) -> u32 {
            self.inner.as_ref().expect("child present until drop").id()
        }

        /// Sends `SIGKILL` to the child. Await the `Child` afterwards to reap it. Does
        /// nothing once the exit has been observed.
        pub fn kill(&mut self) -> io::Result<()> {
            if self.exited {
                return Ok(());
            }
            self.std().kill()
        }

        /// The child's standard input handle.
        #[deprecated(note = "please use `child.stdin` instead")]
        pub fn stdin(&mut self) -> &mut Option<ChildStdin> {
            &mut self.stdin
        }

        /// The child's standard output handle.
        #[deprecated(note = "please use `child.stdout` instead")]
        pub fn stdout(&mut self) -> &mut Option<ChildStdout> {
            &mut self.stdout
        }

        /// The child's standard error handle.
        #[deprecated(note = "please use `child.stderr` instead")]
        pub fn stderr(&mut self) -> &mut Option<ChildStderr> {
            &mut self.stderr
        }

        /// Closes stdin, then waits for the exit while reading all of stdout and stderr
        /// (those that were piped; the others come back empty).
        pub async fn wait_with_output(mut self) -> io::Result<Output> {
            drop(self.stdin.take());
            let mut out = std::pin::pin!(read_all(self.stdout.take()));
            let mut err = std::pin::pin!(read_all(self.stderr.take()));
            let (mut status, mut stdout, mut stderr) = (None, None, None);
            poll_fn(|cx| {
                if stdout.is_none() {
                    if let Poll::Ready(r) = out.as_mut().poll(cx) {
                        stdout = Some(r?);
                    }
                }
                if stderr.is_none() {
                    if let Poll::Ready(r) = err.as_mut().poll(cx) {
                        stderr = Some(r?);
                    }
                }
                if status.is_none() {
                    if let Poll::Ready(r) = Pin::new(&mut self).poll(cx) {
                        status = Some(r?);
                    }
                }
                if status.is_some() && stdout.is_some() && stderr.is_some() {
                    Poll::Ready(Ok::<(), io::Error>(()))
                } else {
                    Poll::Pending
                }
            })
            .await?;
            Ok(Output {
                status: status.expect("status collected"),
                stdout: stdout.expect("stdout collected"),
                stderr: stderr.expect("stderr collected"),
            })
        }
    }

    /// Reads `io` to its end (empty for `None`).
    async fn read_all<R: AsyncRead + Unpin>(io: Option<R>) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let Some(mut io) = io else { return Ok(out) };
        let mut buf = [0u8; 4096];
        loop {
            let n = poll_fn(|cx| Pin::new(&mut io).poll_read(cx, &mut buf)).await?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    impl Future for Child {
        type Output = io::Result<ExitStatus>;

        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let coop = ready!(tokio_executor::coop::poll_proceed(cx));
            let this = self.get_mut();
            loop {
                match this.std().try_wait() {
                    Ok(Some(status)) => {
                        this.exited = true;
                        coop.made_progress();
                        return Poll::Ready(Ok(status));
                    }
                    Ok(None) => {}
                    Err(e) => {
                        coop.made_progress();
                        return Poll::Ready(Err(e));
                    }
                }
                // The listener predates the child, so an exit after the check above
                // leaves a delivery pending here.
                match this.sigchld.poll_recv(cx) {
                    Poll::Ready(Some(())) => orphan::reap(),
                    Poll::Ready(None) => {
                        coop.made_progress();
                        return Poll::Ready(Err(io::Error::other(
                            "the runtime driving this child's SIGCHLD listener has shut down",
                        )));
                    }
                    Poll::Pending => return Poll::Pending,
                }
            }
        }
    }

    impl Drop for Child {
        fn drop(&mut self) {
            let Some(mut child) = self.inner.take() else {
                return;
            };
            if self.exited {
                return;
            }
            if self.kill_on_drop {
                let _ = child.kill();
            }
            if let Ok(None) = child.try_wait() {
                orphan::push(child);
            }
        }
    }

    impl fmt::Debug for Child {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Child")
                .field("pid", &self.inner.as_ref().map(|c| c.id()))
                .field("kill_on_drop", &self.kill_on_drop)
                .field("stdin", &self.stdin)
                .field("stdout", &self.stdout)
                .field("stderr", &self.stderr)
                .finish()
        }
    }
}
