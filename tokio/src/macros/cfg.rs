//! One `cfg_*!` macro per user-visible feature: each wraps items in the feature's `cfg` and
//! its `doc(cfg(...))`. Code that needs a feature goes in its own item under one of these,
//! never a `cfg` on a single statement.
#![allow(unused_macros)]

macro_rules! cfg_rt_core {
    ($($item:item)*) => { $( #[cfg(feature = "rt-core")] #[cfg_attr(docsrs, doc(cfg(feature = "rt-core")))] $item )* }
}
macro_rules! cfg_not_rt_core {
    ($($item:item)*) => { $( #[cfg(not(feature = "rt-core"))] $item )* }
}
macro_rules! cfg_rt_threaded {
    ($($item:item)*) => { $( #[cfg(feature = "rt-threaded")] #[cfg_attr(docsrs, doc(cfg(feature = "rt-threaded")))] $item )* }
}
macro_rules! cfg_not_rt_threaded {
    ($($item:item)*) => { $( #[cfg(not(feature = "rt-threaded"))] $item )* }
}
macro_rules! cfg_rt_util {
    ($($item:item)*) => { $( #[cfg(all(feature = "rt-util", feature = "rt-core"))] #[cfg_attr(docsrs, doc(cfg(feature = "rt-util")))] $item )* }
}
macro_rules! cfg_blocking {
    ($($item:item)*) => { $( #[cfg(feature = "blocking")] #[cfg_attr(docsrs, doc(cfg(feature = "blocking")))] $item )* }
}
macro_rules! cfg_block_in_place {
    ($($item:item)*) => { $( #[cfg(all(feature = "blocking", feature = "rt-threaded"))] #[cfg_attr(docsrs, doc(cfg(all(feature = "blocking", feature = "rt-threaded"))))] $item )* }
}
macro_rules! cfg_io_driver {
    ($($item:item)*) => { $( #[cfg(feature = "io-driver")] #[cfg_attr(docsrs, doc(cfg(feature = "io-driver")))] $item )* }
}
macro_rules! cfg_not_io_driver {
    ($($item:item)*) => { $( #[cfg(not(feature = "io-driver"))] $item )* }
}
macro_rules! cfg_io_util {
    ($($item:item)*) => { $( #[cfg(feature = "io-util")] #[cfg_attr(docsrs, doc(cfg(feature = "io-util")))] $item )* }
}
macro_rules! cfg_io_std {
    ($($item:item)*) => { $( #[cfg(feature = "io-std")] #[cfg_attr(docsrs, doc(cfg(feature = "io-std")))] $item )* }
}
macro_rules! cfg_tcp {
    ($($item:item)*) => { $( #[cfg(feature = "tcp")] #[cfg_attr(docsrs, doc(cfg(feature = "tcp")))] $item )* }
}
macro_rules! cfg_udp {
    ($($item:item)*) => { $( #[cfg(feature = "udp")] #[cfg_attr(docsrs, doc(cfg(feature = "udp")))] $item )* }
}
macro_rules! cfg_uds {
    ($($item:item)*) => { $( #[cfg(all(unix, feature = "uds"))] #[cfg_attr(docsrs, doc(cfg(all(unix, feature = "uds"))))] $item )* }
}
macro_rules! cfg_dns {
    ($($item:item)*) => { $( #[cfg(feature = "dns")] #[cfg_attr(docsrs, doc(cfg(feature = "dns")))] $item )* }
}
macro_rules! cfg_time {
    ($($item:item)*) => { $( #[cfg(feature = "time")] #[cfg_attr(docsrs, doc(cfg(feature = "time")))] $item )* }
}
macro_rules! cfg_not_time {
    ($($item:item)*) => { $( #[cfg(not(feature = "time"))] $item )* }
}
macro_rules! cfg_test_util {
    ($($item:item)*) => { $( #[cfg(all(feature = "time", feature = "test-util"))] #[cfg_attr(docsrs, doc(cfg(feature = "test-util")))] $item )* }
}
macro_rules! cfg_sync {
    ($($item:item)*) => { $( #[cfg(feature = "sync")] #[cfg_attr(docsrs, doc(cfg(feature = "sync")))] $item )* }
}
macro_rules! cfg_stream {
    ($($item:item)*) => { $( #[cfg(feature = "stream")] #[cfg_attr(docsrs, doc(cfg(feature = "stream")))] $item )* }
}
macro_rules! cfg_macros {
    ($($item:item)*) => { $( #[cfg(feature = "macros")] #[cfg_attr(docsrs, doc(cfg(feature = "macros")))] $item )* }
}
macro_rules! cfg_fs {
    ($($item:item)*) => { $( #[cfg(feature = "fs")] #[cfg_attr(docsrs, doc(cfg(feature = "fs")))] $item )* }
}
macro_rules! cfg_signal {
    ($($item:item)*) => { $( #[cfg(feature = "signal")] #[cfg_attr(docsrs, doc(cfg(feature = "signal")))] $item )* }
}
macro_rules! cfg_process {
    ($($item:item)*) => { $( #[cfg(feature = "process")] #[cfg_attr(docsrs, doc(cfg(feature = "process")))] $item )* }
}
