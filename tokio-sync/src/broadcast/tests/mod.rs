mod loom_broadcast;
