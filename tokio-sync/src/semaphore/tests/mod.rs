mod loom_semaphore;
