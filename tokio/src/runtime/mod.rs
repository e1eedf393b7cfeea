//! The runtime: a scheduler, the I/O + time driver and the blocking pool, composed.
