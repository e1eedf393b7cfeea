//! tokio 0.2.25 compatibility: every nameable public path of API-0.2.md, generic bounds users
//! write (`A: ToSocketAddrs`), and the io_driver `rt.enter(|| poll)` shape.
#![allow(
    clippy::unnecessary_mut_passed,
    clippy::let_underscore_future,
    clippy::async_yields_async,
    clippy::too_many_arguments,
    clippy::let_and_return,
    unused_mut,
    unused_imports,
    dead_code,
    clippy::type_complexity
)]

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

#[test]
fn io_util_names() {
    use tokio::io::{
        BufReader, BufStream, BufWriter, Copy, DuplexStream, Empty, Lines, ReadHalf, ReaderStream,
        Repeat, Seek, Sink, Split, StreamReader, Take, WriteHalf,
    };
    use tokio::io::{Stderr, Stdin, Stdout};
    fn _n(
        _: Option<Copy<'_, &[u8], Vec<u8>>>,
        _: Option<Seek<'_, std::io::Cursor<Vec<u8>>>>,
        _: Option<Lines<&[u8]>>,
        _: Option<Split<&[u8]>>,
        _: Option<Take<&[u8]>>,
        _: Option<StreamReader<tokio::stream::Empty<std::io::Result<bytes::Bytes>>, bytes::Bytes>>,
        _: Option<ReaderStream<&[u8]>>,
        _: Option<(Empty, Repeat, Sink, DuplexStream)>,
        _: Option<(ReadHalf<DuplexStream>, WriteHalf<DuplexStream>)>,
        _: Option<(
            BufReader<&[u8]>,
            BufWriter<Vec<u8>>,
            BufStream<DuplexStream>,
        )>,
        _: Option<(Stdin, Stdout, Stderr)>,
    ) {
    }
}

// `tokio::io::{PollEvented, Registration}` exist (0.2's take mio 0.6 `Evented` types; these
// take mio 1 sources, so only the names are source compatible).
#[test]
fn io_driver_names() {
    use tokio::io::{PollEvented, Registration};
}

#[test]
fn task_names() {
    use tokio::task::{JoinError, JoinHandle, LocalKey, LocalSet};
    fn _n(_: Option<(JoinHandle<()>, JoinError, LocalSet)>, _: Option<&'static LocalKey<u32>>) {}
    let _y = tokio::task::yield_now();
}

#[test]
fn time_names() {
    use tokio::time::delay_queue::{DelayQueue, Expired, Key};
    use tokio::time::throttle::Throttle as T2;
    use tokio::time::{Delay, Duration, Elapsed, Error, Instant, Interval, Throttle, Timeout};
    fn _n(
        _: Option<(Delay, Duration, Elapsed, Error, Instant, Interval)>,
        _: Option<(
            Throttle<tokio::stream::Empty<()>>,
            Timeout<Delay>,
            T2<tokio::stream::Empty<()>>,
        )>,
        _: Option<(DelayQueue<u8>, Expired<u8>, Key)>,
    ) {
    }
    let _ = tokio::time::DelayQueue::<u8>::new;
}

#[test]
fn stream_names() {
    use tokio::stream::{Empty, FromStream, Iter, Once, Pending, Stream, StreamExt, StreamMap};
    fn _collect<T: FromStream<u8>>() {}
    _collect::<Vec<u8>>();
}

#[test]
fn sync_names() {
    use tokio::sync::broadcast::{self, RecvError, SendError, TryRecvError};
    use tokio::sync::mpsc::error::{
        ClosedError, RecvError as MRecvError, SendError as MSendError, SendTimeoutError,
        TryRecvError as MTryRecvError, TrySendError,
    };
    use tokio::sync::mpsc::{Receiver, Sender, UnboundedReceiver, UnboundedSender};
    use tokio::sync::oneshot::error::{RecvError as ORecvError, TryRecvError as OTryRecvError};
    use tokio::sync::watch::error::SendError as WSendError;
    use tokio::sync::watch::Ref;
    use tokio::sync::{
        Barrier, BarrierWaitResult, Mutex, MutexGuard, Notify, OwnedMutexGuard,
        OwnedSemaphorePermit, RwLock, RwLockReadGuard, RwLockWriteGuard, Semaphore,
        SemaphorePermit, TryLockError,
    };
}

#[test]
fn net_names() {
    use tokio::net::tcp::{
        Incoming, OwnedReadHalf, OwnedWriteHalf, ReadHalf, ReuniteError, WriteHalf,
    };
    use tokio::net::udp::{RecvHalf, ReuniteError as UReuniteError, SendHalf};
    use tokio::net::unix::datagram::{
        OwnedRecvHalf, OwnedSendHalf, RecvHalf as DRecvHalf, ReuniteError as DReuniteError,
        SendHalf as DSendHalf,
    };
    use tokio::net::unix::{
        Incoming as UIncoming, OwnedReadHalf as UOwnedReadHalf, OwnedWriteHalf as UOwnedWriteHalf,
        ReadHalf as UReadHalf, ReuniteError as UnixReuniteError, UCred, WriteHalf as UWriteHalf,
    };
    use tokio::net::{
        lookup_host, TcpListener, TcpStream, ToSocketAddrs, UdpSocket, UnixDatagram, UnixListener,
        UnixStream,
    };
}

#[test]
fn runtime_names() {
    use tokio::runtime::{Builder, Handle, Runtime, TryCurrentError};
}

#[test]
fn fs_names() {
    use tokio::fs::os::unix::{symlink, DirBuilderExt, OpenOptionsExt};
    use tokio::fs::{
        canonicalize, copy, create_dir, create_dir_all, hard_link, metadata, read, read_dir,
        read_link, read_to_string, remove_dir, remove_dir_all, remove_file, rename,
        set_permissions, symlink_metadata, write,
    };
    use tokio::fs::{DirBuilder, DirEntry, File, OpenOptions, ReadDir};
}

#[test]
fn signal_names() {
    use tokio::signal::ctrl_c;
    use tokio::signal::unix::{signal, Signal, SignalKind};
    let _f = ctrl_c;
}

#[test]
fn tokio_test_names() {
    use tokio_test::io::{Builder, Handle, Mock};
    use tokio_test::task::{spawn, Spawn};
    fn _n(_: Option<(Builder, Handle, Mock, Spawn<()>)>) {}
}

#[test]
fn hidden_future_module() {
    use tokio::future::{maybe_done, poll_fn, MaybeDone};
    let md: MaybeDone<_> = maybe_done(async { 1 });
    tokio::pin!(md);
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(md.as_mut().poll(&mut cx).is_ready());
    assert_eq!(md.as_mut().take_output(), Some(1));
    let _p = poll_fn(|_| Poll::Ready(()));
}

async fn connect_generic<A: tokio::net::ToSocketAddrs>(
    a: A,
) -> std::io::Result<tokio::net::TcpStream> {
    tokio::net::TcpStream::connect(a).await
}

async fn bind_generic<A: tokio::net::ToSocketAddrs>(
    a: A,
) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(a).await
}

#[tokio::test]
async fn to_socket_addrs_generic_bound() {
    let mut l = bind_generic("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = l.local_addr().unwrap();
    let c = connect_generic(addr).await.unwrap();
    let _ = l.accept().await.unwrap();
    drop(c);
    let _ = connect_generic(&addr).await.unwrap();
    let _ = connect_generic(addr.to_string()).await.unwrap();
    let _ = connect_generic(("127.0.0.1", addr.port())).await.unwrap();
}

// tokio 0.2.25 tests/io_driver.rs `test_drop_on_notify` shape.
struct Task<T> {
    future: Mutex<Pin<Box<T>>>,
}

impl<T: Send> futures::task::ArcWake for Task<T> {
    fn wake_by_ref(_: &Arc<Self>) {
        // Do nothing...
    }
}

impl<T> Task<T> {
    fn new(future: T) -> Task<T> {
        Task {
            future: Mutex::new(Box::pin(future)),
        }
    }
}

#[test]
fn test_drop_on_notify() {
    use futures::task::waker_ref;
    let mut rt = tokio::runtime::Builder::new()
        .basic_scheduler()
        .enable_all()
        .build()
        .unwrap();
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    // Define a task that just drains the listener
    let task = Arc::new(Task::new(async move {
        // Create a listener
        let mut listener =
            tokio_test::assert_ok!(tokio::net::TcpListener::bind("127.0.0.1:0").await);
        // Send the address
        let addr = listener.local_addr().unwrap();
        addr_tx.send(addr).unwrap();
        loop {
            let _ = listener.accept().await;
        }
    }));
    rt.enter(|| {
        let waker = waker_ref(&task);
        let mut cx = Context::from_waker(&waker);
        tokio_test::assert_pending!(task.future.lock().unwrap().as_mut().poll(&mut cx));
    });
    // Get the address
    let addr = addr_rx.recv().unwrap();
    drop(task);
    // Establish a connection to the acceptor
    let _s = std::net::TcpStream::connect(addr).unwrap();
    // Force the reactor to turn
    rt.block_on(async {});
}

#[test]
fn auto_traits_with_send_not_sync_payload() {
    use std::cell::Cell;
    fn send_sync<T: Send + Sync>() {}
    // JoinHandle<T>: Send + Sync when T: Send
    send_sync::<tokio::task::JoinHandle<Cell<u8>>>();
    // broadcast halves: Send + Sync when T: Send
    send_sync::<tokio::sync::broadcast::Sender<Cell<u8>>>();
    send_sync::<tokio::sync::broadcast::Receiver<Cell<u8>>>();
    // Mutex<T>: Send + Sync when T: Send
    send_sync::<tokio::sync::Mutex<Cell<u8>>>();
    send_sync::<tokio::sync::mpsc::Sender<Cell<u8>>>();
    send_sync::<tokio::sync::mpsc::Receiver<Cell<u8>>>();
    send_sync::<tokio::sync::oneshot::Sender<Cell<u8>>>();
    send_sync::<tokio::sync::oneshot::Receiver<Cell<u8>>>();
    send_sync::<tokio::sync::Semaphore>();
    send_sync::<tokio::sync::Notify>();
    send_sync::<tokio::runtime::Handle>();
    send_sync::<tokio::time::Delay>();
    send_sync::<tokio::io::DuplexStream>();
}
