mod loom_scheduled_io;
