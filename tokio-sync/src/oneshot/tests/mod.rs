mod loom_oneshot;
