mod loom_mutex;
