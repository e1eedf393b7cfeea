mod loom_notify;
