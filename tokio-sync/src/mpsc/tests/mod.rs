mod loom_bounded;
mod loom_list;
