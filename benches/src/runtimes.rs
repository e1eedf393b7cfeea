//! One module per runtime, each expanding the shared workloads against its crate.

/// tokio 1.x (latest on crates.io).
pub mod t1 {
    use crate::compat::t1 as compat;
    use tokio1 as tk;
    crate::workloads::workloads!(
        rt: #[cfg(all())], io: #[cfg(all())], net: #[cfg(all())], time: #[cfg(all())], sync: #[cfg(all())]
    );
}

/// The published tokio 0.2.25.
pub mod t02 {
    use crate::compat::t02 as compat;
    use tokio02 as tk;
    crate::workloads::workloads!(
        rt: #[cfg(all())], io: #[cfg(all())], net: #[cfg(all())], time: #[cfg(all())], sync: #[cfg(all())]
    );
}

/// This workspace's tokio, group by group as the facade gains them.
#[cfg(feature = "ours-rt")]
pub mod ours {
    use crate::compat::ours as compat;
    use tokio as tk;
    crate::workloads::workloads!(
        rt: #[cfg(feature = "ours-rt")],
        io: #[cfg(feature = "ours-io")],
        net: #[cfg(feature = "ours-net")],
        time: #[cfg(feature = "ours-time")],
        sync: #[cfg(feature = "ours-sync")]
    );
}
