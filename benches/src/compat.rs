//! The few places where tokio 1.x and the 0.2 API differ, hidden behind one small surface per
//! runtime (`Rt`, `sleep`, `sem_cycle`), so each workload is written once (in `workloads.rs`).

use crate::Flavor;

/// Generates the compat module for a crate with the tokio 0.2 API (ours and tokio 0.2.25).
macro_rules! compat02 {
    ($tk:ident, time: #[$time:meta], sync: #[$sync:meta]) => {
        /// A runtime of the requested flavour with I/O and time enabled.
        pub struct Rt {
            inner: $tk::runtime::Runtime,
        }

        impl Rt {
            pub fn new(flavor: $crate::Flavor) -> Rt {
                let mut b = $tk::runtime::Builder::new();
                match flavor {
                    $crate::Flavor::MultiThread2 => b.threaded_scheduler().core_threads(2),
                    $crate::Flavor::CurrentThread => b.basic_scheduler(),
                };
                Rt {
                    inner: b.enable_all().build().expect("build runtime"),
                }
            }

            #[allow(clippy::needless_borrow)]
            pub fn block_on<F: std::future::Future>(&mut self, f: F) -> F::Output {
                (&mut self.inner).block_on(f)
            }

            pub fn spawn<F>(&self, f: F) -> $tk::task::JoinHandle<F::Output>
            where
                F: std::future::Future + Send + 'static,
                F::Output: Send + 'static,
            {
                self.inner.spawn(f)
            }
        }

        #[$time]
        pub fn sleep(d: std::time::Duration) -> impl std::future::Future<Output = ()> {
            $tk::time::delay_for(d)
        }

        #[$sync]
        pub async fn sem_cycle(s: &$tk::sync::Semaphore) {
            let permit = s.acquire().await;
            drop(permit);
        }
    };
}

pub(crate) use compat02;

/// tokio 1.x.
pub mod t1 {
    use super::Flavor;
    use tokio1 as tk;

    /// A runtime of the requested flavour with I/O and time enabled.
    pub struct Rt {
        inner: tk::runtime::Runtime,
    }

    impl Rt {
        pub fn new(flavor: Flavor) -> Rt {
            let mut b = match flavor {
                Flavor::MultiThread2 => {
                    let mut b = tk::runtime::Builder::new_multi_thread();
                    b.worker_threads(2);
                    b
                }
                Flavor::CurrentThread => tk::runtime::Builder::new_current_thread(),
            };
            Rt {
                inner: b.enable_all().build().expect("build runtime"),
            }
        }

        pub fn block_on<F: std::future::Future>(&mut self, f: F) -> F::Output {
            self.inner.block_on(f)
        }

        pub fn spawn<F>(&self, f: F) -> tk::task::JoinHandle<F::Output>
        where
            F: std::future::Future + Send + 'static,
            F::Output: Send + 'static,
        {
            self.inner.spawn(f)
        }
    }

    pub fn sleep(d: std::time::Duration) -> impl std::future::Future<Output = ()> {
        tk::time::sleep(d)
    }

    pub async fn sem_cycle(s: &tk::sync::Semaphore) {
        let permit = s.acquire().await.expect("semaphore closed");
        drop(permit);
    }
}

/// The published tokio 0.2.25.
pub mod t02 {
    use tokio02 as tk;
    super::compat02!(tk, time: #[cfg(all())], sync: #[cfg(all())]);
}

/// This workspace's tokio.
#[cfg(feature = "ours-rt")]
pub mod ours {
    use tokio as tk;
    super::compat02!(tk, time: #[cfg(feature = "ours-time")], sync: #[cfg(feature = "ours-sync")]);
}
