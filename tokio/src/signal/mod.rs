//! Asynchronous signal handling: [`ctrl_c`] everywhere, and [`unix::signal`] for any Unix
//! signal.
//!
//! Listening binds to the current runtime's reactor (like every I/O resource), and once a
//! signal is hooked its default action (for `SIGINT`, terminating the process) no longer
//! happens.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! tokio::signal::ctrl_c().await?;
//! println!("ctrl-c received");
//! # Ok(()) }
//! ```

pub use tokio_net::signal::ctrl_c;

#[cfg(unix)]
pub mod unix {
    //! Unix signals: [`signal`] returns a [`Signal`] for one [`SignalKind`].
    pub use tokio_net::signal::unix::{signal, Signal, SignalKind};
}
