//! Asynchronous green threads: spawning, joining, yielding and local task sets.
