mod loom_atomic_waker;
