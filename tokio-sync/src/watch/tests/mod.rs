mod loom_watch;
