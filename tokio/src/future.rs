//! Hidden helpers used by macro expansions (`poll_fn`, `maybe_done`).
